"""How a problem's output is checked: a built-in comparison or a custom program."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = ["CheckerKind", "CheckerSpec", "Convention"]


class CheckerKind(StrEnum):
    TOKENS = "tokens"  # whitespace-insensitive token compare, big integers exact
    FLOATS = "floats"  # tokens, but numeric answer tokens compared with a tolerance
    EXACT = "exact"  # byte-for-byte, after normalising line endings and the final newline
    CUSTOM = "custom"  # the problem's own checker program


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
        suffix = "" if self.case_sensitive else ",nocase"
        return f"{self.kind}{suffix}" if suffix else str(self.kind)
