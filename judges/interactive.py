"""Interactive runs: a program and an interactor, each in its own slot, talking through pipes.

    program stdout --pipe--> judge relay --pipe--> interactor stdin
    program stdin  <-------------- pipe ---------- interactor stdout

Both sides are ordinary sandboxed jobs (two zygotes, two slot uids); the judge only relays the
program's side, which gives it the transcript (the program's behaviour), a bound on how much
the program may write (OLE), and a bounded buffer, so neither side can stall the judge. The
program's limits are the problem's; its wall limit is the pair's idle limit: a program that
waits for input that never comes is killed there (TLE, idle). The interactor's limits are
wider, so when both sides wait for each other it is the program that is stopped first.

Conventions (the interactor is a `CheckerSpec` with a program and a convention):

* Kattis / DOMjudge: `interactor input answer feedback_dir/ [args]`; exit 42 accepts, 43
  rejects, anything else is a judge error; `feedback_dir/judgemessage.txt` explains.
* testlib / Polygon: `interactor input output`; exit 0 OK, 1 WA, 2 PE (WA), 3 FAIL (judge
  error); the problem's checker then checks the interactor's `output` file against the answer.

The verdict (`decide`, a pure function) follows contest systems: the side that ended first
speaks first. An interactor that rejected first makes it WA whatever the program did next (a
program killed by the broken pipe is not RTE); an interactor that failed is JE, never the
program's fault; a program that hit a limit or crashed before the interactor decided gets
that verdict; otherwise the interactor's.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from judges.checkers.program import CHECKER_LIMITS, accepts
from judges.checkers.spec import CheckerSpec, Convention
from judges.config import Limits
from judges.sandbox.slot import Outcome, Piped
from judges.verdict import Verdict

__all__ = [
    "InteractorFiles",
    "PairFacts",
    "Relay",
    "RelayReport",
    "broken_pipe",
    "decide",
    "interactor_args",
    "interactor_files",
    "interactor_limits",
    "interactor_verdict",
    "message",
    "read_file",
    "run_pair",
]

RELAY_BUFFER = 1 << 16  # bytes the relay holds before it stops reading (like a pipe's buffer)
_MESSAGE_CHARS = 500


def interactor_limits(program: Limits) -> Limits:
    """The interactor's limits: a checker's, outlasting the program's wall limit, so that a
    deadlock is always ended by stopping the program (TLE, idle), never the interactor."""
    cpu = CHECKER_LIMITS.time + program.wall
    return replace(CHECKER_LIMITS, time=cpu, wall_factor=1.0, wall_extra=5.0)


# ----- the interactor's files ---------------------------------------------------------------


@dataclass(frozen=True)
class InteractorFiles:
    directory: Path  # owned by the interactor's slot uid, mode 0700: no other uid may look in
    input: Path
    answer: Path
    output: Path  # testlib: the interactor's output file, checked afterwards
    feedback: Path  # Kattis: the feedback directory


def interactor_files(
    input_data: bytes | Path, answer: bytes | Path | None, parent: Path, uid: int | None
) -> InteractorFiles:
    """A fresh directory with the test's input and answer, readable and writable only by the
    interactor's uid (and the judge): the program runs as another uid and cannot read it even
    where Landlock is unavailable."""
    directory = Path(tempfile.mkdtemp(prefix="interact-", dir=parent))
    files = InteractorFiles(
        directory,
        directory / "input",
        directory / "answer",
        directory / "output",
        directory / "feedback",
    )
    for path, value in ((files.input, input_data), (files.answer, answer)):
        if isinstance(value, Path):
            shutil.copyfile(value, path)
        else:
            path.write_bytes(value or b"")
    files.output.write_bytes(b"")
    files.feedback.mkdir()
    for path in (directory, files.input, files.answer, files.output, files.feedback):
        if uid is not None:
            os.chown(path, uid, uid)
        path.chmod(0o700 if path.is_dir() else 0o600)
    return files


def interactor_args(spec: CheckerSpec, files: InteractorFiles) -> tuple[str, ...]:
    if spec.convention is Convention.TESTLIB:
        return (str(files.input), str(files.output), *spec.args)
    return (str(files.input), str(files.answer), str(files.feedback) + "/", *spec.args)


def read_file(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a file the interactor wrote, read by the judge: a regular
    file only, never through a link (the interactor could point one at the judge's secrets)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, limit)
    finally:
        os.close(fd)


def _message(spec: CheckerSpec, files: InteractorFiles, out: Outcome) -> str:
    text = b""
    if spec.convention is not Convention.TESTLIB:
        text = read_file(files.feedback / "judgemessage.txt", _MESSAGE_CHARS * 4)
    text = text.strip() or out.stderr.strip()
    return text.decode("utf-8", errors="replace")[:_MESSAGE_CHARS]


def interactor_verdict(spec: CheckerSpec, out: Outcome) -> Verdict | None:
    """AC or WA from the interactor's exit, or None when it failed (a judge error)."""
    if out.killed or out.signal is not None:
        return None
    ok = accepts(spec.convention, out.exit_code)
    return None if ok is None else Verdict.AC if ok else Verdict.WA


