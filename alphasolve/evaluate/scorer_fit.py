"""Fitting the learned cluster scorer on train pools and choosing it on valid pools
(scripts/train_cluster_scorer.py is the command line; its docstring gives the recipe).

Examples: every cluster alphasolve's selector forms (trusted inputs, exact clusters) on the
whole pool and on random quarter-size subsets of it; label: most of its members pass the
hidden tests (counted in draws, as cluster size is). Model: logistic regression on the
standardised ClusterFeatures, for several regularisation strengths; the scaling is folded
into the weights, so the shipped scorer is a dot product (clustering.scorer.LinearScorer).
Choice: the candidate with the best mean 10@k on valid over budgets k = 1, 10, ..., K (the
same random subsets for every candidate), then the best mean 1@k; the hand-set score is a
candidate too and wins ties.
"""

from __future__ import annotations

from pathlib import Path
from statistics import fmean

import numpy as np

from alphasolve.errors import AlphasolveError
from alphasolve.evaluate.ablation import budgets, subset_n_at
from alphasolve.evaluate.pools import Pool, load_pool
from alphasolve.formats import load_problems
from alphasolve.rundir import RunDir
from clustering import cluster_exact, cluster_features, cluster_mass, hand_score, select
from clustering.metrics import random_subsets
from clustering.scorer import LinearScorer, feature_vector
from clustering.trust import trusted_inputs

__all__ = ["C_GRID", "examples", "fit", "fit_and_choose", "n_at_k", "pools"]

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
    from sklearn.linear_model import LogisticRegression  # heavy: only when fitting

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


def fit_and_choose(
    train: list[Pool], valid: list[Pool], samples: int, subsets: int, seed: int
) -> dict:
    """Fit a scorer per C on `train`, measure each and the hand score on `valid`; the record
    clustering/learned_scorer.json holds (the best learned scorer, whether it beats the hand
    score, and every candidate's valid 1@k and 10@k)."""
    x, y = examples(train, seed)
    if y.all() or not y.any():
        raise AlphasolveError(
            "train clusters are all correct or all wrong: nothing to learn; sample more"
        )
    candidates = {"hand": hand_score} | {f"learned C={c}": fit(x, y, c) for c in C_GRID}
    scores = {name: n_at_k(valid, s, samples, subsets, seed) for name, s in candidates.items()}

    def merit(name: str) -> tuple[float, float]:  # mean 10@k, then mean 1@k
        return fmean(scores[name][10].values()), fmean(scores[name][1].values())

    best = max(candidates, key=lambda n: (merit(n), n == "hand"))
    learned = max((n for n in candidates if n != "hand"), key=merit)
    gain, gain_1 = (a - b for a, b in zip(merit(learned), merit("hand"), strict=True))
    return {
        "scorer": candidates[learned].to_json(),
        "chosen": learned,
        "default": best != "hand",
        "valid_gain_mean_10_at_k": gain,
        "valid_gain_mean_1_at_k": gain_1,
        "valid_10_at_k": {n: {str(k): v for k, v in s[10].items()} for n, s in scores.items()},
        "valid_1_at_k": {n: {str(k): v for k, v in s[1].items()} for n, s in scores.items()},
        "train": {"problems": len(train), "clusters": len(y), "correct": int(y.sum())},
        "valid_problems": len(valid),
        "samples": samples,
        "subsets": subsets,
    }
