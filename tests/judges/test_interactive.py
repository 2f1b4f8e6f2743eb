"""Interactive judging: the verdict rules (pure), the relay on real pipes, and the judge's
pair of slots (no deadlock of the pool, files hidden by uid where Landlock is off)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from judges import Blob, CheckerKind, CheckerSpec, Convention, Judge, JudgeConfig, TestCase, Verdict
from judges.config import Limits, SandboxConfig
from judges.interactive import PairFacts, Relay, broken_pipe, decide, interactor_limits
from judges.judge import BatchJob
from judges.sandbox.slot import Outcome

CASES = Path(__file__).parent / "cases"
GUESS = CheckerSpec(
    CheckerKind.CUSTOM,
    program=CASES / "i01-control-guess" / "interactor.py",
    convention=Convention.KATTIS,
)
SEARCH = (CASES / "i01-control-guess" / "main.py").read_text()

A, W, J, T, M, OL, R = (
    Verdict.AC,
    Verdict.WA,
    Verdict.JE,
    Verdict.TLE,
    Verdict.MLE,
    Verdict.OLE,
    Verdict.RTE,
)


@pytest.mark.parametrize(
    ("program", "broken", "interactor", "first", "ibroken", "expected"),
    [
        # the interactor ended first: it speaks first
        (None, False, A, True, False, A),
        (R, True, A, True, False, A),  # accepted, then the program hit the closed pipe
        (R, True, W, True, False, W),  # rejected, then the broken pipe: WA, not RTE
        (T, False, W, True, False, W),  # rejected before the program ran out of time
        (T, False, A, True, False, T),
        (R, False, None, True, False, J),  # the interactor crashed: never the program's fault
        (None, False, None, True, True, W),  # it wrote to a program that stopped reading
        # the program ended first
        (T, False, W, False, False, T),  # killed at a limit: the interactor then saw EOF
        (M, False, None, False, False, M),
        (OL, False, A, False, False, OL),
        (R, False, W, False, False, R),  # crashed before the interactor decided
        (None, False, W, False, False, W),  # exited early: the interactor's verdict
        (None, False, A, False, False, A),
        (None, False, None, False, False, J),
        (None, False, None, False, True, W),
    ],
)
def test_decide(
    program: Verdict | None,
    broken: bool,
    interactor: Verdict | None,
    first: bool,
    ibroken: bool,
    expected: Verdict,
) -> None:
    facts = PairFacts(program, "program detail", broken, interactor, "said so", first, ibroken)
    assert decide(facts)[0] is expected


def _ended(stderr: bytes, sig: int | None = None) -> Outcome:
    return Outcome(1 if sig is None else None, sig, 0.0, 0.0, 0, None, b"", 0, stderr, len(stderr))


def test_a_broken_pipe_is_the_kernel_s_signal_or_a_traceback_s_last_line() -> None:
    import signal

    traceback = (
        b"Traceback (most recent call last):\n  ...\nBrokenPipeError: [Errno 32] Broken pipe\n"
    )
    assert broken_pipe(_ended(b"", signal.SIGPIPE), tracebacks=False)
    assert broken_pipe(_ended(traceback), tracebacks=True)
    # stderr is the program's own: a mention that is not a traceback's last line, or any
    # mention from a runtime without tracebacks, does not excuse a crash
    assert not broken_pipe(_ended(b"BrokenPipeError\nthen I crashed\n"), tracebacks=True)
    assert not broken_pipe(_ended(b"BrokenPipeError\n"), tracebacks=False)


def test_interactor_outlasts_the_program() -> None:
    program = Limits(time=2.0)
    assert interactor_limits(program).wall > program.wall
    assert interactor_limits(program).time >= program.wall


class _Pipes:
    """A relay between two fake sides: `program_w`/`program_r` and `interactor_r`/`interactor_w`
    are the ends the two sides would hold."""

    def __init__(self, limit: int = 1 << 20) -> None:
        from_program_r, self.program_w = os.pipe()
        self.interactor_r, to_interactor_w = os.pipe()
        from_interactor_r, self.interactor_w = os.pipe()
        self.program_r, to_program_w = os.pipe()
        self.relay = Relay(from_program_r, to_interactor_w, from_interactor_r, to_program_w, limit)

    def steps(self, n: int) -> None:
        for _ in range(n):
            self.relay.step(0.01)


def _read_available(fd: int) -> bytes:
    os.set_blocking(fd, False)
    try:
        return os.read(fd, 1 << 16)
    except BlockingIOError:
        return b"?"  # nothing yet (not end of file)


def test_relay_copies_and_closes_on_end_of_file() -> None:
    p = _Pipes()
    payload = b"".join(b"%d\n" % i for i in range(50000))  # more than a pipe holds
    writer = threading.Thread(
        target=lambda: (os.write(p.program_w, payload), os.close(p.program_w))
    )
    writer.start()
    received = bytearray()
    while True:
        p.relay.step(0.01)
        chunk = _read_available(p.interactor_r)
        if not chunk:
            break  # the relay closed the interactor's side after the program's EOF
        if chunk != b"?":
            received += chunk
    writer.join()
    os.close(p.interactor_w)
    p.steps(3)
    report = p.relay.close()
    assert bytes(received) == payload
    assert report.transcript == payload and report.written == len(payload)
    assert not report.over_limit
    assert report.interactor_first is False  # the program's output ended first
    for fd in (p.interactor_r, p.program_r):
        os.close(fd)


def test_relay_stops_a_flood_at_the_limit() -> None:
    p = _Pipes(limit=1000)
    os.write(p.program_w, b"x" * 5000)
    for _ in range(20):
        p.relay.step(0.01)
        _read_available(p.interactor_r)  # an interactor that keeps reading
    report = p.relay.close()
    assert report.over_limit and len(report.transcript) == 1000
    with pytest.raises(BrokenPipeError):  # the program's next write fails: its pipe is closed
        os.write(p.program_w, b"more")
    for fd in (p.program_w, p.interactor_r, p.interactor_w, p.program_r):
        os.close(fd)


def test_relay_passes_a_closed_interactor_back_to_the_program() -> None:
    p = _Pipes()
    os.write(p.interactor_w, b"lower\n")
    os.close(p.interactor_w)  # the interactor has said its last word and gone
    os.close(p.interactor_r)
    os.write(p.program_w, b"1\n")
    p.steps(5)
    assert os.read(p.program_r, 100) == b"lower\n"
    assert os.read(p.program_r, 100) == b""  # then end of file, as from the real pipe
    with pytest.raises(BrokenPipeError):
        os.write(p.program_w, b"2\n")
    os.close(p.program_w)
    report = p.relay.close()
    assert report.interactor_first is True
    assert report.transcript == b"1\n"
    os.close(p.program_r)


class _Problem:
    time_limit = 1.0
    memory_limit = 256
    checker = CheckerSpec()
    interactor = GUESS


def test_judge_uses_the_problems_interactor(judge: Judge) -> None:
    tests = [TestCase(f"t{n}", Blob.of(f"{n}\n"), Blob.of(b"")) for n in (1, 500, 1000)]
    report = judge.judge(_Problem(), _Program("python3", SEARCH), tests)
    assert report.verdict is Verdict.AC and len(report.tests) == 3
    # the transcript is the behaviour: different secrets, different conversations
    assert len({r.output_digest for r in report.tests}) == 3
    wrong = judge.judge(_Problem(), _Program("python3", "print(1, flush=True)\n"), tests[1:])
    assert wrong.verdict is Verdict.WA


class _Program:
    def __init__(self, language: str, code: str) -> None:
        self.language, self.code = language, code


def test_a_one_slot_judge_runs_pairs_and_many_at_once() -> None:
    """More interactive jobs than slots, from several threads: the pool never deadlocks."""
    with Judge(JudgeConfig(workers=1)) as judge:
        jobs = [
            BatchJob(
                str(n),
                "python3",
                SEARCH,
                TestCase(str(n), Blob.of(f"{n}\n")),
                Limits(),
                None,
                GUESS,
            )
            for n in range(1, 1001, 125)
        ]
        results = dict((job.key, r.verdict) for job, r in judge.run_many(jobs))
    assert set(results.values()) == {Verdict.AC} and len(results) == len(jobs)


@pytest.fixture(scope="module")
def no_landlock() -> Iterator[Judge]:
    if os.geteuid() != 0:
        pytest.skip("slot uids need root")
    config = JudgeConfig(sandbox=SandboxConfig(use_landlock=False), workers=2)
    with Judge(config) as judge:
        yield judge


def test_interactor_files_hidden_by_uid_without_landlock(no_landlock: Judge) -> None:
    """Without Landlock the program can read /proc and learn the interactor's file paths
    from its command line (an exec'd, C++ interactor): only the interactor's uid may open them."""
    cpp = CheckerSpec(
        CheckerKind.CUSTOM,
        program=CASES / "i12-cpp-interactor" / "interactor.cpp",
        convention=Convention.KATTIS,
    )
    code = (CASES / "i09-read-interactor-files" / "main.py").read_text()
    code = code.replace("# One guess only", "import sys\nprint(sorted(paths), file=sys.stderr)\n#")
    prepared = no_landlock.prepare("python3", code)
    test = TestCase("secret", Blob.of(b"737\n"), Blob.of(b""))
    result = no_landlock.run(prepared, test, Limits(time=2.0), None, cpp)
    print(result.stderr)
    assert "interact-" in result.stderr, "the attack did not find the files: the test is void"
    assert result.verdict is Verdict.WA, result.detail
