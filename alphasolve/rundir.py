"""The run directory: one append-only JSONL file per stage, and run.json.

Every stage appends its results, keyed by ids, and resumes by reading what is already there:
`kill -9` at any moment loses at most the line being written, which the next reader cuts
off (a torn last line). run.json (config, versions, per-stage timings, the judge's isolation
level) is replaced atomically.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from alphasolve import __version__
from alphasolve.errors import AlphasolveError
from alphasolve.records import RECORDS, Record

__all__ = ["STAGES", "RunDir", "append_records", "read_records", "repair_torn_tail"]

log = logging.getLogger(__name__)

# The stage files, in pipeline order (docs/architecture.md).
STAGES = tuple(RECORDS)

R = TypeVar("R", bound=Record)


def repair_torn_tail(path: Path) -> None:
    """Cut a last line that was not completely written (the writer was killed)."""
    if not path.exists():
        return
    with path.open("r+b") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        # walk back to the previous newline, reading in blocks
        pos = size
        while pos > 0:
            step = min(65536, pos)
            f.seek(pos - step)
            block = f.read(step)
            cut = block.rfind(b"\n")
            if cut >= 0:
                pos = pos - step + cut + 1
                break
            pos -= step
        log.warning("%s: dropping a torn last line (%d bytes)", path, size - pos)
        f.truncate(pos)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, in order; a malformed line is an error naming file:line."""
    if not path.exists():
        return
    repair_torn_tail(path)
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                yield _record(line, path, number)


def _record(line: str | bytes, path: Path, number: int) -> dict[str, Any]:
    """One JSONL line as a record; a malformed one is an error naming file:line."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        why = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        raise AlphasolveError(f"{path}:{number}: not valid JSON ({why})") from None
    if not isinstance(record, dict):
        raise AlphasolveError(f"{path}:{number}: expected a JSON object")
    return record


class _ProblemIndex:
    """Where each problem's records are in one append-only stage file, kept up to date by
    reading only the bytes appended since the last look.

    Why: a problem's rows are read when it opens (by `solve`, `eval`, `replay`), one problem
    after another. Scanning the whole file each time costs O(problems x file), quadratic in
    the run (scripts/bench_run_index.py measures it); holding every stage grouped in memory
    instead grows with the run. Each line is parsed once here (for its problem id) and once
    more when its problem asks for it. Offsets, not records, are kept: a million samples are
    a few tens of MB of offsets, not gigabytes of dicts. One process, one thread: the run
    directory's only writer (resuming is re-running the command).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reset()

    def _reset(self) -> None:
        self.size = 0  # bytes indexed: whole lines only
        self.lines = 0
        self.offsets: dict[str, list[int]] = {}

    def _refresh(self) -> None:
        if not self.path.exists():
            self._reset()
            return
        repair_torn_tail(self.path)
        size = self.path.stat().st_size
        if size < self.size:  # cut short behind our back (a torn tail repaired): start again
            self._reset()
        if size == self.size:
            return
        with self.path.open("rb") as f:
            f.seek(self.size)
            # Line by line, not one read of everything appended: indexing a run of a
            # million samples must not hold its whole file in memory at once.
            while self.size < size:
                raw = f.readline()
                if not raw.endswith(b"\n"):  # whole lines only
                    break
                self.lines += 1
                if raw.strip():
                    pid = _record(raw, self.path, self.lines).get("problem_id")
                    self.offsets.setdefault(str(pid), []).append(self.size)
                self.size += len(raw)

    def rows(self, problem_id: str) -> list[dict[str, Any]]:
        self._refresh()
        wanted = self.offsets.get(problem_id, [])
        if not wanted:
            return []
        out = []
        with self.path.open("rb") as f:
            for offset in wanted:
                f.seek(offset)
                out.append(json.loads(f.readline()))  # parsed (and checked) when indexed
        return out


def append_records(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Append records with one write, flushed to disk; returns how many."""
    lines = "".join(
        json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records
    )
    if not lines:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    repair_torn_tail(path)
    with path.open("a", encoding="utf-8") as f:
        f.write(lines)
        f.flush()
        os.fsync(f.fileno())
    return lines.count("\n")


class RunDir:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self._indexes: dict[str, _ProblemIndex] = {}

    def stage(self, name: str) -> Path:
        if name not in STAGES:
            raise ValueError(f"unknown stage {name!r}; known: {', '.join(STAGES)}")
        return self.path / f"{name}.jsonl"

    def read(self, name: str) -> Iterator[dict[str, Any]]:
        return read_records(self.stage(name))

    def problem_rows(self, name: str, problem_id: str) -> list[dict[str, Any]]:
        """The records of one problem in stage `name`, in file order: what
        `[r for r in read(name) if r["problem_id"] == problem_id]` gives, without reading
        the whole file again on every call (_ProblemIndex)."""
        if name not in self._indexes:
            self._indexes[name] = _ProblemIndex(self.stage(name))
        return self._indexes[name].rows(problem_id)

    def append(self, name: str, records: Iterable[dict[str, Any]]) -> int:
        return append_records(self.stage(name), records)

    def write(self, records: Sequence[Record]) -> int:
        """Append typed rows, all of one type, with one write (the one writer of each type)."""
        if not records:
            return 0
        kind = type(records[0])
        if any(type(r) is not kind for r in records):
            raise TypeError("RunDir.write: rows of one type at a time")
        return self.append(kind.STAGE, [r.to_row() for r in records])

    def rows(self, kind: type[R], problem_id: str) -> list[R]:
        """One problem's typed rows of one stage, in file order (the one reader)."""
        where = f"{self.stage(kind.STAGE)} ({problem_id})"
        return [kind.from_row(r, where) for r in self.problem_rows(kind.STAGE, problem_id)]

    @property
    def info_path(self) -> Path:
        return self.path / "run.json"

    def info(self) -> dict[str, Any]:
        if not self.info_path.exists():
            return {}
        try:
            return json.loads(self.info_path.read_text())
        except json.JSONDecodeError as exc:
            raise AlphasolveError(f"{self.info_path}: not valid JSON ({exc.msg})") from None

    def config_flag(self, name: str) -> bool:
        """A yes/no setting of the `solve` that wrote this run (run.json's `config`, where
        every setting is recorded as text); False where absent, as in runs from before it."""
        return str(self.info().get("config", {}).get(name)) == "True"

    def update_info(self, **fields: Any) -> dict[str, Any]:
        """Merge `fields` into run.json (nested dicts merged one level deep), atomically."""
        info = self.info()
        info.setdefault("versions", versions())
        for key, value in fields.items():
            if isinstance(value, dict) and isinstance(info.get(key), dict):
                info[key] = {**info[key], **value}
            else:
                info[key] = value
        fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".run.json.")
        with os.fdopen(fd, "w") as f:
            json.dump(info, f, indent=2, sort_keys=True)
        os.replace(tmp, self.info_path)
        return info


def versions() -> dict[str, str]:
    out = {"alphasolve": __version__, "python": platform.python_version()}
    for name in ("torch", "transformers", "ray"):
        try:
            from importlib.metadata import version

            out[name] = version(name)
        except Exception:  # not installed: recorded as absent, not an error
            out[name] = "absent"
    return out
