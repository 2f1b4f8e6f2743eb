"""Every selector on the same pools and the same random k-subsets (a paired comparison).

The ablation ladder, each rung adding one idea:
  random          n random draws (closed form: pass@n of the pool)
  filtered-random n random draws among those passing the examples (closed form)
  alphacode       exact clusters on all generated inputs, largest first (AlphaCode)
  trusted         the same on trusted inputs only, size as the score
  alphasolve      trusted inputs + the hand-set cluster score (the pipeline's selector)
  learned         trusted inputs + the learned cluster score (when one is shipped)
Cluster selectors run on S random k-subsets of the K draws (a random k-subset of iid draws is
k iid draws, so the average is unbiased); k = K uses the whole pool once. A pool sampled
without replacement (Pool.groups) is not k iid draws: its budgets are whole groups plus a
group's first draws (clustering.grouped_pass_at_k), and random and filtered-random, which
have no closed form there, are averaged over 2,000 such budgets.

S subsets carry sampling noise of their own, which the bootstrap over problems does not see:
at k = 1 (one draw per subset, where every selector is filtered-random) a plain subset
average can read below the closed form it estimates with a "significant" interval
(docs/evaluation.md). So each cluster selector's subset average is corrected by a control
variate: filtered-random evaluated exactly on the same subsets, whose mean over all subsets
is the closed form:
    n@k = mean_S(selector) - mean_S(filtered-random | subset) + filtered-random closed form.
The correction has mean zero, so the estimate stays unbiased (before clipping to [0, 1]), and
it cancels the luck of the draw both share: at k = 1 the two are equal on every subset, and
the estimate is the closed form exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from alphasolve.evaluate.pools import Pool
from alphasolve.selectors import SELECTORS, get_selector
from clustering import Member
from clustering.metrics import (
    filtered_random_given,
    filtered_random_n_at_k,
    grouped_pass_at_k,
    grouped_subsets,
    n_at_k_from_subsets,
    pass_at_k,
    random_subsets,
)
from clustering.scorer import LEARNED_SCORER_FILE

__all__ = [
    "CLOSED_FORM",
    "SUBSET_SELECTORS",
    "ProblemResult",
    "budgets",
    "default_selectors",
    "evaluate_pool",
    "pool_pass_at_k",
    "solved_share",
    "subset_n_at",
    "subset_picks",
]

# picks(members, shape_ok, n) -> candidate ids in submission order
SubsetSelector = Callable[[Sequence[Member], Sequence[bool], int], list[str]]


def _picks(name: str) -> SubsetSelector:
    selector = get_selector(name)
    return lambda m, ok, n: list(selector(m, ok, n).picks)


# The cluster selectors: alphasolve.selectors' registry, the one `solve --selector` uses.
SUBSET_SELECTORS: dict[str, Callable[[], SubsetSelector]] = {
    name: partial(_picks, name) for name in SELECTORS
}
CLOSED_FORM = ("random", "filtered-random")


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
    budget = _Budgets(pool)
    n_at: dict[str, dict[int, dict[int, float]]] = {s: {n: {} for n in ns} for s in selectors}
    for name in CLOSED_FORM:
        if name in selectors:
            for n in ns:
                for k in ks:
                    n_at[name][n][k] = budget.closed_form(name, k, n, seed + k)
    cluster_names = [s for s in selectors if s not in CLOSED_FORM]
    pickers = {s: SUBSET_SELECTORS[s]() for s in cluster_names}
    for k in ks:
        for s, per_n in subset_n_at(pool, k, pickers, ns, subsets, seed + k, budget).items():
            for n, value in per_n.items():
                n_at[s][n][k] = value
    return ProblemResult(
        pool.problem_id,
        pool.rating,
        K,
        len(set(pool.samples)),
        passed_draws,
        correct_draws,
        {k: budget.pass_at(k) for k in ks},
        n_at,
    )


def pool_pass_at_k(pool: Pool, k: int) -> float:
    """pass@k of one pool: the unbiased estimator, or its grouped form where the pool was
    sampled without replacement (Pool.groups)."""
    return _Budgets(pool).pass_at(k)


# Random budgets over which the grouped pools' random and filtered-random n@k are averaged
# (no closed form: each is exact on a budget and cheap, so many are drawn).
_GROUPED_BUDGETS = 2000


class _Budgets:
    """How a pool's draws make up a budget of k: any k of them (independent draws), or whole
    groups and a group's first draws (groups drawn without replacement: Pool.groups)."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.passes = np.array([c in pool.passed for c in pool.samples])
        self.right = np.array([c in pool.correct for c in pool.samples])
        self._rows: dict[tuple[int, int, int], np.ndarray] = {}

    def pass_at(self, k: int) -> float:
        if self.pool.groups is None:
            return pass_at_k(self.pool.size, int(self.right.sum()), k)
        return grouped_pass_at_k([[bool(self.right[i]) for i in g] for g in self.pool.groups], k)

    def rows(self, k: int, count: int, seed: int) -> np.ndarray:
        """`count` random budgets of k draws (indices), the same for the same arguments."""
        key = (k, count, seed)
        if key not in self._rows:
            if self.pool.groups is None:
                self._rows[key] = random_subsets(self.pool.size, k, count, seed)
            else:
                self._rows[key] = grouped_subsets(self.pool.groups, k, count, seed)
        return self._rows[key]

    def closed_form(self, name: str, k: int, n: int, seed: int) -> float:
        """n@k of "random" (n of the k draws at random) or "filtered-random" (n at random
        among the k draws that pass the examples)."""
        pool = self.pool
        passed, correct = int(self.passes.sum()), int(self.right.sum())
        if pool.groups is None:
            if name == "random":
                return pass_at_k(pool.size, correct, min(n, k))
            return filtered_random_n_at_k(pool.size, passed, correct, k, n)
        counts = self.counts(self.rows(k, _GROUPED_BUDGETS, seed))
        if name == "random":
            return float(np.mean([filtered_random_given(k, c, n) for _, c in counts]))
        return float(np.mean([filtered_random_given(j, c, n) for j, c in counts]))

    def counts(self, rows: np.ndarray) -> list[tuple[int, int]]:
        """(draws passing the examples, correct draws) in each budget."""
        return [(int(self.passes[row].sum()), int(self.right[row].sum())) for row in rows]


def subset_n_at(
    pool: Pool,
    k: int,
    pickers: Mapping[str, SubsetSelector],
    ns: Sequence[int],
    subsets: int,
    seed: int,
    budget: _Budgets | None = None,
) -> dict[str, dict[int, float]]:
    """Each picker's n@k for every n in `ns`, from the same `subsets` random budgets of k
    draws, with the filtered-random control variate (module docstring)."""
    budget = budget or _Budgets(pool)
    rows = budget.rows(k, subsets, seed)
    picks = subset_picks(pool, rows, pickers, max(ns))
    counts = budget.counts(rows)
    shift = {
        n: budget.closed_form("filtered-random", k, n, seed)
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
