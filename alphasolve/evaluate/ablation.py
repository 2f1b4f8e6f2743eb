"""Every selector on the same pools and the same random k-subsets (a paired comparison).

The ablation ladder of ranking.md §9, each rung adding one idea:
  random          n random draws (closed form: pass@n of the pool)
  filtered-random n random draws among those passing the examples (closed form)
  alphacode       exact clusters on all generated inputs, largest first (AlphaCode)
  trusted         the same on trusted inputs only, size as the score
  alphasolve      trusted inputs + the hand-set cluster score (the pipeline's selector)
  learned         trusted inputs + the learned cluster score (when one is shipped)
Cluster selectors run on S random k-subsets of the K draws (a random k-subset of iid draws is
k iid draws, so the average is unbiased); k = K uses the whole pool once.

S subsets carry sampling noise of their own, which the bootstrap over problems does not see:
with S = 20 at k = 1 (one draw per subset, where every selector is filtered-random) the
plain subset average read 1.2 points below the closed form with a "significant" interval.
So each cluster selector's subset average is corrected by a control variate: filtered-random
evaluated exactly on the same subsets, whose mean over all subsets is the closed form:
    n@k = mean_S(selector) - mean_S(filtered-random | subset) + filtered-random closed form.
The correction has mean zero, so the estimate stays unbiased (before clipping to [0, 1]), and
it cancels the luck of the draw both share: at k = 1 the two are equal on every subset, and
the estimate is the closed form exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from alphasolve.evaluate.pools import Pool
from clustering import Member, alphacode_picks, select
from clustering.metrics import (
    filtered_random_given,
    filtered_random_n_at_k,
    n_at_k_from_subsets,
    pass_at_k,
    random_subsets,
)
from clustering.scorer import LEARNED_SCORER_FILE, get_scorer

__all__ = [
    "CLOSED_FORM",
    "SUBSET_SELECTORS",
    "ProblemResult",
    "budgets",
    "default_selectors",
    "evaluate_pool",
    "solved_share",
    "subset_n_at",
    "subset_picks",
]

# picks(members, shape_ok, n) -> candidate ids in submission order
SubsetSelector = Callable[[Sequence[Member], Sequence[bool], int], list[str]]


def _size_only(f) -> float:
    return f.log_size


SUBSET_SELECTORS: dict[str, Callable[[], SubsetSelector]] = {
    "alphacode": lambda: lambda m, ok, n: alphacode_picks(m, n),
    "trusted": lambda: lambda m, ok, n: list(select(m, ok, n, score=_size_only).picks),
    "alphasolve": lambda: lambda m, ok, n: list(select(m, ok, n).picks),
    "learned": lambda: _learned_selector(),
}
CLOSED_FORM = ("random", "filtered-random")


def _learned_selector() -> SubsetSelector:
    score = get_scorer("learned")
    return lambda m, ok, n: list(select(m, ok, n, score=score).picks)


def default_selectors() -> list[str]:
    names = [*CLOSED_FORM, "alphacode", "trusted", "alphasolve"]
    if LEARNED_SCORER_FILE.is_file():
        names.append("learned")
    return names


def budgets(samples: int) -> list[int]:
    """k = 1, 10, 100, ... up to the pool size, and the pool size itself."""
    ks, k = [], 1
    while k < samples:
        ks.append(k)
        k *= 10
    return [*ks, samples]


@dataclass(frozen=True)
class ProblemResult:
    problem_id: str
    rating: int | None
    draws: int
    unique: int
    passed_draws: int  # draws whose program passes the examples
    correct_draws: int
    pass_at: Mapping[int, float]  # k -> pass@k
    n_at: Mapping[str, Mapping[int, Mapping[int, float]]]  # selector -> n -> k -> n@k


def evaluate_pool(
    pool: Pool,
    ks: Sequence[int],
    ns: Sequence[int] = (1, 10),
    selectors: Sequence[str] = ("random", "filtered-random", "alphacode", "alphasolve"),
    subsets: int = 20,
    seed: int = 0,
) -> ProblemResult:
    K = pool.size
    passed_draws = pool.count(pool.passed)
    correct_draws = pool.count(pool.correct)
    ks = [k for k in ks if 1 <= k <= K]
    n_at: dict[str, dict[int, dict[int, float]]] = {s: {n: {} for n in ns} for s in selectors}
    for name in selectors:
        if name == "random":
            for n in ns:
                for k in ks:
                    n_at[name][n][k] = pass_at_k(K, correct_draws, min(n, k))
        elif name == "filtered-random":
            for n in ns:
                for k in ks:
                    n_at[name][n][k] = filtered_random_n_at_k(K, passed_draws, correct_draws, k, n)
    cluster_names = [s for s in selectors if s not in CLOSED_FORM]
    pickers = {s: SUBSET_SELECTORS[s]() for s in cluster_names}
    for k in ks:
        for s, per_n in subset_n_at(pool, k, pickers, ns, subsets, seed + k).items():
            for n, value in per_n.items():
                n_at[s][n][k] = value
    return ProblemResult(
        pool.problem_id,
        pool.rating,
        K,
        len(set(pool.samples)),
        passed_draws,
        correct_draws,
        {k: pass_at_k(K, correct_draws, k) for k in ks},
        n_at,
    )


def subset_n_at(
    pool: Pool,
    k: int,
    pickers: Mapping[str, SubsetSelector],
    ns: Sequence[int],
    subsets: int,
    seed: int,
) -> dict[str, dict[int, float]]:
    """Each picker's n@k for every n in `ns`, from the same `subsets` random k-subsets of the
    draws, with the filtered-random control variate (module docstring)."""
    rows = random_subsets(pool.size, k, subsets, seed)
    picks = subset_picks(pool, rows, pickers, max(ns))
    passes = np.array([c in pool.passed for c in pool.samples])
    right = np.array([c in pool.correct for c in pool.samples])
    counts = [(int(passes[row].sum()), int(right[row].sum())) for row in rows]
    passed, correct = int(passes.sum()), int(right.sum())
    shift = {
        n: filtered_random_n_at_k(pool.size, passed, correct, k, n)
        - float(np.mean([filtered_random_given(j, c, n) for j, c in counts]))
        for n in ns
    }
    return {
        s: {
            n: min(1.0, max(0.0, solved_share([p[:n] for p in picks[s]], pool.correct) + shift[n]))
            for n in ns
        }
        for s in pickers
    }


def subset_picks(
    pool: Pool,
    rows: np.ndarray,
    pickers: Mapping[str, SubsetSelector],
    n: int,
) -> dict[str, list[list[str]]]:
    """Each picker's first `n` picks on the same k-subsets of the draws (`rows`: indices)."""
    picks: dict[str, list[list[str]]] = {s: [] for s in pickers}
    for row in rows:
        members = pool.survivors(row)
        for s, picker in pickers.items():
            # No survivor in the subset: the pipeline falls back to unfiltered programs,
            # which fail an example, so they can never be correct: no picks counts the same.
            picks[s].append(picker(members, pool.shape_ok, n) if members else [])
    return picks


def solved_share(picks: Sequence[Sequence[str]], correct: frozenset[str]) -> float:
    """n@k over subsets: the share of subsets where a pick is correct (ids, not indices)."""
    ids = sorted({c for p in picks for c in p})
    index = {c: i for i, c in enumerate(ids)}
    return n_at_k_from_subsets([[index[c] for c in p] for p in picks], [c in correct for c in ids])
