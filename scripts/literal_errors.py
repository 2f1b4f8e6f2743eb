#!/usr/bin/env python3
"""How a sampling run's draws on problems with a literal compare with the reference program.

    python scripts/literal_errors.py --run RUN --problems problems/corpus/valid

Per kind of hold-out: the share of Python draws that are the reference program, the
reference with other constants, or another structure (alphasolve.evaluate.literal_errors).
Reads RUN/samples.jsonl and the corpus problems (their meta and Python reference).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alphasolve.errors import AlphasolveError
from alphasolve.evaluate.literal_errors import count_draws, load_references, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="a sample or eval run directory")
    parser.add_argument("--problems", type=Path, required=True, help="a corpus split directory")
    args = parser.parse_args()
    samples = args.run / "samples.jsonl"
    try:
        refs = load_references(args.problems)
        if not refs:
            sys.exit(f"{args.problems}: no corpus problem with a literal")
        counts = count_draws(samples, refs)
    except AlphasolveError as exc:
        sys.exit(str(exc))
    if not counts:
        sys.exit(f"{samples}: no Python draw on a problem with a literal")
    print(table(counts))


if __name__ == "__main__":
    main()
