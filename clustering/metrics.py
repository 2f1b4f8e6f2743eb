"""Solve-rate metrics: pure functions of counts, subsets and per-problem values.

pass@k (Chen et al. 2021): the chance that at least one of k samples drawn without
replacement from n samples, c of them correct, is correct: 1 - C(n-c, k) / C(n, k),
computed as a running product so that n in the millions neither overflows nor loses
precision.

n@k (AlphaCode §2.2): the chance of solving a problem with n submissions chosen from k
samples. Filtered-random selection has a closed form (`filtered_random_n_at_k`); any other
selector is run by the caller on random k-subsets of a frozen pool (`random_subsets`, shared
by every selector so that comparisons are paired) and scored with `n_at_k_from_subsets`.
Confidence intervals come from a paired bootstrap over problems (`paired_bootstrap`).
Draws sampled without replacement within groups (the sampler's `without_replacement`) are
not independent; `grouped_pass_at_k` and `grouped_subsets` treat the group as the unit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "BootstrapCI",
    "filtered_random_given",
    "filtered_random_n_at_k",
    "grouped_pass_at_k",
    "grouped_subsets",
    "n_at_k_from_subsets",
    "paired_bootstrap",
    "pass_at_k",
    "random_subsets",
    "selection_efficiency",
]


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k from n samples with c correct (0 <= c <= n, 1 <= k <= n)."""
    if not (0 <= c <= n) or not (1 <= k <= n):
        raise ValueError(f"pass@k needs 0 <= c <= n and 1 <= k <= n, got n={n}, c={c}, k={k}")
    if n - c < k:
        return 1.0
    # C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k / i)
    miss = 1.0
    for i in range(n - c + 1, n + 1):
        miss *= 1.0 - k / i
    return 1.0 - miss


