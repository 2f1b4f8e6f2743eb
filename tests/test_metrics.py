"""pass@k against brute force on small pools."""

from __future__ import annotations

import itertools
import math

import pytest

from clustering import pass_at_k


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
