#!/usr/bin/env python3
"""How a sampling run's draws on problems with a literal compare with the reference program.

    python scripts/literal_errors.py --run RUN --problems problems/corpus/test

For each kind of hold-out, the share of draws that are the reference Python program exactly,
the share that are the reference with other constants (identical once every integer is
replaced by one mark, but some value differs: a copying error), and the rest (another structure: a dropped condition,
another loop, or now and then a correct program written another way). Why: it tells whether
the literal pass@1 gap is a copying problem or a composition problem (README, quality).
Reads RUN/samples.jsonl and each corpus problem's problem.yaml and solutions/main.py.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

_INT = re.compile(r"(?<![\w.])\d+(?![\w.])")


def skeleton(code: str) -> str:
    """The program with every integer token replaced by one mark."""
    return _INT.sub("#", code.strip())


def classify(code: str, reference: str) -> str:
    if code.strip() == reference.strip():
        return "reference"
    if skeleton(code) == skeleton(reference):
        return "other constants"
    return "other structure"


def load_references(problems: Path) -> dict[str, tuple[str, str]]:
    """problem id -> (kind of hold-out, reference Python), for the problems with a literal."""
    out = {}
    for yml in sorted(problems.glob("*/problem.yaml")):
        try:
            doc = yaml.safe_load(yml.read_text())
            meta = doc["meta"]
            if meta.get("has_literal"):
                ref = (yml.parent / "solutions" / "main.py").read_text()
                out[doc["id"]] = (meta["primary_holdout"], ref)
        except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
            sys.exit(f"{yml}: not a corpus problem with meta.primary_holdout ({exc})")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="a sample or eval run directory")
    parser.add_argument("--problems", type=Path, required=True, help="a corpus split directory")
    args = parser.parse_args()
    refs = load_references(args.problems)
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
