"""What every executor provides, and the prepared form of a program."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from judges.config import JudgeConfig, Limits
from judges.sandbox.slot import Outcome, Slot
from judges.testdata import Blob

__all__ = ["Executor", "Prepared"]


@dataclass(frozen=True)
class Prepared:
    """A program ready to run: Python source, or a compiled binary; or why it is not."""

    language: str
    source: str = ""
    binary: Path | None = None
    compile_error: str | None = None
    compile_time: float = 0.0


class Executor(Protocol):
    name: str  # the language name used everywhere: "python3", "cpp17"
    suffixes: tuple[str, ...]
    # A program that echoes its input: run before the executor is registered as available.
    self_test: str

    def unavailable_reason(self) -> str | None:
        """None when this machine can run the language, else what is missing."""

    def prepare(
        self,
        source: str,
        slot: Slot,
        config: JudgeConfig,
        extra_files: tuple[tuple[str, str], ...] = (),
    ) -> Prepared: ...

    def run(
        self,
        prepared: Prepared,
        slot: Slot,
        stdin: Blob,
        limits: Limits,
        args: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
    ) -> Outcome: ...
