#!/usr/bin/env python3
"""The corpus pass@k table: a model's held-out solve rate per language, per kind of hold-out
and with/without literal constants, read from an `alphasolve eval` run.

    alphasolve eval problems/corpus/valid --samples 100 --out /tmp/eval-valid
    python scripts/eval_model.py --run /tmp/eval-valid --problems problems/corpus/valid

The grouping is alphasolve.evaluate.by_kind. The table goes to stdout and RUN/passk.md, the
counts (draws, correct draws) to RUN/passk.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alphasolve.errors import AlphasolveError
from alphasolve.evaluate.by_kind import group_pools, passk_table
from alphasolve.formats import load_problems
from alphasolve.rundir import RunDir

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="an `alphasolve eval` run")
    parser.add_argument(
        "--problems", type=Path, nargs="+", default=[REPO / "problems" / "corpus" / "valid"]
    )
    parser.add_argument("--samples", type=int, help="draws per problem (default: all)")
    args = parser.parse_args()
    try:
        run = RunDir(args.run)
        groups = group_pools(run, load_problems(args.problems), args.samples or 10**9)
    except AlphasolveError as exc:
        sys.exit(str(exc))
    if not groups:
        sys.exit(f"{args.run}: no draws for these problems; run `alphasolve eval` first")
    text = passk_table(run, groups)
    print(text)
    (args.run / "passk.md").write_text(text + "\n")
    counts = {name: [[p.size, p.count(p.correct)] for p in pools] for name, pools in groups.items()}
    (args.run / "passk.json").write_text(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
