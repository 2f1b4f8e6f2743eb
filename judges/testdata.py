"""Test data: bytes that live either inline or in a file, read only when needed.

A problem with hundreds of megabytes of hidden tests must load instantly, so a `Blob` that
points at a file never reads it at construction; the judge hands such a file straight to the
program as its stdin without copying it into memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Blob", "TestCase"]


@dataclass(frozen=True)
class Blob:
    """Bytes held inline (`data`) or in a file (`path`), exactly one of the two."""

    data: bytes | None = None
    path: Path | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.path is None):
            raise ValueError("a Blob holds exactly one of data or path")

    @classmethod
    def of(cls, value: bytes | str) -> Blob:
        return cls(data=value.encode() if isinstance(value, str) else value)

    @classmethod
    def file(cls, path: Path | str) -> Blob:
        return cls(path=Path(path))

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def text(self) -> str:
        return self.read().decode("utf-8", errors="replace")

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size


@dataclass(frozen=True)
class TestCase:
    """One test: an input and, when known, the expected answer.

    Generated inputs (for clustering) have no answer; `group` keeps Kattis test groups
    (`secret/group1`) so reports can be broken down by them.
    """

    __test__ = False  # keep pytest from collecting this class

    name: str
    input: Blob
    answer: Blob | None = None
    group: str = ""

    @property
    def label(self) -> str:
        """Unique within a problem: examples and hidden tests often share names like "01"."""
        return f"{self.group}/{self.name}" if self.group else self.name
