#!/usr/bin/env python3
"""Deterministic test generator for two-gifts (stdlib only, fixed seed).

Writes examples/NN.in and tests/NN.in, and the matching .ans files computed by
solutions/main.py (one valid pair, or -1; validator.py accepts any valid pair).
Re-running it reproduces exactly the same files.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOLUTION = HERE / "solutions" / "main.py"
SEED = 20241127
MAXN = 2 * 10**5
MAXP = 10**9


def answer(text: str) -> bytes:
    return subprocess.run(
        [sys.executable, str(SOLUTION)], input=text.encode(), stdout=subprocess.PIPE, check=True
    ).stdout


def write_all(folder: str, cases: list[str]) -> None:
    d = HERE / folder
    d.mkdir(exist_ok=True)
    for old in [*d.glob("*.in"), *d.glob("*.ans")]:
        old.unlink()
    for i, text in enumerate(cases, 1):
        (d / f"{i:02d}.in").write_bytes(text.encode())
        (d / f"{i:02d}.ans").write_bytes(answer(text))


def fmt(x: int, p: list[int]) -> str:
    assert 2 <= len(p) <= MAXN and 2 <= x <= 2 * MAXP and all(1 <= v <= MAXP for v in p)
    return f"{len(p)} {x}\n{' '.join(map(str, p))}\n"


EXAMPLES = [
    fmt(10, [3, 8, 5, 7, 2]),
    fmt(10, [5, 1, 2]),
    fmt(6, [3, 4, 3, 1]),
]


def unique_pair(rng: random.Random, n: int, x: int, hi: int, at: tuple[int, int]) -> list[int]:
    """n prices <= hi where exactly one pair (at the given positions) sums to x (x % 3 == 1)."""
    assert x % 3 == 1
    p = [3 * rng.randint(1, hi // 3) for _ in range(n)]  # multiples of 3 never sum to x
    a = 3 * rng.randint(0, (x - 2) // 3 - 1) + 2  # a % 3 == 2, so the partner is 2 mod 3 too
    a = min(a, hi)
    p[at[0]], p[at[1]] = a, x - a
    return p


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01: the smallest input, a pair exists
    tests.append(fmt(2, [1, 1]))
    # 02: the smallest input, no pair
    tests.append(fmt(3, [1, 1]))
    # 03: the only candidate is one item taken twice (2 * p = x)
    tests.append(fmt(10, [5, 4, 7, 1, 2]))
    # 04: the largest prices and budget
    tests.append(fmt(2 * MAXP, [MAXP - 1, MAXP, 1, MAXP]))
    # 05: x bigger than any two prices
    tests.append(fmt(2 * MAXP, [rng.randint(1, MAXP - 1) for _ in range(1000)]))
    # 06: small random, many pairs
    tests.append(fmt(50, [rng.randint(1, 49) for _ in range(30)]))
    # 07: the unique pair is the first and the last item
    n = 10**4
    tests.append(fmt(1000000000, unique_pair(rng, n, 1000000000, MAXP, (0, n - 1))))
    # 08: no pair, but exactly one item with price x / 2
    p = [rng.choice([499, 700, 800]) for _ in range(5000)]
    p[rng.randrange(5000)] = 500
    tests.append(fmt(1000, p))
    # 09: maximal n, all prices equal, no pair (an O(n^2) search tries every pair)
    tests.append(fmt(3, [1] * MAXN))
    # 10: many items, all prices equal, every pair works
    tests.append(fmt(4, [2] * (MAXN // 4)))
    # 11: maximal n, exactly one pair, in the last two positions
    tests.append(fmt(1000, unique_pair(rng, MAXN, 1000, 999, (MAXN - 2, MAXN - 1))))
    # 12: large n, random large prices, the budget is the sum of two random items
    p = [rng.randint(1, MAXP) for _ in range(20000)]
    i, j = rng.sample(range(20000), 2)
    tests.append(fmt(p[i] + p[j], p))
    # 13: the only pair is two items with the same price p = x / 2 (other prices are 1 mod 4)
    p = [rng.randint(0, 1000) * 4 + 1 for _ in range(3000)]
    p[100] = p[2900] = 1000
    tests.append(fmt(2000, p))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
