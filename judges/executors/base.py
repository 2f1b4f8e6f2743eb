"""What every executor declares, and the prepared form of a program.

An executor module is everything the project knows about one language: its name, the
language its sources are written in, file suffixes, time multiplier, source syntax (the
prompt's comment prefix and the deduplication normaliser), how it runs, how its failures
read, and the self-test that must pass before it is used. Everything else reads these from
the registry in `judges.executors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from judges.config import JudgeConfig, Limits
from judges.executors.source import SourceSyntax
from judges.sandbox.slot import Outcome, Slot
from judges.testdata import Blob

__all__ = ["Executor", "Prepared", "RunMode"]


class RunMode(StrEnum):
    """How a run starts; decides whether the zygote's memory baseline is subtracted."""

    FORK = "fork"  # forked from the slot's warm CPython zygote: no interpreter start-up
    EXEC = "exec"  # execve'd: a compiled binary, or an interpreter given the program file


@dataclass(frozen=True)
class Prepared:
    """A program ready to run: source, or a compiled binary; or why it is not."""

    language: str  # the executor that prepared it (and will run it)
    source: str = ""
    binary: Path | None = None  # inside the judge's compile cache, which owns it
    compile_error: str | None = None
    compile_time: float = 0.0


class Executor(Protocol):
    name: str  # the language name used everywhere: "python3", "cpp17", "pypy3"
    # The language its programs are written in: the prompt's language and the candidates'
    # identity. Equal to `name` except for another runtime of a language (pypy3 runs
    # python3 sources); only languages that are their own source language are sampled.
    source_language: str
    suffixes: tuple[str, ...]  # a suffix's language is the first registered claimant
    # Kattis/DOMjudge practice: the problem's time limit times this (JudgeConfig overrides).
    time_multiplier: float
    syntax: SourceSyntax
    run_mode: RunMode
    tracebacks: bool  # failures print a Python traceback whose last line names the error
    # A program that echoes its input: run before the executor is used on this machine.
    self_test: str

    def unavailable_reason(self) -> str | None:
        """None when this machine has what the language needs, else what is missing."""

    def fingerprint(self) -> str:
        """What besides the source decides the prepared program (compiler version and
        flags): part of the compile cache's key."""

    def prepare(
        self,
        source: str,
        slot: Slot,
        config: JudgeConfig,
        artefacts: Path,
        extra_files: tuple[tuple[str, str], ...] = (),
    ) -> Prepared:
        """Compile or check `source`. Anything the runs need (a binary) goes in `artefacts`,
        an empty directory of the judge's compile cache, removed when the entry is evicted.
        `extra_files` are (name, text) headers placed beside the source (testlib.h)."""

    def run(
        self,
        prepared: Prepared,
        slot: Slot,
        stdin: Blob,
        limits: Limits,
        args: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
    ) -> Outcome: ...
