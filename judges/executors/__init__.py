"""Executors, one self-contained module per language, in an explicit registry.

Adding a language is one executor module and one line in `REGISTRY`; the judge, the
problem loaders, the CLI, the prompt and deduplication read everything else from here. An
executor is used only after its self-test (an echo program) passes on this machine; the
judge runs the self-tests once and says why a language is missing.
"""

from __future__ import annotations

import importlib

from judges.executors.base import Executor, Prepared, RunMode

__all__ = [
    "EXECUTORS",
    "REGISTRY",
    "Executor",
    "LanguageUnavailable",
    "Prepared",
    "RunMode",
    "UnknownLanguage",
    "get_executor",
    "installed",
    "language_for_suffix",
    "runtimes_of",
    "source_languages",
]

# "module:Class", one line per language. Order matters only for a shared suffix: its
# language is the first executor that claims it (python3 before another Python runtime).
REGISTRY = (
    "judges.executors.python3:Python3",
    "judges.executors.cpp17:Cpp17",
    "judges.executors.pypy3:PyPy3",
)


def _load(entry: str) -> Executor:
    module, _, cls = entry.partition(":")
    return getattr(importlib.import_module(module), cls)()


EXECUTORS: dict[str, Executor] = {e.name: e for e in map(_load, REGISTRY)}


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


def installed(language: str) -> bool:
    """Registered, and this machine has what it needs (the self-test is the judge's part)."""
    executor = EXECUTORS.get(language)
    return executor is not None and executor.unavailable_reason() is None


def source_languages() -> tuple[str, ...]:
    """Languages programs are written (and sampled) in; other executors are runtimes of one."""
    return tuple(name for name, e in EXECUTORS.items() if e.source_language == name)


def runtimes_of(language: str) -> tuple[str, ...]:
    """The executors that run `language`'s programs, the language's own first."""
    return tuple(name for name, e in EXECUTORS.items() if e.source_language == language)
