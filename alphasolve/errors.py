"""Errors about user input: they name the file, the field and what is wrong.

The CLI prints these as one line and exits non-zero; they never surface as a traceback.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["AlphasolveError", "ProblemError"]


class AlphasolveError(Exception):
    """Bad input from the user (a file, an argument): shown as a message, not a traceback."""


class ProblemError(AlphasolveError):
    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        field: str | None = None,
        line: int | None = None,
        problem: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.message = message
        self.field = field
        self.line = line
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.problem:
            parts.append(f"problem {self.problem!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ": ".join([", ".join(parts), self.message])