def _failure(out: Outcome) -> str:
    if out.killed:
        return f"killed ({out.killed} limit)"
    if out.signal is not None:
        return f"killed by signal {out.signal}"
    return f"exit code {out.exit_code}"


# ----- the relay ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RelayReport:
    transcript: bytes  # what the program wrote, up to the output limit
    written: int  # bytes the program wrote in all
    over_limit: bool  # it wrote more than the output limit (OLE)


class Relay:
    """Moves the program's output to the interactor, never blocking: both fds non-blocking,
    at most RELAY_BUFFER bytes held. Closing follows the pipes it replaces: the program's end
    of file closes the interactor's stdin; an interactor that stopped reading closes the
    program's stdout (its next write gets SIGPIPE / BrokenPipeError)."""

    def __init__(self, from_program: int, to_interactor: int, limit: int) -> None:
        self.src: int | None = from_program
        self.dst: int | None = to_interactor
        self.limit = limit
        self.pending = bytearray()
        self.transcript = bytearray()
        self.written = 0
        self.over_limit = False
        for fd in (from_program, to_interactor):
            os.set_blocking(fd, False)

    def _close_src(self) -> None:
        if self.src is not None:
            os.close(self.src)
            self.src = None

    def _close_dst(self) -> None:
        if self.dst is not None:
            os.close(self.dst)
            self.dst = None
        self.pending.clear()

    def step(self, timeout: float, wake: int | None = None) -> None:
        """Move what can be moved, waiting at most `timeout` (or until `wake` is readable)."""
        reading = [self.src] if self.src is not None and len(self.pending) < RELAY_BUFFER else []
        writing = [self.dst] if self.dst is not None and self.pending else []
        extra = [wake] if wake is not None else []
        readable, writable, _ = select.select(reading + extra, writing, [], timeout)
        if wake is not None and wake in readable:
            _drain(wake)
        if self.src is not None and self.src in readable:
            self._read()
        if writable and self.dst is not None and self.pending:
            try:
                n = os.write(self.dst, self.pending)
                del self.pending[:n]
            except BlockingIOError:
                pass
            except BrokenPipeError:  # the interactor stopped reading: so does the program's pipe
                self._close_dst()
                self._close_src()
        if self.src is None and self.dst is not None and not self.pending:
            self._close_dst()  # end of the program's output: end of the interactor's input

    def _read(self) -> bool:
        """One read from the program; False when nothing more is there now."""
        assert self.src is not None
        try:
            data = os.read(self.src, RELAY_BUFFER)
        except BlockingIOError:
            return False
        if not data:
            self._close_src()
            return False
        self.written += len(data)
        room = self.limit - len(self.transcript)
        self.transcript += data[: max(0, room)]
        if self.written > self.limit:
            self.over_limit = True
            self._close_src()
            return False
        if self.dst is not None:
            self.pending += data
        return True

    @property
    def idle(self) -> bool:
        """Both ends closed: nothing is left for the relay to do."""
        return self.src is None and self.dst is None

    def interactor_done(self) -> None:
        """The interactor has ended. What the program had already written still counts (its
        transcript should not depend on how fast the judge noticed); then its pipe closes,
        as the real pipe would have: its next write gets SIGPIPE."""
        self._close_dst()
        while self.src is not None and self._read():
            pass
        self._close_src()

    def close(self) -> RelayReport:
        self._close_src()
        self._close_dst()
        return RelayReport(bytes(self.transcript), self.written, self.over_limit)


# ----- running the pair ---------------------------------------------------------------------


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


