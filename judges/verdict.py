"""Verdicts and the record of one run."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["RunResult", "Verdict"]


class Verdict(StrEnum):
    AC = "AC"  # accepted
    WA = "WA"  # wrong answer (presentation errors included)
    TLE = "TLE"  # CPU time over the limit, or the wall-clock backstop
    MLE = "MLE"  # peak memory above the limit, or an allocation failure
    RTE = "RTE"  # crash signal or non-zero exit
    OLE = "OLE"  # stdout or stderr over the output limit
    CE = "CE"  # compile error (or a Python syntax error)
    JE = "JE"  # judge error: infrastructure failure, never the candidate's fault

    @property
    def accepted(self) -> bool:
        return self is Verdict.AC


# When several facts hold at once (a run killed for time that also wrote too much), the
# first in this order wins - the order DMOJ uses.
SEVERITY = (
    Verdict.JE,
    Verdict.CE,
    Verdict.TLE,
    Verdict.MLE,
    Verdict.OLE,
    Verdict.RTE,
    Verdict.WA,
    Verdict.AC,
)


@dataclass(frozen=True)
class RunResult:
    """One program on one input: kernel facts, the verdict, and where the output went."""

    verdict: Verdict
    cpu_time: float = 0.0  # seconds (user + system)
    wall_time: float = 0.0  # seconds
    peak_memory: int = 0  # KiB above the zygote baseline
    exit_code: int | None = None
    signal: str | None = None  # "SIGSEGV", ... when the program died of a signal
    stderr: str = ""  # truncated, for diagnostics (and model feedback)
    detail: str = ""  # why: "cpu time limit", "checker: expected 3, got 4", ...
    output_digest: str = ""  # digest of the normalised output (behaviour clustering)
    test: str = ""
