#!/usr/bin/env python3
"""Build alphasolve's synthetic problem corpus (the generator is alphasolve.corpus).

    python scripts/build_corpus.py --split valid --seed 0 --verify --stats
    python scripts/build_corpus.py --split test --seed 1 --disjoint-from problems/corpus/valid
    python scripts/build_corpus.py --split train --seed 1 --count 30000 --format jsonl --out /tmp/train.jsonl

Deterministic from --seed (and the splits given to --disjoint-from): problem i of a split is
drawn from its own seeded generator, so the output does not depend on --workers. valid/test
hold out whole compositions and templates that train never uses (alphasolve/corpus/holdout.py).
The committed splits' commands are in docs/model.md ("The held-out splits").
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from alphasolve.corpus.disjoint import Avoid
from alphasolve.corpus.split import DEFAULT_COUNT, build_split, read_split, verify_dir
from alphasolve.corpus.stats import meaning_stats, split_stats
from alphasolve.errors import AlphasolveError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=("train", "valid", "test"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, help="output directory (native) or file (jsonl)")
    ap.add_argument("--count", type=int)
    ap.add_argument("--format", choices=("native", "jsonl"), default="native")
    ap.add_argument(
        "--verify", action="store_true", help="run every program with g++/python and drop failures"
    )
    ap.add_argument(
        "--stats", action="store_true", help="print block / meaning counts and split statistics"
    )
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--verify-dir", type=Path, help="only verify the native problems already in this directory"
    )
    ap.add_argument(
        "--disjoint-from",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="a committed held-out split whose meanings and reference programs this one "
        "must not repeat (it then repeats none of its own either); repeatable",
    )
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    try:
        if args.verify_dir:
            return 1 if verify_dir(args.verify_dir, args.workers) else 0
        if args.split is None:
            ap.error("--split is required (or --verify-dir)")
        if args.disjoint_from and args.split == "train":
            ap.error("--disjoint-from keeps a held-out split apart; train is apart by design")
        avoid = None
        if args.disjoint_from:
            dirs = [d.resolve() for d in args.disjoint_from]
            avoid = Avoid.of(tuple(d.name for d in dirs), [p for d in dirs for p in read_split(d)])
        count = args.count if args.count is not None else DEFAULT_COUNT[args.split]
        # JSON lines go to the git-ignored train directory unless --out says otherwise
        default = ROOT / "problems" / "corpus" / args.split
        if args.format == "jsonl":
            default = ROOT / "problems" / "corpus" / "train" / f"{args.split}.jsonl"
        if args.stats:
            print(json.dumps(meaning_stats(), indent=2))
        problems = build_split(
            args.split, args.seed, count, args.out or default,
            fmt=args.format, workers=args.workers, verify=args.verify, avoid=avoid,
        )  # fmt: skip
    except AlphasolveError as exc:
        sys.exit(f"build_corpus: {exc}")
    if args.stats and problems is not None:
        print(json.dumps(split_stats(problems), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
