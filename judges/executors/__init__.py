"""Executors, one small module per language, in an explicit registry.

An executor is usable only after its self-test (an echo program) passes on this machine;
`available()` runs the self-tests once per judge and says why a language is missing.
"""

from __future__ import annotations

from judges.executors.base import Executor, Prepared
from judges.executors.cpp17 import Cpp17
from judges.executors.python3 import Python3

__all__ = [
    "EXECUTORS",
    "Executor",
    "LanguageUnavailable",
    "Prepared",
    "UnknownLanguage",
    "get_executor",
    "language_for_suffix",
]

EXECUTORS: dict[str, Executor] = {e.name: e for e in (Python3(), Cpp17())}


class UnknownLanguage(ValueError):
    pass


class LanguageUnavailable(Exception):
    """The language is known but cannot run here (no compiler, or its self-test failed)."""


def get_executor(language: str) -> Executor:
    try:
        return EXECUTORS[language]
    except KeyError:
        raise UnknownLanguage(
            f"unknown language {language!r}; known: {', '.join(EXECUTORS)}"
        ) from None


def language_for_suffix(suffix: str) -> str | None:
    for executor in EXECUTORS.values():
        if suffix.lower() in executor.suffixes:
            return executor.name
    return None