def _hypergeom_pmf(total: int, marked: int, draws: int) -> tuple[int, np.ndarray]:
    """(lo, pmf) with pmf[i] = P(J = lo + i), J the marked count in `draws` of `total`.

    Built from the ratio P(j+1)/P(j) walking outwards from the mode, so every step
    multiplies by a factor <= 1: nothing overflows, the far tails underflow harmlessly to 0,
    and normalising by the sum removes the unknown constant. This is more accurate than
    lgamma differences, whose terms reach ~1e6 for pools of 1e5 and lose ~1e-10.
    """
    lo, hi = max(0, draws - (total - marked)), min(draws, marked)
    mode = min(max((draws + 1) * (marked + 1) // (total + 2), lo), hi)
    j_up = np.arange(mode, hi, dtype=np.float64)  # ratio P(j+1)/P(j) for mode <= j < hi
    up = (marked - j_up) * (draws - j_up) / ((j_up + 1) * (total - marked - draws + j_up + 1))
    j_down = np.arange(mode, lo, -1, dtype=np.float64)  # ratio P(j-1)/P(j) for lo < j <= mode
    down = (j_down * (total - marked - draws + j_down)) / (
        (marked - j_down + 1) * (draws - j_down + 1)
    )
    weights = np.concatenate([np.cumprod(down)[::-1], [1.0], np.cumprod(up)])
    return lo, weights / weights.sum()


def filtered_random_n_at_k(total: int, passed: int, correct: int, k: int, n: int) -> float:
    """Exact n@k of AlphaCode's filtered-random selector on one problem (AlphaCode App. A.3).

    A uniformly random k-subset is drawn from `total` samples, of which `passed` pass the
    example tests and `correct` (all among the passed ones) are correct; min(n, j) of the j
    kept samples are submitted uniformly at random. By symmetry the submission is a uniformly
    random min(n, j)-subset of all `passed` samples, so with J ~ Hypergeom(total, passed, k):
        n@k = sum_j P(J = j) * (1 - C(passed - correct, m) / C(passed, m)),  m = min(n, j).
    """
    if not (total >= 1 and 1 <= k <= total and n >= 1):
        raise ValueError(f"need total >= 1, 1 <= k <= total, n >= 1; got {total=}, {k=}, {n=}")
    if not (0 <= passed <= total):
        raise ValueError(f"need 0 <= passed <= total; got {passed=}, {total=}")
    if not (0 <= correct <= passed):
        # Correct samples pass their examples (examples are tests), so correct ⊆ passed.
        raise ValueError(
            f"need 0 <= correct <= passed (correct ⊆ passed); got {correct=}, {passed=}"
        )
    if correct == 0:
        return 0.0
    lo, pmf = _hypergeom_pmf(total, passed, k)
    m = np.minimum(np.arange(lo, lo + len(pmf)), n)
    # miss[m] = C(passed - correct, m) / C(passed, m) = prod_{i<m} (passed-correct-i)/(passed-i);
    # the factor hits 0 once i >= passed - correct, and the cumprod stays 0 from there.
    top = int(m.max())
    i = np.arange(top, dtype=np.float64)
    miss = np.concatenate([[1.0], np.cumprod((passed - correct - i) / (passed - i))])
    return float(np.clip(np.dot(pmf, 1.0 - miss[m]), 0.0, 1.0))


def filtered_random_given(passed: int, correct: int, n: int) -> float:
    """n@k of filtered-random on one given k-subset: `passed` of its draws pass the examples,
    `correct` of those are correct, and min(n, passed) of the passing draws are submitted
    uniformly at random: 1 - C(passed - correct, m) / C(passed, m). Averaged over the
    hypergeometric law of `passed` it is `filtered_random_n_at_k`; on the subsets a cluster
    selector ran on, it is that selector's control variate (evaluate.ablation)."""
    if not (0 <= correct <= passed and n >= 1):
        raise ValueError(f"need 0 <= correct <= passed and n >= 1; got {passed=}, {correct=}, {n=}")
    miss = 1.0
    for i in range(min(n, passed)):
        miss *= (passed - correct - i) / (passed - i)
        if miss == 0.0:
            break
    return 1.0 - miss


def random_subsets(pool_size: int, k: int, count: int, seed: int) -> np.ndarray:
    """`count` uniformly random k-subsets of range(pool_size), shape (count, k), rows sorted.

    Deterministic given `seed`; meant to be built once per (problem, k) and shared by every
    selector so that their n@k estimates are paired (common random numbers). With
    k == pool_size every subset is the whole pool, so a single row is returned. Rows are
    sorted so that a subset has one canonical order and a selector that breaks ties by
    position sees the same order it would see on the full pool.
    """
    if not (pool_size >= 1 and 1 <= k <= pool_size and count >= 1):
        raise ValueError(
            f"need pool_size >= 1, 1 <= k <= pool_size, count >= 1; got {pool_size=}, {k=}, {count=}"
        )
    if k == pool_size:
        return np.arange(pool_size, dtype=np.int64)[None, :]
    rng = np.random.default_rng(seed)
    # One draw per row: a (count, pool_size) random matrix would cost 8 * count * pool_size bytes.
    rows = [np.sort(rng.choice(pool_size, size=k, replace=False)) for _ in range(count)]
    return np.stack(rows).astype(np.int64)


def _budget_shape(
    groups: Sequence[Sequence[object]], k: int
) -> tuple[list[int], int, int, list[tuple[int, int]] | None]:
    """How a budget of k draws is spent: (indices of the full groups, q, r, forced). A
    budget is q whole groups and the first r draws of one more (a group's draws are in the
    order drawn). `forced` is not None when there is one way only, the whole pool or a
    budget reaching into the short groups (cut inside a group): every full group, then the
    short ones' first draws, as (group index, draws taken) pairs."""
    total = sum(len(g) for g in groups)
    if not (total >= 1 and 1 <= k <= total):
        raise ValueError(f"need 1 <= k <= {total} draws, got {k=}")
    size = max(len(g) for g in groups)
    full = [i for i, g in enumerate(groups) if len(g) == size]
    q, r = divmod(k, size)
    if k < total and (q < len(full) or (q == len(full) and r == 0)):
        return full, q, r, None
    forced, left = [], k
    for i in full + [i for i, g in enumerate(groups) if len(g) < size]:
        take = min(left, len(groups[i]))
        forced.append((i, take))
        left -= take
    return full, q, r, forced


def grouped_pass_at_k(groups: Sequence[Sequence[bool]], k: int) -> float:
    """pass@k when the draws come in groups drawn *without replacement* (each group's
    draws distinct, in the order drawn; the groups independent): `groups` holds each
    group's per-draw correctness.

    Within a group the draws are not independent, so `pass_at_k` on the pooled counts would
    be wrong for k below the pool size. What is independent is the group: a budget of k
    draws is q = k // g whole groups (g the full group size) plus the first r = k % g draws
    of one more, the prefix of a draw without replacement being one itself. Unbiased, exact
    over every choice of groups: with G full groups of which F have no correct draw,
        P(miss) = mean_i [first r of group i miss] * C(F - miss_i, q) / C(G - 1, q)
    (i the group giving r draws, the q others among the rest), or C(F, q) / C(G, q) for
    r = 0. Groups of one draw give `pass_at_k` exactly. A short last group (a budget cut
    inside a group) counts only when k needs it: then the budget is every full group plus
    that group's first draws, the one way to spend it.
    """
    full, q, r, forced = _budget_shape(groups, k)
    if forced is not None:
        return float(any(any(groups[i][:take]) for i, take in forced))
    miss = [not any(groups[i]) for i in full]
    G, F = len(full), sum(miss)
    if r == 0:
        return 1.0 - _choose_ratio(F, G, q)
    total_miss = 0.0
    for i, m in zip(full, miss, strict=True):
        if not any(groups[i][:r]):
            total_miss += _choose_ratio(F - m, G - 1, q)
    return 1.0 - total_miss / G


def _choose_ratio(a: int, b: int, q: int) -> float:
    """C(a, q) / C(b, q) for 0 <= a <= b, as a running product (0 when a < q)."""
    ratio = 1.0
    for i in range(q):
        ratio *= (a - i) / (b - i)
        if ratio <= 0.0:
            return 0.0
    return ratio


def grouped_subsets(groups: Sequence[Sequence[int]], k: int, count: int, seed: int) -> np.ndarray:
    """`count` random budgets of k draws from groups drawn without replacement, as draw
    indices, shape (count, k), rows sorted: q random whole groups plus the first r draws of
    one more (`grouped_pass_at_k`'s law). `groups` holds each group's draw indices in the
    order drawn. A single row where there is one way to spend k (the whole pool)."""
    full, q, r, forced = _budget_shape(groups, k)
    if forced is not None:
        row = [d for i, take in forced for d in groups[i][:take]]
        return np.sort(np.asarray(row, dtype=np.int64))[None, :]
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(count):
        chosen = rng.choice(len(full), size=q + (r > 0), replace=False)
        row = [i for j in chosen[:q] for i in groups[full[j]]]
        if r:
            row += list(groups[full[chosen[q]]][:r])
        rows.append(np.sort(np.asarray(row, dtype=np.int64)))
    return np.stack(rows)


def n_at_k_from_subsets(
    picks_per_subset: Sequence[Sequence[int]], correct: Sequence[bool]
) -> float:
    """Fraction of subsets in which at least one picked pool index is correct.

    `picks_per_subset[s]` holds the pool indices the selector submitted for subset s (at most
    n of them; empty when nothing was submitted, which counts as unsolved); `correct[i]` is
    the hidden-test verdict of pool sample i.
    """
    if len(picks_per_subset) == 0:
        raise ValueError("need at least one subset of picks")
    verdicts = np.asarray(correct, dtype=bool)
    solved = 0
    for picks in picks_per_subset:
        idx = np.asarray(picks, dtype=np.int64)
        if idx.size and (idx.min() < 0 or idx.max() >= len(verdicts)):
            raise ValueError(f"pick index out of range(0, {len(verdicts)}): {list(picks)}")
        solved += bool(verdicts[idx].any())
    return solved / len(picks_per_subset)


@dataclass(frozen=True)
class BootstrapCI:
    """Point estimate (plain mean over problems) and percentile confidence interval."""

    mean: float
    low: float
    high: float


def paired_bootstrap(
    values: Mapping[str, Sequence[float]],
    baseline: str | None = None,
    resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, BootstrapCI]:
    """Percentile bootstrap over problems, the same resampled problems for every method.

    `values[name]` holds one number per problem, in the same problem order for every name.
    Sharing the resample indices keeps the per-problem pairing, so with `baseline` given the
    entries f"{name} - {baseline}" are CIs of the paired difference, far narrower than what
    the two separate intervals suggest when the methods agree on most problems.
    """
    if not values:
        raise ValueError("need values for at least one method")
    arrays = {name: np.asarray(v, dtype=np.float64) for name, v in values.items()}
    shapes = {name: a.shape for name, a in arrays.items()}
    if len(set(shapes.values())) != 1 or any(len(s) != 1 or s[0] == 0 for s in shapes.values()):
        raise ValueError(
            f"need one non-empty value per problem, same count per method; got {shapes}"
        )
    if baseline is not None and baseline not in arrays:
        raise ValueError(f"baseline {baseline!r} not among {sorted(arrays)}")
    if resamples < 1 or not (0.0 < level < 1.0):
        raise ValueError(f"need resamples >= 1 and 0 < level < 1; got {resamples=}, {level=}")
    problems = len(next(iter(arrays.values())))
    # (resamples, problems) index matrix: row r is one bootstrap replicate of the problem set.
    idx = np.random.default_rng(seed).integers(0, problems, size=(resamples, problems))
    tail = 100.0 * (1.0 - level) / 2.0

    def ci(per_problem: np.ndarray) -> BootstrapCI:
        low, high = np.percentile(per_problem[idx].mean(axis=1), [tail, 100.0 - tail])
        return BootstrapCI(float(per_problem.mean()), float(low), float(high))

    out = {name: ci(a) for name, a in arrays.items()}
    if baseline is not None:
        for name, a in arrays.items():
            if name != baseline:
                out[f"{name} - {baseline}"] = ci(a - arrays[baseline])
    return out


def selection_efficiency(n_at_k_value: float, pass_at_k_value: float) -> float:
    """n@k / pass@k: the share of the oracle's solves the selector keeps (0 when pass@k is 0).

    Not clipped at 1: when n@k is estimated on sampled subsets it can exceed the exact pass@k
    by sampling noise, and hiding that would hide the noise.
    """
    if not (0.0 <= n_at_k_value <= 1.0 and 0.0 <= pass_at_k_value <= 1.0):
        raise ValueError(f"need rates in [0, 1]; got {n_at_k_value=}, {pass_at_k_value=}")
    return n_at_k_value / pass_at_k_value if pass_at_k_value > 0 else 0.0
