"""CodeContests rows (google-deepmind/code_contests, the AlphaCode data set) in JSON, JSON
Lines or Parquet files: one Problem per row.

Both shapes of a row are read: the Hugging Face export (`public_tests: {input: [...], output:
[...]}`, `solutions: {language: [...], solution: [...]}`, `time_limit: {seconds, nanos}`) and
the repository's own JSON converter (lists of `{input, output}` / `{language, solution}` objects,
`time_limit` as protobuf text such as "seconds: 2"). Enum fields may be numbers or names.

Mapping (documented defaults are also reported in Problem.warnings):

* id: a slug of `name`, made unique within the file with the row's line or index.
* statement: `description` split at its "Input" / "Output" / "Note" lines; the "Examples"
  section is dropped because the examples come from `public_tests`.
* examples = `public_tests` (group "public"); hidden tests = `private_tests` (group
  "private") + `generated_tests` (group "generated").
* time limit: `time_limit`, else DEFAULT_TIME_LIMIT. Memory: `memory_limit_bytes`, read as
  decimal megabytes when it is a whole number of them (Codeforces' "256 megabytes" is stored
  as 256000000 and meant as 256 MiB), else rounded up to MiB; absent/0 -> DEFAULT_MEMORY_LIMIT.
* checker: CHECKER, the data set's own comparison (its execution/tester_sandboxer.cc):
  whitespace-separated tokens, case-insensitive, numbers within 1e-5 absolute.
* `solutions` are ACCEPTED and `incorrect_solutions` INCORRECT; languages python2, cpp17,
  python3, java (or "unknown").
* rating = `cf_rating` (0 means none), tags = `cf_tags`; source, difficulty and the
  Codeforces ids go to meta. Numeric source/difficulty follow the Hugging Face numbering
  (ATCODER 5, AIZU 6), or the .proto numbering (ATCODER 6, AIZU 7) for rows in the
  converter's shape, which writes raw proto values.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alphasolve.errors import ProblemError
from alphasolve.formats.common import FieldReader, read_text
from alphasolve.problem import (
    Blob,
    CheckerKind,
    CheckerSpec,
    Problem,
    Solution,
    SolutionKind,
    TestCase,
)

__all__ = [
    "CHECKER",
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_TIME_LIMIT",
    "NAME",
    "load",
    "matches",
    "row_to_problem",
    "split_description",
]

NAME = "codecontests"
SUFFIXES = (".json", ".jsonl", ".parquet")
DEFAULT_TIME_LIMIT = 2.0  # seconds: the most common limit on Codeforces and AtCoder
DEFAULT_MEMORY_LIMIT = 256  # MiB: the most common limit on Codeforces
CHECKER = CheckerSpec(kind=CheckerKind.FLOATS, case_sensitive=False, abs_tol=1e-5, rel_tol=0.0)
PARQUET_HINT = "install alphasolve[parquet] (pyarrow) to read Parquet files"

_STD_STREAMS = ("stdin", "stdout", "standard input", "standard output")
_LANGUAGES = {0: "unknown", 1: "python2", 2: "cpp17", 3: "python3", 4: "java"}
_LANGUAGE_NAMES = {
    "unknown_language": "unknown", "unknown": "unknown", "python": "python2",
    "python2": "python2", "cpp": "cpp17", "c++": "cpp17", "cpp17": "cpp17",
    "python3": "python3", "java": "java",
}  # fmt: skip
_SOURCES = ["UNKNOWN_SOURCE", "CODECHEF", "CODEFORCES", "HACKEREARTH", "CODEJAM", "ATCODER", "AIZU"]
_PROTO_SOURCES = {0: "UNKNOWN_SOURCE", 1: "CODECHEF", 2: "CODEFORCES", 3: "HACKEREARTH",
                  4: "CODEJAM", 6: "ATCODER", 7: "AIZU"}  # fmt: skip
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUV"
_DIFFICULTIES = ["UNKNOWN_DIFFICULTY", "EASY", "MEDIUM", "HARD", "HARDER", "HARDEST", "EXTERNAL",
                 *_LETTERS]  # fmt: skip
# the .proto skips 18: L..V are 19..29 there
_PROTO_DIFFICULTIES = {i: n for i, n in enumerate(_DIFFICULTIES[:18])} | {
    19 + i: letter for i, letter in enumerate(_LETTERS[11:])
}


def matches(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES


@dataclass(frozen=True)
class _Where:
    """Where a row sits in its file: JSON Lines rows by line, JSON/Parquet rows by index."""

    line: int | None = None
    index: int | None = None

    @property
    def prefix(self) -> str:
        return f"rows[{self.index}]." if self.index is not None else ""

    @property
    def number(self) -> int | None:
        return self.line if self.line is not None else self.index


def load(path: Path) -> Iterator[Problem | ProblemError]:
    suffix = path.suffix.lower()
    rows = (
        _jsonl_rows(path)
        if suffix == ".jsonl"
        else (_parquet_rows(path) if suffix == ".parquet" else _json_rows(path))
    )
    ids: set[str] = set()
    for item in rows:
        if isinstance(item, ProblemError):
            yield item
            continue
        where, row = item
        try:
            yield row_to_problem(row, path, where.line, where.index, ids)
        except ProblemError as exc:
            yield exc


# -- reading rows ---------------------------------------------------------------------------

_Rows = Iterator["tuple[_Where, dict[str, Any]] | ProblemError"]


def _jsonl_rows(path: Path) -> _Rows:
    """One row per line, read as a stream: a broken line is one error, the rest still load."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ProblemError(path, f"cannot read: {exc.strerror}")
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield ProblemError(path, f"not valid UTF-8 text (byte {exc.start})", line=n)
                continue
            except json.JSONDecodeError as exc:
                yield ProblemError(path, f"invalid JSON: {exc.msg} (column {exc.colno})", line=n)
                continue
            if not isinstance(row, dict):
                yield ProblemError(path, "expected a JSON object (one CodeContests row)", line=n)
                continue
            yield _Where(line=n), row


