"""How a run's draws on problems with a literal compare with the reference program
(scripts/literal_errors.py prints the table).

For each kind of hold-out: the share of draws that are the reference Python program exactly,
the share that are the reference with other constants (identical once every integer is
replaced by one mark, but some value differs: a copying error), and the rest (another
structure: a dropped condition, another loop, or now and then a correct program written
another way). Programs are compared up to comments and spacing (`normalise_code`, the
pipeline's deduplication key). It tells whether a literal pass@1 gap is a copying problem
or a composition problem.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from alphasolve.candidate import normalise_code
from alphasolve.errors import AlphasolveError
from alphasolve.formats import load_problems
from alphasolve.model.literals import CODE_NUMBER
from alphasolve.problem import SolutionKind

__all__ = ["COLUMNS", "classify", "count_draws", "load_references", "skeleton", "table"]

COLUMNS = ("reference", "other constants", "other structure")


def skeleton(code: str) -> str:
    """The program with every integer token (what placeholders stand for) as one mark."""
    return CODE_NUMBER.sub("#", code)


def classify(code: str, reference: str) -> str:
    # Compared as the pipeline deduplicates programs: up to comments and spacing.
    code, reference = normalise_code(code, "python3"), normalise_code(reference, "python3")
    if code == reference:
        return "reference"
    if skeleton(code) == skeleton(reference):
        return "other constants"
    return "other structure"


def load_references(problems: Path) -> dict[str, tuple[str, str]]:
    """problem id -> (kind of hold-out, reference Python), for the corpus problems with a
    literal (their hold-out kind and literal flag are in the loader's `meta`)."""
    out = {}
    for p in load_problems([problems]):
        if not p.meta.get("has_literal"):
            continue
        ref = next(
            (
                s.source.text()
                for s in p.solutions
                if s.language == "python3" and s.kind is SolutionKind.ACCEPTED
            ),
            None,
        )
        kind = p.meta.get("primary_holdout")
        if ref is None or not kind:
            raise AlphasolveError(
                f"{p.source_path}: a corpus problem needs meta.primary_holdout and a Python reference"
            )
        out[p.id] = (kind, ref)
    return out


def count_draws(samples: Path, refs: dict[str, tuple[str, str]]) -> dict[str, dict[str, int]]:
    """kind of hold-out -> column -> Python draws in RUN/samples.jsonl on those problems."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    try:
        with samples.open() as f:
            for line_no, line in enumerate(f, 1):
                try:
                    s = json.loads(line)
                    got = refs.get(s["problem_id"])
                    code = s["code"]
                except (ValueError, KeyError, TypeError) as exc:
                    raise AlphasolveError(
                        f"{samples}:{line_no}: not a sample record ({exc})"
                    ) from exc
                if got is not None and s.get("language", "python3") == "python3":
                    counts[got[0]][classify(code, got[1])] += 1
    except OSError as exc:
        raise AlphasolveError(f"{samples}: {exc.strerror}") from exc
    return counts


def table(counts: dict[str, dict[str, int]]) -> str:
    lines = ["| kind | draws | " + " | ".join(COLUMNS) + " |", "|---|---|" + "---|" * len(COLUMNS)]
    for kind in sorted(counts):
        n = sum(counts[kind].values())
        cells = " | ".join(f"{counts[kind][c] / n:.3f}" for c in COLUMNS)
        lines.append(f"| {kind} | {n} | {cells} |")
    return "\n".join(lines)
