"""judges: contained, fast execution of untrusted programs, checkers and verdicts.

Usable on its own (it never imports alphasolve or ray). Names are imported lazily: the
zygote processes import this package and must stay lean.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "BatchJob",
    "Blob",
    "CheckerKind",
    "CheckerSpec",
    "Convention",
    "IsolationReport",
    "Judge",
    "JudgeConfig",
    "JudgeReport",
    "Limits",
    "Program",
    "RunResult",
    "TestCase",
    "Verdict",
    "judge",
]

_WHERE = {
    "BatchJob": "judges.judge",
    "Judge": "judges.judge",
    "JudgeReport": "judges.judge",
    "Program": "judges.judge",
    "judge": "judges.judge",
    "Blob": "judges.testdata",
    "TestCase": "judges.testdata",
    "CheckerKind": "judges.checkers.spec",
    "CheckerSpec": "judges.checkers.spec",
    "Convention": "judges.checkers.spec",
    "IsolationReport": "judges.isolation",
    "JudgeConfig": "judges.config",
    "Limits": "judges.config",
    "RunResult": "judges.verdict",
    "Verdict": "judges.verdict",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'judges' has no attribute {name!r}")
