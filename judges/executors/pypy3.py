"""PyPy 3 (Debian's `pypy3`): Python 3 programs under a JIT, exec'd as `pypy3 main.py`.

Many Codeforces Python users submit with PyPy because CPython times out, and Kattis judges
Python 3 with it. It runs the same sources as python3 (same suffix, syntax, normaliser, and
it is not a language of its own to sample), so its programs are written as `main.py` in the
job's working directory and started the way a judge starts them. PyPy implements an older
Python than the judge's CPython (3.9 in Debian 12), so syntax is checked by PyPy itself, in
the sandbox, once per distinct program: a program it cannot parse is a compile error here as
on a contest site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from judges.config import JudgeConfig, Limits
from judges.executors.base import Prepared, RunMode
from judges.executors.source import PYTHON
from judges.sandbox.slot import Outcome, Slot
from judges.testdata import Blob

MAX_SOURCE_BYTES = 1 << 20
# PyPy's garbage collector sizes its nursery from the CPU's cache size (else it warns on
# stderr and guesses).
_READ = ("/proc/cpuinfo",)
# Parses main.py as the interpreter would run it; a syntax error prints only the error (no
# traceback of this checker) and exits with _SYNTAX_ERROR. Anything else (PyPy folds
# constants such as b"x" * 2**31 while compiling, and may run out of memory doing it) is
# left to the run, which meets it the way `pypy3 main.py` on a contest site would.
_SYNTAX_ERROR = 65
_CHECK = (
    "import sys, traceback\n"
    "try:\n"
    "    compile(open('main.py', 'rb').read(), 'main.py', 'exec', dont_inherit=True)\n"
    "except (SyntaxError, ValueError, RecursionError, OverflowError) as e:\n"
    "    sys.stderr.write(''.join(traceback.format_exception_only(type(e), e)))\n"
    f"    sys.exit({_SYNTAX_ERROR})\n"
)


class PyPy3:
    name = "pypy3"
    source_language = "python3"
    suffixes = (".py",)  # python3 registers it first: .py files are python3 unless asked
    # The allowance python3 gets: Codeforces and Kattis give CPython and PyPy one time limit,
    # so a Python program gets the same time whichever runtime judges it.
    time_multiplier = 2.0
    syntax = PYTHON
    run_mode = RunMode.EXEC
    tracebacks = True
    self_test = "import sys\nsys.stdout.write(sys.stdin.read())\n"

    def __init__(self) -> None:
        found = shutil.which("pypy3")
        self.interpreter = os.path.realpath(found) if found else None

    def unavailable_reason(self) -> str | None:
        if self.interpreter is None:
            return "pypy3 not found on PATH (apt-get install pypy3)"
        return None

    def fingerprint(self) -> str:
        return self.interpreter or ""

    def prepare(
        self,
        source: str,
        slot: Slot,
        config: JudgeConfig,
        artefacts: Path,
        extra_files: tuple[tuple[str, str], ...] = (),
    ) -> Prepared:
        if self.interpreter is None:
            return Prepared(self.name, compile_error=self.unavailable_reason())
        if len(source.encode()) > MAX_SOURCE_BYTES:
            return Prepared(self.name, compile_error=f"source larger than {MAX_SOURCE_BYTES} bytes")
        lim = config.compile
        limits = Limits(
            time=lim.time, wall_factor=1.0, wall_extra=lim.wall - lim.time,
            memory_mb=lim.memory_mb, output_mb=1, stack_mb=64,
        )  # fmt: skip
        out = self._exec(slot, ["-c", _CHECK], Blob.of(b""), limits, (), source)
        if out.exit_code == _SYNTAX_ERROR and not out.killed:
            message = out.stderr.decode(errors="replace").strip()
            return Prepared(
                self.name,
                compile_error=(message or "syntax error")[: lim.message_chars],
                compile_time=out.wall,
            )
        return Prepared(self.name, source=source, compile_time=out.wall)

    def run(
        self,
        prepared: Prepared,
        slot: Slot,
        stdin: Blob,
        limits: Limits,
        args: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
    ) -> Outcome:
        return self._exec(slot, ["main.py", *args], stdin, limits, extra_read, prepared.source)

    def _exec(
        self,
        slot: Slot,
        argv: list[str],
        stdin: Blob,
        limits: Limits,
        extra_read: tuple[str, ...],
        source: str,
    ) -> Outcome:
        assert self.interpreter is not None
        # The judge's policy for huge integers, as the forked CPython applies it (0: print
        # them in full; PyPy 7.3.11 has CPython's 4300-digit limit otherwise).
        digits = slot.config.python_int_max_str_digits
        return slot.run_exec(
            [self.interpreter, *argv],
            stdin,
            limits,
            exec_paths=(self.interpreter,),
            extra_read=(*_READ, *extra_read),
            env={"PYTHONINTMAXSTRDIGITS": str(digits)},
            program=source,
        )
