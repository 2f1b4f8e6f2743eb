"""`alphasolve solve` killed with SIGKILL, for real, and run again.

A black-box test through the CLI: the run directory's files tell which phase the process is
in, the process is killed there (mid-sampling, then mid-behaviour) and the same command is
run again. The resumed run must end with exactly the picks of an uninterrupted run with the
same seed. The fake sampler keeps it fast; the problem is built so that both phases last
long enough to be hit (hundreds of distinct programs that pass the example and fall into
five behaviour clusters of different sizes, so the picks and their cluster sizes depend on
every draw).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

# Programs that all print 5 on the example (2, 3) and differ on (2, 2), (3, 2) and (3, 3):
# five behaviour clusters, the first the most sampled.
FORMULAS = {"a + b": 50, "a * b - 1": 40, "2 * a + 1": 30, "3 * b - 4": 20, "b * b - 2 * a": 10}
SAMPLES = 1024
TIMEOUT = 120  # seconds one `solve` may take before the test gives up on it


def make_problem(root: Path) -> Path:
    """A native-format problem: a count line (which the input mutator keeps), then two
    integers (which it varies between 2 and 3, the example's range: three new inputs, on
    which the five formulas all differ)."""
    problem = root / "plus"
    (problem / "examples").mkdir(parents=True)
    (problem / "tests").mkdir()
    (problem / "solutions" / "wrong_answer").mkdir(parents=True)
    (problem / "problem.yaml").write_text(
        "name: Plus\ntime_limit: 1.0\nmemory_limit: 256\nchecker: tokens\n"
    )
    (problem / "statement.md").write_text(
        "Print the sum of two integers.\n\n## Input\n\nThe number 1, then $a$ and $b$.\n\n"
        "## Output\n\nTheir sum.\n"
    )
    (problem / "examples" / "01.in").write_text("1\n2 3\n")
    (problem / "examples" / "01.ans").write_text("5\n")
    for i, (a, b) in enumerate([(1, 1), (4, 7), (10, 3)]):
        (problem / "tests" / f"{i:02d}.in").write_text(f"1\n{a} {b}\n")
        (problem / "tests" / f"{i:02d}.ans").write_text(f"{a + b}\n")
    for f, (formula, copies) in enumerate(FORMULAS.items()):
        for k in range(copies):
            # An unused name makes each copy a distinct program with the same behaviour.
            code = f"input()\na, b = map(int, input().split())\nvariant = {k}\nprint({formula})\n"
            (problem / "solutions" / f"f{f}_{k:03d}.py").write_text(code)
    (problem / "solutions" / "wrong_answer" / "minus.py").write_text(
        "input()\na, b = map(int, input().split())\nprint(a - b)\n"
    )
    return problem


def lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:  # a torn last line, being written right now
            pass
    return out


def count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def solve_cmd(problem: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "alphasolve.cli", "solve", str(problem), "--out", str(out),
        "--sampler", "fake", "--samples", str(SAMPLES), "--language", "python3:1",
        "--seed", "7",
    ]  # fmt: skip


def env() -> dict[str, str]:
    return dict(os.environ, RAY_AUTH_MODE="disabled")


@contextmanager
def solving(problem: Path, out: Path) -> Iterator[subprocess.Popen]:
    """`alphasolve solve` into `out`, as a process in a process group of its own; on the way
    out everything left in that group (an embedded Ray whose driver was killed) is killed."""
    proc = subprocess.Popen(
        solve_cmd(problem, out),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env(),
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        if proc.stderr:
            proc.stderr.close()


def run_to_end(problem: Path, out: Path) -> None:
    with solving(problem, out) as proc:
        _, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == 0, err.decode()[-2000:]


def kill_when(proc: subprocess.Popen, phase: str, reached: Callable[[], bool]) -> None:
    """SIGKILL the solve process as soon as `reached()` (the files say it is in `phase`)."""
    deadline = time.monotonic() + TIMEOUT
    while not reached():
        if proc.poll() is not None:
            err = proc.stderr.read().decode()[-2000:] if proc.stderr else ""
            pytest.fail(f"solve ended (exit {proc.returncode}) before {phase}: {err}")
        if time.monotonic() > deadline:
            pytest.fail(f"solve did not reach {phase} in {TIMEOUT} s")
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL


def mid_sampling(out: Path) -> Callable[[], bool]:
    samples = out / "samples.jsonl"
    return lambda: 0 < count_lines(samples) < SAMPLES // 2


def mid_behaviour(out: Path) -> Callable[[], bool]:
    return lambda: count_lines(out / "behaviour.jsonl") > 0 and not (out / "picks.jsonl").exists()


def picks(out: Path) -> list[dict]:
    return lines(out / "picks.jsonl")


def sample_ids(out: Path) -> Counter[str]:
    return Counter(r["candidate_id"] for r in lines(out / "samples.jsonl"))


def test_solve_killed_mid_sampling_and_mid_behaviour_resumes_to_the_same_picks(
    tmp_path: Path,
) -> None:
    problem = make_problem(tmp_path)
    # One after another: two embedded Rays starting at once on a busy machine can miss
    # Ray's own start-up deadline.
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    run_to_end(problem, whole)
    reference = picks(whole)
    assert len(reference) == 10 and len({p["cluster"] for p in reference}) == len(FORMULAS)

    with solving(problem, killed) as proc:
        kill_when(proc, "mid-sampling", mid_sampling(killed))
    assert 0 < count_lines(killed / "samples.jsonl") < SAMPLES
    assert not (killed / "behaviour.jsonl").exists()

    with solving(problem, killed) as proc:
        kill_when(proc, "mid-behaviour", mid_behaviour(killed))
    assert count_lines(killed / "behaviour.jsonl") > 0 and not (killed / "picks.jsonl").exists()
    redrawn = tmp_path / "redrawn"  # a copy, for the negative control below
    shutil.copytree(killed, redrawn)

    # The check can fail: a resume that drew the samples it already had once more (as one
    # that ignored samples.jsonl would) weighs every cluster twice over, so other picks.
    text = (redrawn / "samples.jsonl").read_text()
    (redrawn / "samples.jsonl").write_text(text + text)

    run_to_end(problem, killed)
    assert sample_ids(killed) == sample_ids(whole)  # every draw once, the same draws
    assert picks(killed) == reference
    # behaviour already written before the kill was kept, not computed and written again
    ran = [json.loads(line)["candidate_id"] for line in (killed / "behaviour.jsonl").open()]
    assert len(ran) == len(set(ran))
    run_to_end(problem, redrawn)
    assert picks(redrawn) != reference
