"""Python 3: forked from the slot's warm zygote and run as a real __main__ (no new interpreter).

Policy: the recursion limit stays at Python's default of 1000 (programs raise it with
sys.setrecursionlimit, and the stack limit equals the memory limit so deep recursion then
works); huge integers print in full (sys.set_int_max_str_digits(0)), as on contest judges.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from judges.config import JudgeConfig, Limits
from judges.executors.base import Prepared, RunMode
from judges.executors.source import PYTHON
from judges.sandbox.slot import Outcome, Slot
from judges.testdata import Blob

MAX_SOURCE_BYTES = 1 << 20


class Python3:
    name = "python3"
    source_language = "python3"
    suffixes = (".py", ".py3")
    # Contest programs in CPython run several times slower than in C++ (DOMjudge and
    # Kattis sites give interpreted languages such a factor).
    time_multiplier = 2.0
    syntax = PYTHON
    run_mode = RunMode.FORK
    tracebacks = True
    self_test = "import sys\nsys.stdout.write(sys.stdin.read())\n"

    def unavailable_reason(self) -> str | None:
        return None  # the judge itself runs on Python 3

    def fingerprint(self) -> str:
        return ""  # the zygote runs the judge's own interpreter

    def prepare(
        self,
        source: str,
        slot: Slot,
        config: JudgeConfig,
        artefacts: Path,
        extra_files: tuple[tuple[str, str], ...] = (),
    ) -> Prepared:
        if len(source.encode()) > MAX_SOURCE_BYTES:
            return Prepared(self.name, compile_error=f"source larger than {MAX_SOURCE_BYTES} bytes")
        try:
            compile(source, "main.py", "exec", dont_inherit=True)
        except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as exc:
            return Prepared(
                self.name, compile_error="".join(traceback.format_exception_only(type(exc), exc))
            )
        return Prepared(self.name, source=source)

    def run(
        self,
        prepared: Prepared,
        slot: Slot,
        stdin: Blob,
        limits: Limits,
        args: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
    ) -> Outcome:
        return slot.run_python(prepared.source, stdin, limits, args=args, extra_read=extra_read)
