#!/usr/bin/env python3
"""Fit the learned cluster scorer on the corpus train split and choose it on valid.

    # 1. pools with hidden-test verdicts, from the same pipeline users run:
    python scripts/build_corpus.py --split train --seed 7 --count 40 --out /tmp/scorer-train
    alphasolve eval /tmp/scorer-train --samples 200 --language python3:1 --out /tmp/run-train \
        --no-perplexity
    alphasolve eval problems/corpus/valid --samples 200 --language python3:1 --out /tmp/run-valid \
        --no-perplexity
    # 2. fit on train, choose on valid, write clustering/learned_scorer.json:
    python scripts/train_cluster_scorer.py --train /tmp/scorer-train /tmp/run-train \
        --valid problems/corpus/valid /tmp/run-valid --samples 200

Examples: every cluster alphasolve's selector forms (trusted inputs, exact clusters) on the
whole pool and on random quarter-size subsets of it; label: most of its members pass the
hidden tests (counted in draws, as cluster size is). Model: logistic regression on the
standardised ClusterFeatures, for several regularisation strengths; the scaling is folded
into the weights, so the shipped scorer is a dot product (clustering.scorer.LinearScorer).
Choice: the candidate with the best mean 10@k on valid over budgets k = 1, 10, ..., K (the
same random subsets for every candidate), then the best mean 1@k (the order of the picks:
ten picks often already hold every cluster that matters, and then only the order tells
scorers apart); the hand-set score is a candidate too and wins ties. The test split is never
read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alphasolve.errors import AlphasolveError
from alphasolve.evaluate.scorer_fit import fit_and_choose, pools
from clustering.scorer import LEARNED_SCORER_FILE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs=2, type=Path, required=True, metavar=("PROBLEMS", "RUN"))
    parser.add_argument("--valid", nargs=2, type=Path, required=True, metavar=("PROBLEMS", "RUN"))
    parser.add_argument("--samples", type=int, required=True)
    parser.add_argument("--subsets", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=LEARNED_SCORER_FILE)
    args = parser.parse_args()
    if "test" in {part for path in (*args.train, *args.valid) for part in path.parts}:
        sys.exit("the test split is for evaluation only: never fit or choose a scorer on it")
    try:
        train = pools(*args.train, args.samples)
        valid = pools(*args.valid, args.samples)
        record = fit_and_choose(train, valid, args.samples, args.subsets, args.seed)
    except AlphasolveError as exc:
        sys.exit(str(exc))
    t = record["train"]
    print(f"train: {t['problems']} problems, {t['clusters']} clusters, {t['correct']} correct")
    for key, n in (("valid_10_at_k", 10), ("valid_1_at_k", 1)):
        for name, by_k in record[key].items():
            print(f"valid {n}@k {name}: " + ", ".join(f"k={k} {v:.3f}" for k, v in by_k.items()))
    args.out.write_text(json.dumps(record, indent=1) + "\n")
    verdict = "better than" if record["default"] else "not better than"
    print(
        f"{record['chosen']} is {verdict} the hand score on valid (mean 10@k "
        f"{record['valid_gain_mean_10_at_k']:+.3f}, mean 1@k "
        f"{record['valid_gain_mean_1_at_k']:+.3f}); wrote {args.out}"
    )


if __name__ == "__main__":
    main()
