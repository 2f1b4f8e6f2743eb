"""Interactive runs: a program and an interactor, each in its own slot, talking through pipes.

    program stdout --pipe--> judge relay --pipe--> interactor stdin
    program stdin  <--pipe-- judge relay <--pipe-- interactor stdout

Both sides are ordinary sandboxed jobs (two zygotes, two slot uids); the judge relays both
directions, which gives it the transcript (the program's behaviour), a bound on how much the
program may write (OLE), bounded buffers, so neither side can stall the judge, and the order
in which the two sides ended (each learns of the other's end only through the relay). The
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
from judges.classify import last_line
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
    # Which side's output ended first, as the relay saw it (None: not seen). The other side
    # learns of that end only through the relay, so this order is causal, not a race.
    interactor_first: bool | None


class _Channel:
    """One direction: src -> dst, at most RELAY_BUFFER bytes held, both fds non-blocking.
    Closing follows the pipe it replaces: end of file at src closes dst (once flushed); a
    dst nobody reads any more closes src (the writer's next write gets SIGPIPE), after
    taking what the writer had already written."""

    def __init__(self, src: int, dst: int, limit: int | None) -> None:
        self.src: int | None = src
        self.dst: int | None = dst
        self.limit = limit  # bytes src may write in all (None: no limit, no transcript)
        self.pending = bytearray()
        self.transcript = bytearray()
        self.written = 0
        self.over_limit = False
        self.ended: int | None = None  # the relay's event number at src's end of file
        for fd in (src, dst):
            os.set_blocking(fd, False)

    def close_src(self) -> None:
        if self.src is not None:
            os.close(self.src)
            self.src = None

    def close_dst(self) -> None:
        if self.dst is not None:
            os.close(self.dst)
            self.dst = None
        self.pending.clear()

    def wants(self) -> tuple[list[int], list[int]]:
        reading = [self.src] if self.src is not None and len(self.pending) < RELAY_BUFFER else []
        writing = [self.dst] if self.dst is not None and self.pending else []
        return reading, writing

    def read(self, event: int) -> bool:
        """One read; False when nothing more is there now."""
        assert self.src is not None
        try:
            data = os.read(self.src, RELAY_BUFFER)
        except BlockingIOError:
            return False
        if not data:
            self.ended = event
            self.close_src()
            return False
        self.written += len(data)
        if self.limit is not None:
            room = self.limit - len(self.transcript)
            self.transcript += data[: max(0, room)]
            if self.written > self.limit:
                self.over_limit = True
                self.close_src()
                return False
        if self.dst is not None:
            self.pending += data
        return True

    def write(self, event: int) -> None:
        assert self.dst is not None
        try:
            del self.pending[: os.write(self.dst, self.pending)]
        except BlockingIOError:
            pass
        except BrokenPipeError:  # the reader has gone: so has the writer's pipe
            self.close_dst()
            while self.src is not None and self.limit is not None and self.read(event):
                pass
            self.close_src()

    def settle(self) -> None:
        if self.src is None and self.dst is not None and not self.pending:
            self.close_dst()  # the writer's end of file becomes the reader's


class Relay:
    """Both directions between the program and the interactor, never blocking. The judge
    sees every byte each way: the program's (its transcript, its output limit) and the order
    in which the two sides ended."""

    def __init__(
        self,
        from_program: int,
        to_interactor: int,
        from_interactor: int,
        to_program: int,
        limit: int,
    ) -> None:
        self.up = _Channel(from_program, to_interactor, limit)
        self.down = _Channel(from_interactor, to_program, None)
        self.events = 0

    @property
    def idle(self) -> bool:
        """Every end closed: nothing is left for the relay to do."""
        return all(fd is None for c in (self.down, self.up) for fd in (c.src, c.dst))

    def step(self, timeout: float, wake: int | None = None) -> None:
        """Move what can be moved, waiting at most `timeout` (or until `wake` is readable)."""
        reading, writing = [], []
        for channel in (self.down, self.up):
            r, w = channel.wants()
            reading += r
            writing += w
        extra = [wake] if wake is not None else []
        readable, writable, _ = select.select(reading + extra, writing, [], timeout)
        if wake is not None and wake in readable:
            _drain(wake)
        # The interactor's side first: when both ended at once, it counts as first (as with
        # contest judges, where the interactor's end is what the program reacts to).
        for channel in (self.down, self.up):
            if channel.src is not None and channel.src in readable:
                self.events += 1
                channel.read(self.events)
            if channel.dst is not None and channel.dst in writable and channel.pending:
                self.events += 1
                channel.write(self.events)
            channel.settle()

    def close(self) -> RelayReport:
        for channel in (self.up, self.down):
            channel.close_src()
            channel.close_dst()
        up, down = self.up.ended, self.down.ended
        first = None
        if down is not None:
            first = up is None or down < up
        elif up is not None:
            first = False
        return RelayReport(bytes(self.up.transcript), self.up.written, self.up.over_limit, first)


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
    program_in_r, program_in_w = os.pipe2(os.O_CLOEXEC)
    program_out_r, program_out_w = os.pipe2(os.O_CLOEXEC)
    interactor_in_r, interactor_in_w = os.pipe2(os.O_CLOEXEC)
    interactor_out_r, interactor_out_w = os.pipe2(os.O_CLOEXEC)
    wake_r, wake_w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
    relay = Relay(program_out_r, interactor_in_w, interactor_out_r, program_in_w, output_limit)
    program = _Side(lambda: run_program(Piped(program_in_r, program_out_w)), wake_w)
    interactor = _Side(lambda: run_interactor(Piped(interactor_in_r, interactor_out_w)), wake_w)
    try:
        program.start()
        interactor.start()
        while not relay.idle and (program.is_alive() or interactor.is_alive()):
            relay.step(backstop, wake_r)
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


def broken_pipe(out: Outcome, tracebacks: bool) -> bool:
    """Killed by SIGPIPE (C++), or, for a runtime that reports failures as tracebacks
    (Python ignores SIGPIPE), a traceback whose last line is BrokenPipeError. Only the last
    line counts, as in `classify`: stderr is the program's own, and a mention anywhere in it
    must not turn a crash into a broken pipe."""
    if out.signal == signal.SIGPIPE:
        return True
    return tracebacks and last_line(out.stderr.decode("utf-8", "replace")).startswith(
        "BrokenPipeError"
    )


def message(spec: CheckerSpec, files: InteractorFiles, out: Outcome) -> str:
    """What the interactor said (judgemessage.txt, else its stderr), or how it failed."""
    text = _message(spec, files, out)
    if interactor_verdict(spec, out) is None:
        return f"{_failure(out)}: {text}".rstrip(": ")
    return text
