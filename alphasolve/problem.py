"""The problem model: what every loader produces and every later stage consumes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from judges.checkers.spec import CheckerKind, CheckerSpec, Convention
from judges.testdata import Blob, TestCase
from judges.verdict import Verdict

__all__ = [
    "Blob",
    "CheckerKind",
    "CheckerSpec",
    "Convention",
    "Problem",
    "Solution",
    "SolutionKind",
    "TestCase",
]


class SolutionKind(StrEnum):
    """What a reference solution is expected to get on the hidden tests."""

    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT = "time_limit_exceeded"
    RUN_TIME_ERROR = "run_time_error"
    MEMORY_LIMIT = "memory_limit_exceeded"
    TIME_LIMIT_OR_ACCEPTED = "time_limit_exceeded_or_accepted"  # Polygon: too slow to rely on
    TIME_OR_MEMORY_LIMIT = "time_or_memory_limit_exceeded"
    INCORRECT = "incorrect"  # known to fail, reason unknown (CodeContests incorrect_solutions)

    def expects(self, verdict: Verdict) -> bool:
        """Whether a solution of this kind judged `verdict` (its first failure, or AC) got
        what its label promises."""
        allowed = _EXPECTED.get(self)
        return verdict is not Verdict.AC if allowed is None else verdict in allowed


# The verdicts each kind may end with; a kind not listed (INCORRECT) may end with any failure.
_EXPECTED: dict[SolutionKind, frozenset[Verdict]] = {
    SolutionKind.ACCEPTED: frozenset({Verdict.AC}),
    SolutionKind.WRONG_ANSWER: frozenset({Verdict.WA}),
    SolutionKind.TIME_LIMIT: frozenset({Verdict.TLE}),
    SolutionKind.RUN_TIME_ERROR: frozenset({Verdict.RTE}),
    SolutionKind.MEMORY_LIMIT: frozenset({Verdict.MLE}),
    SolutionKind.TIME_LIMIT_OR_ACCEPTED: frozenset({Verdict.TLE, Verdict.AC}),
    SolutionKind.TIME_OR_MEMORY_LIMIT: frozenset({Verdict.TLE, Verdict.MLE}),
}


@dataclass(frozen=True)
class Solution:
    """A reference solution kept with the problem (for judge self-checks and evaluation)."""

    language: str  # "python3", "cpp17", or the source's own name for languages we do not run
    source: Blob
    kind: SolutionKind = SolutionKind.ACCEPTED
    name: str = ""


@dataclass(frozen=True)
class Problem:
    id: str
    name: str
    statement: str  # the legend: everything before the input specification
    input_spec: str
    output_spec: str
    examples: tuple[TestCase, ...]
    hidden_tests: tuple[TestCase, ...]
    time_limit: float  # seconds of CPU time, before any per-language multiplier
    memory_limit: int  # MiB
    source_format: str
    source_path: Path
    checker: CheckerSpec = field(default_factory=CheckerSpec)
    tags: tuple[str, ...] = ()
    rating: int | None = None
    notes: str = ""
    solutions: tuple[Solution, ...] = ()
    # Facts the loader had to assume (a defaulted time limit, a skipped file) - shown by
    # `alphasolve problems check` so nothing is assumed silently.
    warnings: tuple[str, ...] = ()
    # Free-form metadata a format carries along (the corpus records its hold-out kind here).
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    interactive: bool = False
    # Interactive problems: the program talking to it is judged by it (judges.interactive);
    # `checker` then checks a testlib interactor's output file against the answer.
    interactor: CheckerSpec | None = None

    def full_statement(self) -> str:
        """The statement as a contestant reads it, examples included (the model's input)."""
        parts = [self.name, "", self.statement.strip()]
        if self.input_spec.strip():
            parts += ["", "Input", self.input_spec.strip()]
        if self.output_spec.strip():
            parts += ["", "Output", self.output_spec.strip()]
        for i, ex in enumerate(self.examples, 1):
            parts += ["", f"Example {i}", "Input:", ex.input.text().rstrip("\n")]
            if ex.answer is not None:
                parts += ["Output:", ex.answer.text().rstrip("\n")]
        if self.notes.strip():
            parts += ["", "Note", self.notes.strip()]
        return "\n".join(parts) + "\n"