def _json_rows(path: Path) -> _Rows:
    try:
        data = json.loads(read_text(path))
    except ProblemError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and exc.lineno > 1:
            # one object per line under a .json name (what `datasets.Dataset.to_json` writes)
            yield from _jsonl_rows(path)
            return
        yield ProblemError(path, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        return
    if isinstance(data, dict):
        yield _Where(), data
        return
    if not isinstance(data, list):
        yield ProblemError(path, "expected one CodeContests row (an object) or a list of rows")
        return
    for i, row in enumerate(data):
        if isinstance(row, dict):
            yield _Where(index=i), row
        else:
            yield ProblemError(
                path, "expected an object (one CodeContests row)", field=f"rows[{i}]"
            )


def _parquet_rows(path: Path) -> _Rows:
    try:
        import pyarrow.parquet as pq  # optional dependency: alphasolve[parquet]
    except ImportError:
        yield ProblemError(path, PARQUET_HINT)
        return
    try:
        parquet = pq.ParquetFile(path)
        names = set(parquet.schema_arrow.names)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for a bad file
        yield ProblemError(path, f"not a readable Parquet file: {exc}")
        return
    missing = sorted({"name", "description"} - names)
    if missing:
        yield ProblemError(path, f"not CodeContests rows: no column {', '.join(missing)}")
        return
    index = 0
    # a row can carry megabytes of generated tests: read a few rows at a time
    for batch in parquet.iter_batches(batch_size=16):
        for row in batch.to_pylist():
            yield _Where(index=index), row
            index += 1


# -- one row --------------------------------------------------------------------------------


def row_to_problem(
    row: Mapping[str, Any],
    path: Path,
    line: int | None = None,
    index: int | None = None,
    ids: set[str] | None = None,
) -> Problem:
    """One row as a Problem; errors name the file, the line or row index, and the field."""
    where = _Where(line, index)
    name = row.get("name") if isinstance(row.get("name"), str) else None
    try:
        return _build(row, path, where, set() if ids is None else ids)
    except ProblemError as exc:
        raise ProblemError(
            exc.path, exc.message, field=exc.field, line=line, problem=name or None
        ) from None


def _build(row: Mapping[str, Any], path: Path, where: _Where, ids: set[str]) -> Problem:
    f = FieldReader(row, path, where.prefix)
    warnings: list[str] = []
    name = f.str("name", required=True).strip()
    proto_shape = any(isinstance(row.get(k), list) for k in ("public_tests", "private_tests"))
    legend, input_spec, output_spec, notes = split_description(f.str("description", required=True))

    examples = _tests(f, "public_tests", "public")
    hidden = _tests(f, "private_tests", "private") + _tests(f, "generated_tests", "generated")
    if not hidden:
        warnings.append("no private or generated tests")

    time_limit = _time_limit(f)
    if time_limit is None:
        time_limit = DEFAULT_TIME_LIMIT
        warnings.append(f"no time_limit: using the default {DEFAULT_TIME_LIMIT:g} s")
    memory = _memory_mib(f)
    if memory is None:
        memory = DEFAULT_MEMORY_LIMIT
        warnings.append(f"no memory_limit_bytes: using the default {DEFAULT_MEMORY_LIMIT} MiB")
    for key in ("input_file", "output_file"):
        io_file = f.str(key).strip()
        if io_file and io_file.lower() not in _STD_STREAMS:
            warnings.append(f"{key} is {io_file!r}: file I/O, but judged on stdin/stdout")

    rating = f.int("cf_rating")
    meta: dict[str, Any] = {
        key: value
        for key, value in (
            ("source", _enum_name(f, "source", _SOURCES, _PROTO_SOURCES, proto_shape)),
            (
                "difficulty",
                _enum_name(f, "difficulty", _DIFFICULTIES, _PROTO_DIFFICULTIES, proto_shape),
            ),
            ("cf_contest_id", f.int("cf_contest_id")),
            ("cf_index", f.str("cf_index")),
            ("cf_points", f.number("cf_points")),
            ("is_description_translated", f.bool("is_description_translated")),
        )
        if value not in (None, "", 0, False)  # the data set's way of saying "unknown"
    }
    if where.number is not None:
        meta["row"] = where.number
    return Problem(
        id=_unique_id(name, where, ids),
        name=name,
        statement=legend,
        input_spec=input_spec,
        output_spec=output_spec,
        notes=notes,
        examples=examples,
        hidden_tests=hidden,
        time_limit=time_limit,
        memory_limit=memory,
        source_format=NAME,
        source_path=path,
        checker=CHECKER,
        tags=f.str_list("cf_tags"),
        rating=rating or None,
        solutions=_solutions(f, "solutions", SolutionKind.ACCEPTED)
        + _solutions(f, "incorrect_solutions", SolutionKind.INCORRECT),
        warnings=tuple(warnings),
        meta=meta,
    )


def _unique_id(name: str, where: _Where, ids: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80].strip("-") or "row"
    pid = slug if slug not in ids else f"{slug}-{where.number or 0}"
    while pid in ids:  # a clash even with the row number added
        pid += "-x"
    ids.add(pid)
    return pid


def _err(f: FieldReader, key: str, message: str) -> ProblemError:
    return ProblemError(f.path, message, field=f.prefix + key)


def _columns(f: FieldReader, key: str, names: tuple[str, str]) -> list[tuple[object, object]]:
    """`{a: [...], b: [...]}` (Hugging Face) or `[{a, b}, ...]` (the .proto) as (a, b) pairs."""
    value = f.data.get(key)
    a, b = names
    if value is None:
        return []
    if isinstance(value, dict):
        left, right = value.get(a) or [], value.get(b) or []
        if not isinstance(left, list) or not isinstance(right, list):
            raise _err(f, key, f"expected {{{a}: [...], {b}: [...]}}")
        if len(left) != len(right):
            raise _err(f, key, f"{len(left)} {a} values but {len(right)} {b} values")
        return list(zip(left, right, strict=True))
    if isinstance(value, list):
        pairs = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise _err(f, f"{key}[{i}]", f"expected an object with {a} and {b}")
            pairs.append((item.get(a), item.get(b)))
        return pairs
    raise _err(f, key, f"expected {{{a}: [...], {b}: [...]}} or a list of {{{a}, {b}}} objects")


def _tests(f: FieldReader, key: str, group: str) -> tuple[TestCase, ...]:
    out = []
    for i, (inp, ans) in enumerate(_columns(f, key, ("input", "output"))):
        for part, value in (("input", inp), ("output", ans)):
            if not isinstance(value, str):
                raise _err(
                    f, f"{key}.{part}[{i}]", f"expected a string, got {type(value).__name__}"
                )
        out.append(TestCase(f"{group}-{i + 1}", Blob.of(inp), Blob.of(ans), group))  # type: ignore[arg-type]
    return tuple(out)


def _solutions(f: FieldReader, key: str, kind: SolutionKind) -> tuple[Solution, ...]:
    out = []
    for i, (lang, code) in enumerate(_columns(f, key, ("language", "solution"))):
        if not isinstance(code, str):
            raise _err(f, f"{key}.solution[{i}]", "expected the solution's source text")
        out.append(
            Solution(_language(f, f"{key}.language[{i}]", lang), Blob.of(code), kind, f"{key}[{i}]")
        )
    return tuple(out)


def _language(f: FieldReader, field: str, value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value in _LANGUAGES:
        return _LANGUAGES[value]
    if isinstance(value, str) and value.strip().lower() in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[value.strip().lower()]
    known = "0 UNKNOWN_LANGUAGE, 1 PYTHON (2), 2 CPP, 3 PYTHON3, 4 JAVA"
    raise _err(f, field, f"unknown language {value!r}; known: {known}")


def _enum_name(
    f: FieldReader, key: str, names: list[str], proto: dict[int, str], proto_shape: bool
) -> str | None:
    value = f.data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip().upper() or None
    if isinstance(value, int) and not isinstance(value, bool):
        if proto_shape:
            return proto.get(value, str(value))
        return names[value] if 0 <= value < len(names) else str(value)
    raise _err(f, key, f"expected a number or a name, got {type(value).__name__}")


def _time_limit(f: FieldReader) -> float | None:
    """Seconds, or None when absent or zero (the data set leaves some limits unset)."""
    value = f.data.get("time_limit")
    if value is None or value == "" or value == {}:
        return None
    if isinstance(value, dict):
        parts = []
        for unit in ("seconds", "nanos"):
            part = value.get(unit) or 0
            if isinstance(part, bool) or not isinstance(part, (int, float)):
                raise _err(f, f"time_limit.{unit}", f"expected a number, got {part!r}")
            parts.append(part)
        total = parts[0] + parts[1] / 1e9
    elif isinstance(value, str):
        # the repository's converter writes protobuf text: "seconds: 2\nnanos: 500000000\n"
        found = dict(re.findall(r"(seconds|nanos)\s*:\s*(-?\d+)", value))
        try:
            if found:
                total = int(found.get("seconds", 0)) + int(found.get("nanos", 0)) / 1e9
            else:
                total = float(value.strip().removesuffix("s"))
        except ValueError:
            raise _err(f, "time_limit", f"expected {{seconds, nanos}}, got {value!r}") from None
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        total = float(value)
    else:
        raise _err(f, "time_limit", f"expected {{seconds, nanos}}, got {value!r}")
    if not math.isfinite(total) or total < 0:
        raise _err(f, "time_limit", f"must not be negative, got {total:g} s")
    return total or None


def _memory_mib(f: FieldReader) -> int | None:
    value = f.data.get("memory_limit_bytes")
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _err(f, "memory_limit_bytes", f"expected a number of bytes, got {value!r}")
    if value < 0:
        raise _err(f, "memory_limit_bytes", f"must not be negative, got {value}")
    if value == 0:
        return None
    if value % 1_000_000 == 0:
        return value // 1_000_000
    return math.ceil(value / 2**20)


# -- the description ------------------------------------------------------------------------

_HEADINGS = {
    "input": "input", "inputs": "input", "input format": "input", "input specification": "input",
    "input data": "input", "output": "output", "outputs": "output", "output format": "output",
    "output specification": "output", "output data": "output", "note": "notes",
    "notes": "notes", "explanation": "notes", "explanations": "notes", "hint": "notes",
    "sample explanation": "notes", "explanation of the sample": "notes",
    "explanation of the samples": "notes", "constraints": "constraints",
}  # fmt: skip
_EXAMPLES = re.compile(
    r"(sample|example)s?( (test|tests|test case|test cases|input|output|case))?( \d+)?"
)


def split_description(text: str) -> tuple[str, str, str, str]:
    """(legend, input spec, output spec, notes) of a CodeContests description."""
    parts: dict[str, list[str]] = {"legend": [], "input": [], "output": [], "notes": []}
    current = "legend"
    for line in text.replace("\r\n", "\n").split("\n"):
        key = " ".join(line.strip().lower().rstrip(":").split())
        kind = _HEADINGS.get(key)
        if kind is None and _EXAMPLES.fullmatch(key):
            kind = "examples"
        if kind == "examples":
            current = kind
            continue
        if kind in ("input", "output") and current != "examples":
            current = kind
            continue
        if kind == "constraints" and current != "examples":
            current = "input"  # constraints describe the input; keep their heading
        elif kind == "notes":
            current = kind
            continue
        if current != "examples":
            parts[current].append(line)
    return tuple(  # type: ignore[return-value]
        re.sub(r"\n{3,}", "\n\n", "\n".join(parts[k])).strip()
        for k in ("legend", "input", "output", "notes")
    )
