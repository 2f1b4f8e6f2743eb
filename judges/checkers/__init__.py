"""Checkers: built-in comparisons (pure functions, in CHECKERS) and custom checker programs."""

from __future__ import annotations

from collections.abc import Callable

from judges.checkers.builtin import (
    CheckResult,
    check_exact,
    check_floats,
    check_tokens,
    output_digest_tokens,
)
from judges.checkers.spec import CheckerFailure, CheckerKind, CheckerSpec, Convention
from judges.checkers.testlib_std import STD_CHECKERS

__all__ = [
    "CHECKERS",
    "CheckResult",
    "CheckerFailure",
    "CheckerKind",
    "CheckerSpec",
    "Convention",
    "builtin_check",
    "output_digest_tokens",
]

CheckerFn = Callable[[CheckerSpec, bytes, bytes], CheckResult]

CHECKERS: dict[CheckerKind, CheckerFn] = {
    CheckerKind.TOKENS: check_tokens,
    CheckerKind.FLOATS: check_floats,
    CheckerKind.EXACT: check_exact,
    **STD_CHECKERS,
}


def builtin_check(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    try:
        fn = CHECKERS[spec.kind]
    except KeyError:
        known = ", ".join(k.value for k in CHECKERS)
        raise ValueError(f"no built-in checker {spec.kind!r}; known: {known}") from None
    return fn(spec, output, answer)
