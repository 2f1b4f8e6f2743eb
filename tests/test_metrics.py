"""Metrics against brute force on small pools, exact arithmetic on large ones."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

from clustering import (
    BootstrapCI,
    filtered_random_given,
    filtered_random_n_at_k,
    grouped_pass_at_k,
    grouped_subsets,
    n_at_k_from_subsets,
    paired_bootstrap,
    pass_at_k,
    random_subsets,
    selection_efficiency,
)

# --- pass@k ---------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 5, 8])
def test_pass_at_k_matches_enumeration(n: int) -> None:
    for c in range(n + 1):
        pool = [True] * c + [False] * (n - c)
        for k in range(1, n + 1):
            subsets = list(itertools.combinations(range(n), k))
            brute = sum(any(pool[i] for i in s) for s in subsets) / len(subsets)
            assert pass_at_k(n, c, k) == pytest.approx(brute, abs=1e-12)


def test_pass_at_k_large_and_stable() -> None:
    assert pass_at_k(1_000_000, 1, 1) == pytest.approx(1e-6)
    assert pass_at_k(1_000_000, 10, 1000) == pytest.approx(
        1 - math.comb(999_990, 1000) / math.comb(1_000_000, 1000), rel=1e-9
    )
    assert pass_at_k(100, 0, 100) == 0.0 and pass_at_k(100, 1, 100) == 1.0


def test_pass_at_k_rejects_bad_counts() -> None:
    with pytest.raises(ValueError, match="n=3, c=4"):
        pass_at_k(3, 4, 1)
    with pytest.raises(ValueError):
        pass_at_k(3, 1, 0)


# --- filtered random n@k --------------------------------------------------------------------


def brute_filtered_random(total: int, passed: int, correct: int, k: int, n: int) -> Fraction:
    """The selector itself, every k-subset and every submission set: samples 0..correct-1 are
    correct, 0..passed-1 pass the examples."""
    subsets = list(itertools.combinations(range(total), k))
    solved = Fraction(0)
    for subset in subsets:
        kept = [i for i in subset if i < passed]
        m = min(n, len(kept))
        if m == 0:
            continue
        submissions = list(itertools.combinations(kept, m))
        hits = sum(any(i < correct for i in sub) for sub in submissions)
        solved += Fraction(hits, len(submissions))
    return solved / len(subsets)


def exact_filtered_random(total: int, passed: int, correct: int, k: int, n: int) -> Fraction:
    """The closed form in exact integers (checked against brute force below). Every j >= n
    submits n, so those terms share one factor and only j < n needs its own probability."""

    def p_j(j: int) -> Fraction:
        return Fraction(
            math.comb(passed, j) * math.comb(total - passed, k - j), math.comb(total, k)
        )

    def solve(m: int) -> Fraction:  # m > passed only where P(J = j) = 0: any value will do
        m = min(m, passed)
        return 1 - Fraction(math.comb(passed - correct, m), math.comb(passed, m))

    below = [p_j(j) for j in range(min(n, k + 1))]
    return sum(p * solve(j) for j, p in enumerate(below)) + (1 - sum(below)) * solve(n)


@pytest.mark.parametrize("total", [1, 2, 3, 4, 5, 6])
def test_filtered_random_matches_enumeration_all_small_cases(total: int) -> None:
    for passed in range(total + 1):
        for correct in range(passed + 1):
            for k in range(1, total + 1):
                for n in range(1, k + 2):
                    brute = brute_filtered_random(total, passed, correct, k, n)
                    got = filtered_random_n_at_k(total, passed, correct, k, n)
                    assert got == pytest.approx(float(brute), abs=1e-12), (passed, correct, k, n)


@pytest.mark.parametrize(
    ("total", "passed", "correct", "k", "n"),
    [
        (9, 0, 0, 4, 2),  # nothing passes the examples
        (9, 5, 0, 4, 2),  # passes, but nothing correct
        (9, 5, 5, 4, 2),  # every passing sample is correct
        (9, 5, 2, 4, 1),
        (9, 5, 2, 4, 2),
        (9, 6, 1, 5, 10),  # n >= k
        (9, 9, 3, 6, 2),  # everything passes
        (8, 3, 1, 8, 2),  # k == total: no subset randomness
        (8, 7, 2, 3, 3),
    ],
)
def test_filtered_random_matches_enumeration_pools_of_8_and_9(
    total: int, passed: int, correct: int, k: int, n: int
) -> None:
    brute = brute_filtered_random(total, passed, correct, k, n)
    assert exact_filtered_random(total, passed, correct, k, n) == brute
    assert filtered_random_n_at_k(total, passed, correct, k, n) == pytest.approx(
        float(brute), abs=1e-12
    )


def test_filtered_random_literal_value() -> None:
    # 4 samples, 2 pass, 1 correct, k = 2, n = 1: P(J=1) = 4/6 -> 1/2 chance the kept one is
    # the correct one; P(J=2) = 1/6 -> 1/2 chance the single submission is the correct one.
    assert filtered_random_n_at_k(4, 2, 1, 2, 1) == pytest.approx(5 / 12, abs=1e-15)


@pytest.mark.parametrize(("total", "correct", "k"), [(7, 2, 3), (50, 5, 10), (1000, 3, 100)])
def test_filtered_random_with_n_at_least_k_is_pass_at_k(total: int, correct: int, k: int) -> None:
    # Every correct sample in the subset passes the examples and is submitted when n >= k.
    for passed in (correct, total // 2 + correct, total):
        got = filtered_random_n_at_k(total, passed, correct, k, k)
        assert got == pytest.approx(pass_at_k(total, correct, k), abs=1e-12)
    # With everything passing and n < k the submission is a random n-subset of the pool.
    assert filtered_random_n_at_k(total, total, correct, k, 2) == pytest.approx(
        pass_at_k(total, correct, 2), abs=1e-12
    )


@pytest.mark.parametrize(
    ("total", "passed", "correct", "k", "n"),
    [
        (2000, 40, 3, 100, 2),  # E[J] = 2: the hypergeometric matters
        (100_000, 50, 2, 20_000, 10),  # E[J] = 10 = n, a pool of 1e5
        (100_000, 30_000, 300, 10_000, 10),  # J >> n: 1 - C(29700, 10) / C(30000, 10)
    ],
)
def test_filtered_random_large_pools_match_exact_integers(
    total: int, passed: int, correct: int, k: int, n: int
) -> None:
    exact = float(exact_filtered_random(total, passed, correct, k, n))
    assert 0.0 < exact < 1.0
    assert filtered_random_n_at_k(total, passed, correct, k, n) == pytest.approx(exact, rel=1e-12)


def test_filtered_random_more_submissions_never_hurt() -> None:
    values = [filtered_random_n_at_k(100_000, 500, 20, 1000, n) for n in (1, 2, 5, 10, 1000)]
    assert values == sorted(values) and values[0] < values[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((5, 2, 3, 2, 1), "correct ⊆ passed"),
        ((5, 6, 1, 2, 1), "passed"),
        ((5, 2, -1, 2, 1), "correct"),
        ((5, 2, 1, 0, 1), "k"),
        ((5, 2, 1, 6, 1), "k"),
        ((5, 2, 1, 2, 0), "n"),
        ((0, 0, 0, 1, 1), "total"),
    ],
)
def test_filtered_random_rejects_bad_counts(args: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        filtered_random_n_at_k(*args)


# --- random subsets and n@k from subsets ----------------------------------------------------


def test_random_subsets_are_distinct_index_subsets() -> None:
    rows = random_subsets(pool_size=30, k=7, count=500, seed=3)
    assert rows.shape == (500, 7)
    assert rows.min() >= 0 and rows.max() < 30
    assert all(len(set(row.tolist())) == 7 for row in rows)
    assert len({tuple(row) for row in rows}) > 490  # C(30, 7) ~ 2e6, so repeats are rare


def test_random_subsets_deterministic_per_seed() -> None:
    a = random_subsets(30, 7, 50, seed=1)
    assert np.array_equal(a, random_subsets(30, 7, 50, seed=1))
    assert not np.array_equal(a, random_subsets(30, 7, 50, seed=2))


def test_random_subsets_whole_pool_is_one_row() -> None:
    assert random_subsets(5, 5, 100, seed=0).tolist() == [[0, 1, 2, 3, 4]]


def test_random_subsets_uniform_marginals() -> None:
    rows = random_subsets(pool_size=10, k=3, count=20_000, seed=0)
    counts = np.bincount(rows.ravel(), minlength=10)
    # Each index is in 3/10 of the rows: 6000 expected, sd ~ 65.
    assert np.all(np.abs(counts - 6000) < 400), counts


@pytest.mark.parametrize(("args"), [(5, 0, 1, 0), (5, 6, 1, 0), (5, 2, 0, 0), (0, 1, 1, 0)])
def test_random_subsets_rejects_bad_sizes(args: tuple[int, int, int, int]) -> None:
    with pytest.raises(ValueError):
        random_subsets(*args)


def test_n_at_k_from_subsets_literal() -> None:
    correct = [False, False, True, False]
    assert n_at_k_from_subsets([[0], [1, 2], [], [3, 0]], correct) == 0.25
    assert n_at_k_from_subsets([[2]], correct) == 1.0


def test_n_at_k_from_subsets_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="at least one"):
        n_at_k_from_subsets([], [True])
    with pytest.raises(ValueError, match="out of range"):
        n_at_k_from_subsets([[0, 2]], [True, False])
    with pytest.raises(ValueError, match="out of range"):
        n_at_k_from_subsets([[-1]], [True, False])


def test_filtered_random_given_a_subset_averages_to_the_closed_form() -> None:
    # Over every k-subset, the conditional value (the control variate evaluate.ablation uses)
    # averages to filtered_random_n_at_k, and on each subset it is the brute-force selector.
    for total, passed, correct, k, n in [(9, 5, 2, 4, 2), (8, 6, 3, 3, 1), (7, 3, 3, 5, 10)]:
        values = []
        for subset in itertools.combinations(range(total), k):
            j = sum(i < passed for i in subset)
            c = sum(i < correct for i in subset)
            values.append(filtered_random_given(j, c, n))
            if j:
                brute = brute_filtered_random(j, j, c, j, n)  # the subset as the whole pool
                assert values[-1] == pytest.approx(float(brute), abs=1e-12)
        assert sum(values) / len(values) == pytest.approx(
            filtered_random_n_at_k(total, passed, correct, k, n), abs=1e-12
        )
    assert filtered_random_given(0, 0, 3) == 0.0
    with pytest.raises(ValueError, match="correct <= passed"):
        filtered_random_given(2, 3, 1)


def test_random_picks_on_random_subsets_approach_exact_value() -> None:
    total, passed, correct, k, n = 12, 6, 2, 5, 2
    passes = [i < passed for i in range(total)]
    verdicts = [i < correct for i in range(total)]
    rng = np.random.default_rng(7)
    picks = []
    for row in random_subsets(total, k, count=6000, seed=11):
        kept = [int(i) for i in row if passes[i]]
        picks.append(rng.choice(kept, size=min(n, len(kept)), replace=False).tolist())
    exact = float(brute_filtered_random(total, passed, correct, k, n))
    # 6000 subsets: sd <= 0.0065, so 0.03 is more than 4 sd.
    assert n_at_k_from_subsets(picks, verdicts) == pytest.approx(exact, abs=0.03)


# --- paired bootstrap -----------------------------------------------------------------------


def test_bootstrap_constant_values_give_zero_width() -> None:
    ci = paired_bootstrap({"a": [0.25] * 40})["a"]
    assert ci == BootstrapCI(mean=0.25, low=0.25, high=0.25)


def test_bootstrap_paired_difference_of_a_constant_shift_is_exact() -> None:
    base = [0.0, 1.0, 0.5, 0.2, 1.0, 0.0, 0.7, 0.3, 0.0, 0.9]
    values = {"A": [b + 0.1 for b in base], "B": base}
    out = paired_bootstrap(values, baseline="B", resamples=500, seed=4)
    assert set(out) == {"A", "B", "A - B"}
    diff = out["A - B"]
    assert diff.mean == pytest.approx(0.1, abs=1e-12)
    assert diff.low == pytest.approx(0.1, abs=1e-12) and diff.high == pytest.approx(0.1, abs=1e-12)
    # Unpaired, A alone is uncertain: the pairing is what removes it.
    assert out["A"].high - out["A"].low > 0.2
    assert out["A"].mean == pytest.approx(sum(values["A"]) / 10)
    assert out["B"].mean == pytest.approx(sum(base) / 10)


def test_bootstrap_binomial_width() -> None:
    ones = [1.0] * 30 + [0.0] * 70
    ci = paired_bootstrap({"m": ones}, resamples=4000, seed=0)["m"]
    assert ci.mean == pytest.approx(0.30)
    # SE = sqrt(0.3 * 0.7 / 100) ~ 0.046, so the 95% interval is about 0.30 +- 0.09.
    assert 0.07 <= ci.mean - ci.low <= 0.11 and 0.07 <= ci.high - ci.mean <= 0.11
    narrower = paired_bootstrap({"m": ones}, resamples=4000, seed=0, level=0.5)["m"]
    assert ci.low < narrower.low <= 0.30 <= narrower.high < ci.high


def test_bootstrap_deterministic_per_seed() -> None:
    # Irregular values, so that a percentile moves when the resamples do.
    values = {
        "a": [0.13, 0.92, 0.41, 0.05, 0.77, 0.38, 0.61],
        "b": [0.2, 0.9, 0.3, 0.0, 0.8, 0.3, 0.5],
    }
    first = paired_bootstrap(values, baseline="b", seed=5)
    assert first == paired_bootstrap(values, baseline="b", seed=5)
    assert first != paired_bootstrap(values, baseline="b", seed=6)


@pytest.mark.parametrize(
    ("values", "kwargs", "message"),
    [
        ({}, {}, "at least one"),
        ({"a": []}, {}, "non-empty"),
        ({"a": [1.0, 0.0], "b": [1.0]}, {}, "same count"),
        ({"a": [1.0]}, {"baseline": "b"}, "baseline 'b'"),
        ({"a": [1.0]}, {"resamples": 0}, "resamples"),
        ({"a": [1.0]}, {"level": 1.0}, "level"),
    ],
)
def test_bootstrap_rejects_bad_arguments(
    values: dict[str, list[float]], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        paired_bootstrap(values, **kwargs)  # type: ignore[arg-type]


# --- selection efficiency -------------------------------------------------------------------


def test_selection_efficiency() -> None:
    assert selection_efficiency(0.3, 0.6) == 0.5
    assert selection_efficiency(0.0, 0.0) == 0.0
    with pytest.raises(ValueError):
        selection_efficiency(1.2, 0.5)
    with pytest.raises(ValueError):
        selection_efficiency(0.2, -0.1)


# -- groups drawn without replacement -----------------------------------------------------


def brute_grouped_pass(groups: list[list[bool]], k: int) -> float:
    """Every choice of q whole groups plus the first r draws of one more, equally likely."""
    size = max(len(g) for g in groups)
    full = [g for g in groups if len(g) == size]
    q, r = divmod(k, size)
    outcomes = []
    for extra in range(len(full)) if r else [None]:
        others = [j for j in range(len(full)) if j != extra]
        for chosen in itertools.combinations(others, q):
            hit = any(any(full[j]) for j in chosen) or (r > 0 and any(full[extra][:r]))
            outcomes.append(hit)
    return sum(outcomes) / len(outcomes)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 7, 8, 9, 12])
def test_grouped_pass_at_k_is_the_average_over_every_budget(k: int) -> None:
    groups = [
        [False, False, True, False],
        [False, False, False, False],
        [True, False, False, False],
        [False, False, False, False],
        [False, True, False, False],
    ]
    assert grouped_pass_at_k(groups, k) == pytest.approx(brute_grouped_pass(groups, k))


def test_grouped_pass_at_k_with_groups_of_one_is_pass_at_k() -> None:
    draws = [True] * 3 + [False] * 17
    for k in (1, 4, 10, 19, 20):
        assert grouped_pass_at_k([[d] for d in draws], k) == pytest.approx(pass_at_k(20, 3, k))


def test_grouped_pass_at_k_counts_order_within_a_group() -> None:
    """The same correct draw is worth more first in its group than last: budgets below the
    group size take each group's first draws."""
    early = [[True, False], [False, False]]
    late = [[False, True], [False, False]]
    assert grouped_pass_at_k(early, 1) == 0.5 and grouped_pass_at_k(late, 1) == 0.0
    assert grouped_pass_at_k(early, 2) == grouped_pass_at_k(late, 2) == 0.5
    # a short last group (a budget cut inside a group) counts only when k reaches into it
    short = [[False, False], [False, False], [True]]
    assert grouped_pass_at_k(short, 4) == 0.0 and grouped_pass_at_k(short, 5) == 1.0


def test_grouped_subsets_follow_the_same_law() -> None:
    groups = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15], [16, 17]]
    correct = {2, 8}
    correctness = [[i in correct for i in g] for g in groups]
    for k in (1, 3, 6, 9, 18):
        rows = grouped_subsets(groups, k, 4000, seed=k)
        assert rows.shape[1] == k and all(len(set(row)) == k for row in rows)
        share = np.mean([any(i in correct for i in row) for row in rows])
        assert share == pytest.approx(grouped_pass_at_k(correctness, k), abs=0.03)
    # below the group size a budget is one group's first draws
    assert {tuple(row) for row in grouped_subsets(groups, 2, 200, seed=0)} == {
        (0, 1), (4, 5), (8, 9), (12, 13)
    }  # fmt: skip
