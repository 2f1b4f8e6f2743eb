"""How a problem's output is checked: a built-in comparison or a custom program."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = ["CheckerFailure", "CheckerKind", "CheckerSpec", "Convention"]


class CheckerKind(StrEnum):
    TOKENS = "tokens"  # whitespace-insensitive token compare, big integers exact
    FLOATS = "floats"  # tokens, but numeric answer tokens compared with a tolerance
    EXACT = "exact"  # byte-for-byte, after normalising line endings and the final newline
    CUSTOM = "custom"  # the problem's own checker program
    # testlib's standard checkers (Polygon's std::NAME.cpp), with exactly their semantics:
    # judges/checkers/testlib_std.py.
    WCMP = "wcmp"  # tokens, byte for byte
    NCMP = "ncmp"  # signed 64-bit integers in canonical form
    LCMP = "lcmp"  # lines, each compared as tokens
    FCMP = "fcmp"  # lines, byte for byte
    HCMP = "hcmp"  # one huge integer
    RCMP = "rcmp"  # doubles, absolute or relative error abs_tol (rcmp4/6/9)
    YESNO = "yesno"  # one YES or NO, case-insensitive
    NYESNO = "nyesno"  # YES/NO tokens, case-insensitive


class CheckerFailure(Exception):
    """The checker itself failed, or found the jury's answer invalid (verdict JE)."""


class Convention(StrEnum):
    TESTLIB = "testlib"  # checker input output answer; exit 0 OK, 1 WA, 2 PE, 3 FAIL
    KATTIS = "kattis"  # validator input answer feedback_dir [flags] < output; 42 AC, 43 WA


@dataclass(frozen=True)
class CheckerSpec:
    kind: CheckerKind = CheckerKind.TOKENS
    case_sensitive: bool = True
    abs_tol: float = 0.0
    rel_tol: float = 0.0
    # CUSTOM only: the checker's source file (Python or C++), its convention, extra args
    # (Kattis passes validator_flags through unchanged) and the directory holding its
    # headers (testlib.h, validate.h).
    program: Path | None = None
    convention: Convention | None = None
    args: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.kind is CheckerKind.CUSTOM:
            name = self.program.name if self.program else "?"
            return f"custom:{self.convention}:{name}"
        if self.kind is CheckerKind.FLOATS:
            return f"floats(abs={self.abs_tol:g},rel={self.rel_tol:g})"
        if self.kind is CheckerKind.RCMP:
            return f"rcmp(eps={self.abs_tol:g})"
        suffix = "" if self.case_sensitive else ",nocase"
        return f"{self.kind}{suffix}" if suffix else str(self.kind)
