"""Behaviour signatures: what a program did on each generated input, as comparable tokens.

A clean run is represented by the digest of its whitespace-normalised output (the judge's
`RunResult.output_digest`); a run that broke a limit or crashed by an explicit code, so that
"crashed on input 3" is itself a behaviour two programs can share.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

__all__ = ["BAD_CODES", "Code", "signature", "token"]


class Code(StrEnum):
    CRASH = "!crash"
    TIMEOUT = "!timeout"
    MEMORY = "!memory"
    OUTPUT_LIMIT = "!output"
    ERROR = "!judge-error"


# Verdict name -> code; AC (and WA, which cannot occur without an answer) keep their digest.
_BY_VERDICT = {
    "RTE": Code.CRASH,
    "CE": Code.CRASH,
    "TLE": Code.TIMEOUT,
    "MLE": Code.MEMORY,
    "OLE": Code.OUTPUT_LIMIT,
    "JE": Code.ERROR,
}
BAD_CODES = frozenset(Code)


def token(verdict: str, digest: str) -> str:
    """One cell of a signature: the output digest of a clean run, else the failure's code."""
    code = _BY_VERDICT.get(str(verdict))
    return str(code) if code is not None else digest


def signature(cells: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """(verdict, digest) per input, in input order -> the program's signature."""
    return tuple(token(v, d) for v, d in cells)
