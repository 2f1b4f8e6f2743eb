"""Problem formats: one loader module per format, registered in FORMATS.

A loader module has `NAME`, `matches(path) -> bool` (does this directory or file hold a
problem of that format?) and `load(path) -> Iterator[Problem | ProblemError]` (a file of
CodeContests rows holds many problems; a broken row must not hide the good ones).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

from alphasolve.errors import AlphasolveError, ProblemError
from alphasolve.formats import codecontests, kattis, native, polygon
from alphasolve.problem import Problem

__all__ = ["FORMATS", "find_format", "iter_problems", "load_problem", "load_problems"]

# Checked in this order: the first format whose `matches` accepts a path loads it.
FORMATS: dict[str, ModuleType] = {
    native.NAME: native,
    kattis.NAME: kattis,
    polygon.NAME: polygon,
    codecontests.NAME: codecontests,
}


def find_format(path: Path) -> ModuleType | None:
    for fmt in FORMATS.values():
        if fmt.matches(path):
            return fmt
    return None


def iter_problems(paths: Iterable[Path | str]) -> Iterator[Problem | ProblemError]:
    """Every problem under `paths` (directories searched recursively), in a stable order."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield ProblemError(path, "no such file or directory")
            continue
        yield from _walk(path, top=True)


def _walk(path: Path, top: bool) -> Iterator[Problem | ProblemError]:
    fmt = find_format(path)
    if fmt is not None:
        yield from fmt.load(path)
        return
    if path.is_dir():
        try:
            children = sorted(p for p in path.iterdir() if not p.name.startswith("."))
        except OSError as exc:
            yield ProblemError(path, f"cannot list directory: {exc.strerror}")
            return
        before = 0
        for child in children:
            for item in _walk(child, top=False):
                before += 1
                yield item
        if top and before == 0:
            yield ProblemError(
                path,
                "no problems found (expected problem.yaml, a Kattis package, a Polygon problem.xml, "
                "or .json/.jsonl/.parquet rows)",
            )
    elif top:
        known = ", ".join(FORMATS)
        yield ProblemError(path, f"not a problem in any known format ({known})")


def load_problems(paths: Iterable[Path | str]) -> list[Problem]:
    """All problems under `paths`; raises the first ProblemError."""
    out = []
    for item in iter_problems(paths):
        if isinstance(item, ProblemError):
            raise item
        out.append(item)
    return out


def load_problem(path: Path | str) -> Problem:
    """Exactly one problem (a problem directory, or a rows file holding one row)."""
    problems = load_problems([path])
    if len(problems) != 1:
        raise AlphasolveError(f"{path}: expected one problem, found {len(problems)}")
    return problems[0]
