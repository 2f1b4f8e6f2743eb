#!/usr/bin/env python3
"""How a sampling run's draws on problems with a literal compare with the reference program.

    python scripts/literal_errors.py --run RUN --problems problems/corpus/test

For each kind of hold-out, the share of draws that are the reference Python program exactly,
the share that are the reference with other constants (identical once every integer is
replaced by one mark, but some value differs: a copying error), and the rest (another
structure: a dropped condition, another loop, or now and then a correct program written
another way). Programs are compared up to comments and spacing (`normalise_code`, the
pipeline's deduplication key). Why: it tells whether
the literal pass@1 gap is a copying problem or a composition problem (README, quality).
Reads RUN/samples.jsonl and the corpus problems (their meta and Python reference).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from alphasolve.candidate import normalise_code  # noqa: E402
from alphasolve.errors import AlphasolveError  # noqa: E402
from alphasolve.formats import load_problems  # noqa: E402
from alphasolve.model.literals import CODE_NUMBER  # noqa: E402
from alphasolve.problem import SolutionKind  # noqa: E402


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
            sys.exit(
                f"{p.source_path}: a corpus problem needs meta.primary_holdout and a Python reference"
            )
        out[p.id] = (kind, ref)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="a sample or eval run directory")
    parser.add_argument("--problems", type=Path, required=True, help="a corpus split directory")
    args = parser.parse_args()
    try:
        refs = load_references(args.problems)
    except AlphasolveError as exc:
        sys.exit(str(exc))
    if not refs:
        sys.exit(f"{args.problems}: no corpus problem with a literal")
    samples = args.run / "samples.jsonl"
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    try:
        with samples.open() as f:
            for line_no, line in enumerate(f, 1):
                try:
                    s = json.loads(line)
                    got = refs.get(s["problem_id"])
                    code = s["code"]
                except (ValueError, KeyError, TypeError) as exc:
                    sys.exit(f"{samples}:{line_no}: not a sample record ({exc})")
                if got is not None and s.get("language", "python3") == "python3":
                    counts[got[0]][classify(code, got[1])] += 1
    except OSError as exc:
        sys.exit(f"{samples}: {exc.strerror}")
    if not counts:
        sys.exit(f"{samples}: no Python draw on a problem with a literal")
    cols = ("reference", "other constants", "other structure")
    print("| kind | draws | " + " | ".join(cols) + " |")
    print("|---|---|" + "---|" * len(cols))
    for kind in sorted(counts):
        n = sum(counts[kind].values())
        cells = " | ".join(f"{counts[kind][c] / n:.3f}" for c in cols)
        print(f"| {kind} | {n} | {cells} |")


if __name__ == "__main__":
    main()
