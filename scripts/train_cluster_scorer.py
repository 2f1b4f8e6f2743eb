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
from statistics import fmean

import numpy as np
from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from alphasolve.evaluate.ablation import budgets, subset_n_at  # noqa: E402
from alphasolve.evaluate.pools import Pool, load_pool  # noqa: E402
from alphasolve.formats import load_problems  # noqa: E402
from alphasolve.rundir import RunDir  # noqa: E402
from clustering import (  # noqa: E402
    cluster_exact,
    cluster_features,
    cluster_mass,
    hand_score,
    select,
)
from clustering.metrics import random_subsets  # noqa: E402
from clustering.scorer import LEARNED_SCORER_FILE, LinearScorer, feature_vector  # noqa: E402
from clustering.trust import trusted_inputs  # noqa: E402

C_GRID = (0.01, 0.1, 1.0, 10.0)


def pools(problems_dir: Path, run_dir: Path, samples: int) -> list[Pool]:
    run = RunDir(run_dir)  # load_pool reads from it how the run was sampled
    return [load_pool(run, p, samples) for p in load_problems([problems_dir])]


def examples(pool_list: list[Pool], seed: int) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for p in pool_list:
        views = [range(p.size), *random_subsets(p.size, max(1, p.size // 4), 4, seed)]
        for view in views:
            members = p.survivors(view)
            if not members:
                continue
            trusted = trusted_inputs([m.signature for m in members], p.shape_ok)
            clusters = cluster_exact(members, trusted)
            by_id = {m.candidate_id: m for m in members}
            for c, f in zip(clusters, cluster_features(clusters, members), strict=True):
                xs.append(feature_vector(f))
                right = sum(by_id[m].draws for m in c.members if m in p.correct)
                ys.append(right * 2 > cluster_mass(c, by_id))
    return np.array(xs, dtype=float), np.array(ys, dtype=bool)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> LinearScorer:
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mu) / sd, y)
    w = model.coef_[0] / sd  # fold the standardisation into the weights
    b = float(model.intercept_[0] - (model.coef_[0] * mu / sd).sum())
    return LinearScorer(tuple(float(v) for v in w), b)


def n_at_k(
    pool_list: list[Pool], score, samples: int, subsets: int, seed: int
) -> dict[int, dict[int, float]]:
    """1@k and 10@k of `select` with `score` ({n: {k: value}}), paired with `alphasolve
    eval` (same subsets, seeds)."""
    picker = {"it": lambda m, ok, n: list(select(m, ok, n, score=score).picks)}
    per_k = {
        k: [
            subset_n_at(p, min(k, p.size), picker, (1, 10), subsets, seed + k)["it"]
            for p in pool_list
        ]
        for k in budgets(samples)
    }
    return {n: {k: fmean(r[n] for r in rows) for k, rows in per_k.items()} for n in (1, 10)}


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
    train = pools(*args.train, args.samples)
    valid = pools(*args.valid, args.samples)
    x, y = examples(train, args.seed)
    print(f"train: {len(train)} problems, {len(y)} clusters, {int(y.sum())} correct", flush=True)
    if y.all() or not y.any():
        sys.exit("train clusters are all correct or all wrong: nothing to learn; sample more")
    candidates = {"hand": hand_score} | {f"learned C={c}": fit(x, y, c) for c in C_GRID}
    scores = {}
    for name, scorer in candidates.items():
        scores[name] = n_at_k(valid, scorer, args.samples, args.subsets, args.seed)
        for n in (10, 1):
            print(
                f"valid {n}@k {name}: "
                + ", ".join(f"k={k} {v:.3f}" for k, v in scores[name][n].items())
            )

    def merit(name: str) -> tuple[float, float]:  # mean 10@k, then mean 1@k
        return fmean(scores[name][10].values()), fmean(scores[name][1].values())

    best = max(candidates, key=lambda n: (merit(n), n == "hand"))
    learned = max((n for n in candidates if n != "hand"), key=merit)
    gain, gain_1 = (a - b for a, b in zip(merit(learned), merit("hand"), strict=True))
    record = {
        "scorer": candidates[learned].to_json(),
        "chosen": learned,
        "default": best != "hand",
        "valid_gain_mean_10_at_k": gain,
        "valid_gain_mean_1_at_k": gain_1,
        "valid_10_at_k": {n: {str(k): v for k, v in s[10].items()} for n, s in scores.items()},
        "valid_1_at_k": {n: {str(k): v for k, v in s[1].items()} for n, s in scores.items()},
        "train": {"problems": len(train), "clusters": len(y), "correct": int(y.sum())},
        "valid_problems": len(valid),
        "samples": args.samples,
        "subsets": args.subsets,
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n")
    verdict = "better than" if best != "hand" else "not better than"
    print(
        f"{learned} is {verdict} the hand score on valid (mean 10@k {gain:+.3f}, "
        f"mean 1@k {gain_1:+.3f}); wrote {args.out}"
    )


if __name__ == "__main__":
    main()