class _Side(threading.Thread):
    """One side's blocking run in its slot (the zygote supervises; this thread only waits).
    When it ends it writes to `wake`, so the relay notices at once."""

    def __init__(self, run: Callable[[], Outcome], wake: int) -> None:
        super().__init__(daemon=True)
        self._run_fn = run
        self._wake = wake
        self.outcome: Outcome | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.outcome = self._run_fn()
        except BaseException as exc:  # re-raised in the judge's thread
            self.error = exc
        finally:
            os.write(self._wake, b"!")


def run_pair(
    run_program: Callable[[Piped], Outcome],
    run_interactor: Callable[[Piped], Outcome],
    output_limit: int,
    backstop: float = 1.0,
) -> tuple[Outcome, Outcome, RelayReport]:
    """Start both sides on fresh pipes, relay until both have ended. Raises the first
    side's judge error (after both have ended: no job outlives the call)."""
    to_program_r, to_program_w = os.pipe2(os.O_CLOEXEC)
    from_program_r, from_program_w = os.pipe2(os.O_CLOEXEC)
    to_interactor_r, to_interactor_w = os.pipe2(os.O_CLOEXEC)
    wake_r, wake_w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
    relay = Relay(from_program_r, to_interactor_w, output_limit)
    program = _Side(lambda: run_program(Piped(to_program_r, from_program_w)), wake_w)
    interactor = _Side(lambda: run_interactor(Piped(to_interactor_r, to_program_w)), wake_w)
    try:
        program.start()
        interactor.start()
        while not relay.idle and (program.is_alive() or interactor.is_alive()):
            relay.step(backstop, wake_r)
            if not interactor.is_alive():
                relay.interactor_done()
    finally:
        report = relay.close()
        program.join()  # with the relay closed, each side ends under its own limits
        interactor.join()
        os.close(wake_r)
        os.close(wake_w)
    for side in (program, interactor):
        if side.error is not None:
            raise side.error
    assert program.outcome is not None and interactor.outcome is not None
    return program.outcome, interactor.outcome, report


# ----- the verdict --------------------------------------------------------------------------


@dataclass(frozen=True)
class PairFacts:
    """What `decide` needs, all from kernel facts and the interactor's exit code."""

    program: Verdict | None  # the program's own verdict (limits, crash); None: a clean exit
    program_detail: str
    broken_pipe: bool  # the program died writing to a pipe the interactor had closed
    interactor: Verdict | None  # AC or WA; None: the interactor failed
    interactor_detail: str
    interactor_first: bool  # the interactor ended before the program
    # The interactor died writing to the program, which had stopped reading (exited, or
    # closed its input): the program broke off the interaction, not a fault of the judge.
    interactor_broken_pipe: bool = False


_LIMITS = (Verdict.TLE, Verdict.MLE, Verdict.OLE)


def decide(f: PairFacts) -> tuple[Verdict, str]:
    interactor = f"interactor: {f.interactor_detail}".rstrip(": ")
    if f.interactor_first:
        if f.interactor is None and f.interactor_broken_pipe:
            return Verdict.WA, "the program stopped reading before the interaction was over"
        if f.interactor is None:
            return Verdict.JE, interactor
        if f.interactor is Verdict.WA:
            return Verdict.WA, interactor
        if f.program is None or (f.program is Verdict.RTE and f.broken_pipe):
            return Verdict.AC, interactor
        return f.program, f.program_detail
    if f.program in _LIMITS:
        return f.program, f.program_detail  # type: ignore[return-value]
    if f.program is not None and not f.broken_pipe:
        return f.program, f.program_detail
    if f.interactor is None and f.interactor_broken_pipe:
        return Verdict.WA, "the program stopped reading before the interaction was over"
    if f.interactor is None:
        return Verdict.JE, interactor
    return f.interactor, interactor


def broken_pipe(out: Outcome) -> bool:
    """Killed by SIGPIPE (C++), or Python's BrokenPipeError (Python ignores SIGPIPE)."""
    return out.signal == signal.SIGPIPE or b"BrokenPipeError" in out.stderr[-2000:]


def message(spec: CheckerSpec, files: InteractorFiles, out: Outcome) -> str:
    """What the interactor said (judgemessage.txt, else its stderr), or how it failed."""
    text = _message(spec, files, out)
    if interactor_verdict(spec, out) is None:
        return f"{_failure(out)}: {text}".rstrip(": ")
    return text
