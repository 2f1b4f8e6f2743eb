"""Parsing helpers shared by the loaders: typed field access that names file, field and line."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from alphasolve.errors import ProblemError
from alphasolve.problem import Blob, Solution, SolutionKind, TestCase
from judges.executors import EXECUTORS, language_for_suffix

__all__ = [
    "LANGUAGE_BY_SUFFIX",
    "FieldReader",
    "pair_tests",
    "read_text",
    "read_yaml",
    "solutions_in",
    "split_statement",
]

# One mapping from file suffix to the judge's language name, used by every loader and the CLI
# (a suffix two executors claim belongs to the first registered: .py is python3).
LANGUAGE_BY_SUFFIX = {
    suffix: language_for_suffix(suffix) or "" for e in EXECUTORS.values() for suffix in e.suffixes
}


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(path, f"not valid UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ProblemError(path, f"cannot read: {exc.strerror}") from None


def read_yaml(path: Path) -> dict[str, Any]:
    text = read_text(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ProblemError(path, f"invalid YAML: {problem}", line=line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProblemError(path, f"expected a mapping at the top level, got {_kind(data)}")
    return data


def _kind(value: object) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


class FieldReader:
    """Typed access to a parsed mapping; every failure is a ProblemError naming the field."""

    def __init__(self, data: Mapping[str, Any], path: Path, prefix: str = "") -> None:
        self.data = data
        self.path = path
        self.prefix = prefix

    def _err(self, key: str, message: str) -> ProblemError:
        return ProblemError(self.path, message, field=self.prefix + key)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def str(self, key: str, default: str | None = None, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self._err(key, "missing required field")
            return default if default is not None else ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self._err(key, f"expected a string, got {_kind(value)}")
        if required and not value.strip():
            raise self._err(key, "must not be empty")
        return value

    def number(
        self,
        key: str,
        default: float | None = None,
        *,
        required: bool = False,
        positive: bool = False,
    ) -> float | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self._err(key, "missing required field")
            return default
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise self._err(key, f"expected a number, got {value!r}") from None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._err(key, f"expected a number, got {_kind(value)}")
        if not math.isfinite(value):
            raise self._err(key, f"must be finite, got {value}")
        if positive and value <= 0:
            raise self._err(key, f"must be positive, got {value}")
        return float(value)

    def int(self, key: str, default: int | None = None, *, required: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self._err(key, "missing required field")
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._err(key, f"expected an integer, got {_kind(value)}")
        return value

    def bool(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._err(key, f"expected true or false, got {_kind(value)}")
        return value

    def str_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):  # "a, b" is a common hand-written shorthand
            return tuple(t.strip() for t in value.split(",") if t.strip())
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._err(key, "expected a list of strings")
        return tuple(value)

    def mapping(self, key: str, *, required: bool = False) -> FieldReader | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self._err(key, "missing required field")
            return None
        if not isinstance(value, dict):
            raise self._err(key, f"expected a mapping, got {_kind(value)}")
        return FieldReader(value, self.path, f"{self.prefix}{key}.")

    def objects(self, key: str, *, required: bool = False) -> tuple[FieldReader, ...]:
        """A list of mappings, one reader each; their errors name `key[i].field`."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise self._err(key, "missing required field")
            return ()
        if not isinstance(value, list):
            raise self._err(key, f"expected a list, got {_kind(value)}")
        readers = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self._err(f"{key}[{i}]", f"expected a mapping, got {_kind(item)}")
            readers.append(FieldReader(item, self.path, f"{self.prefix}{key}[{i}]."))
        return tuple(readers)


def pair_tests(
    directory: Path, group: str = "", *, recursive: bool = False
) -> tuple[TestCase, ...]:
    """Pair NAME.in with NAME.ans (test data stays on disk: each Blob holds only a path)."""
    if not directory.is_dir():
        return ()
    pattern = "**/*.in" if recursive else "*.in"
    tests = []
    for inp in sorted(directory.glob(pattern), key=lambda p: _natural_key(str(p))):
        if not inp.is_file():
            continue
        ans = inp.with_suffix(".ans")
        if not ans.is_file():
            raise ProblemError(inp, f"input file has no answer file {ans.name}")
        rel = inp.relative_to(directory).with_suffix("")
        sub = "/".join(rel.parts[:-1])
        full_group = "/".join(p for p in (group, sub) if p)
        tests.append(TestCase(str(rel), Blob.file(inp), Blob.file(ans), full_group))
    for ans in directory.glob("**/*.ans" if recursive else "*.ans"):
        if not ans.with_suffix(".in").exists():
            raise ProblemError(ans, f"answer file has no input file {ans.with_suffix('.in').name}")
    return tuple(tests)


def _natural_key(text: str) -> list[object]:
    # "2" sorts before "10" the way problem setters number their tests
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def solutions_in(
    directory: Path, default_kind: SolutionKind = SolutionKind.ACCEPTED
) -> tuple[Solution, ...]:
    """Source files directly in `directory` are `default_kind`; sub-directories named after a
    SolutionKind (wrong_answer, time_limit_exceeded, ...) hold the others."""
    if not directory.is_dir():
        return ()
    found: list[Solution] = []
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix in LANGUAGE_BY_SUFFIX:
            found.append(
                Solution(LANGUAGE_BY_SUFFIX[path.suffix], Blob.file(path), default_kind, path.name)
            )
        elif path.is_dir():
            try:
                kind = SolutionKind(path.name)
            except ValueError:
                continue
            found.extend(solutions_in(path, kind))
    return tuple(found)


_HEADING = re.compile(r"^#{1,6}\s*(.+?)\s*#*\s*$")
_SECTION_NAMES = {
    "input": "input",
    "input format": "input",
    "input specification": "input",
    "output": "output",
    "output format": "output",
    "output specification": "output",
    "note": "notes",
    "notes": "notes",
    "explanation": "notes",
}


def split_statement(text: str) -> tuple[str, str, str, str]:
    """Split Markdown into (legend, input spec, output spec, notes) on its section headings."""
    parts: dict[str, list[str]] = {"legend": [], "input": [], "output": [], "notes": []}
    current = "legend"
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and m.group(1).strip().lower().rstrip(":") in _SECTION_NAMES:
            current = _SECTION_NAMES[m.group(1).strip().lower().rstrip(":")]
            continue
        if m and current == "legend" and not any(parts["legend"]):
            continue  # a leading title heading is the problem name, not legend text
        parts[current].append(line)
    return tuple("\n".join(parts[k]).strip() for k in ("legend", "input", "output", "notes"))  # type: ignore[return-value]
