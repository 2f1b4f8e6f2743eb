"""The solve pipeline on an embedded Ray: end to end through the CLI, and exact resume."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from alphasolve.formats import load_problem
from tests.conftest import REPO

os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # tests write no ~/.ray token


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_solve_cli_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "run"
    env = dict(os.environ, RAY_AUTH_MODE="disabled")
    cmd = [sys.executable, "-m", "alphasolve.cli", "solve", str(REPO / "problems" / "rope-teams"),
           "--samples", "64", "--sampler", "fake", "--out", str(out),
           "--without-replacement"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "rope-teams" in done.stdout and "picks" in done.stdout
    for stage in ("samples", "filter", "inputs", "behaviour", "clusters", "picks"):
        assert (out / f"{stage}.jsonl").is_file(), stage
    assert len(lines(out / "samples.jsonl")) == 64
    picks = lines(out / "picks.jsonl")
    assert picks and all({"code", "language", "cluster_size", "score"} <= p.keys() for p in picks)
    info = json.loads((out / "run.json").read_text())
    assert info["isolation"] in ("full", "partial", "minimal") and "rope-teams" in info["timings"]
    assert info["config"]["without_replacement"] == "True"
    # greedy sampling has one program to give: asking for distinct ones is a user error
    greedy = [*cmd[:-1], "--temperature", "0", "--without-replacement"]
    done = subprocess.run(greedy, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 2 and "needs a temperature > 0" in done.stderr
    assert "Traceback" not in done.stderr
    # resuming it the other way would mix two kinds of draws: refused before any work
    other = [c for c in cmd if c != "--without-replacement"]
    done = subprocess.run(other, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "its samples were drawn without replacement" in done.stderr
    assert len(lines(out / "samples.jsonl")) == 64  # nothing added


def test_default_token_auth_starts_on_a_machine_without_a_token(tmp_path: Path) -> None:
    """RAY_AUTH_MODE unset, no ~/.ray/auth_token (a fresh machine): the embedded Ray must
    start in token mode (it once failed: the mode was set after `import ray`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAY_AUTH")}
    env["HOME"] = str(tmp_path / "home")
    cmd = [sys.executable, "-m", "alphasolve.cli", "solve", str(REPO / "problems" / "rope-teams"),
           "--samples", "8", "--sampler", "fake", "--out", str(tmp_path / "run")]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "home" / ".ray" / "auth_token").is_file()  # token mode was in force


def test_resume_after_a_kill_repeats_nothing(tmp_path: Path, ray_local: None) -> None:
    from alphasolve.pipeline.solve import SolveConfig, solve

    problem = load_problem(REPO / "problems" / "rope-teams")
    cfg = SolveConfig(samples=192, sampler="fake", model_inputs=8, mutated_inputs=8)
    whole = tmp_path / "whole"
    solve([problem], whole, cfg)
    reference = Counter((r["chunk"], r["candidate_id"]) for r in lines(whole / "samples.jsonl"))
    assert sum(reference.values()) == 192

    # The same run killed mid-sampling and mid-judging: a torn line, later stages missing.
    cut = tmp_path / "cut"
    cut.mkdir()
    kept = (whole / "samples.jsonl").read_text().splitlines(keepends=True)[:100]
    (cut / "samples.jsonl").write_text("".join(kept) + kept[100 - 1][:30])
    filtered = (whole / "filter.jsonl").read_text().splitlines(keepends=True)[:3]
    (cut / "filter.jsonl").write_text("".join(filtered))
    solve([problem], cut, cfg)
    resumed = lines(cut / "samples.jsonl")
    # every sample exactly once: the same (chunk, candidate) multiset as the uninterrupted run
    assert Counter((r["chunk"], r["candidate_id"]) for r in resumed) == reference
    judged = Counter(r["candidate_id"] for r in lines(cut / "filter.jsonl"))
    assert judged and max(judged.values()) == 1  # every distinct candidate judged exactly once
    assert set(judged) == {r["candidate_id"] for r in resumed}
    assert lines(cut / "picks.jsonl") == lines(whole / "picks.jsonl")


def test_killed_actors_are_restarted_and_nothing_is_lost(tmp_path: Path, ray_local: None) -> None:
    """A judge actor and a sampler actor die mid-run; Ray restarts them, the unfinished calls
    are retried (a work unit repeats exactly), and every sample is judged exactly once."""
    import threading
    import time

    import ray

    from alphasolve.pipeline.solve import SolveConfig, solve

    problem = load_problem(REPO / "problems" / "rope-teams")
    cfg = SolveConfig(samples=640, sampler="fake", model_inputs=4, mutated_inputs=8, filter_batch=8)
    out = tmp_path / "run"
    killed: list[str] = []

    def killer() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(killed) < 2:
            samples = out / "samples.jsonl"
            if samples.exists() and samples.read_text().count("\n") >= 128:
                for name in ray.util.list_named_actors():
                    kind = "judge" if "judge" in name else "sampler"
                    if name.startswith("alphasolve-") and kind not in killed:
                        ray.kill(ray.get_actor(name), no_restart=False)
                        killed.append(kind)
            time.sleep(0.05)

    thread = threading.Thread(target=killer)
    thread.start()
    solve([problem], out, cfg)
    thread.join()
    assert sorted(killed) == ["judge", "sampler"]
    samples = lines(out / "samples.jsonl")
    assert len(samples) == 640
    assert Counter(r["chunk"] for r in samples) == {i: 64 for i in range(10)}
    judged = Counter(r["candidate_id"] for r in lines(out / "filter.jsonl"))
    assert set(judged) == {r["candidate_id"] for r in samples} and max(judged.values()) == 1
    assert lines(out / "picks.jsonl")
