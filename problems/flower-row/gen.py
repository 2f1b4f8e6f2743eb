#!/usr/bin/env python3
"""Deterministic test generator for flower-row (stdlib only, fixed seed).

Writes examples/NN.in and tests/NN.in, and the matching .ans files computed by
solutions/main.py (one valid arrangement, or -1; checker.py accepts any valid one).
Re-running it reproduces exactly the same files.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOLUTION = HERE / "solutions" / "main.py"
SEED = 20241126
MAXN = 10**5
MAXA = 10**9


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


def fmt(a: list[int]) -> str:
    assert 1 <= len(a) <= MAXN and all(1 <= x <= MAXA for x in a)
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


EXAMPLES = [
    fmt([1, 1, 2, 2, 1]),
    fmt([7, 7, 7]),
    fmt([10, 20, 30, 10]),
]


def with_dominant(rng: random.Random, n: int, count: int, others: list[int], dominant: int) -> list[int]:
    """n pots, `count` of them of colour `dominant`, the rest drawn from `others`, shuffled."""
    a = [dominant] * count + [rng.choice(others) for _ in range(n - count)]
    rng.shuffle(a)
    return a


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01: a single pot
    tests.append(fmt([MAXA]))
    # 02: two pots of the same colour (impossible)
    tests.append(fmt([5, 5]))
    # 03: a frequent colour in the middle of the sorted order (sorting alone fails)
    tests.append(fmt([1, 2, 2]))
    # 04: small, the dominant colour exactly at the limit ceil(n / 2), n odd
    tests.append(fmt(with_dominant(rng, 11, 6, [3, 9], 5)))
    # 05: small, one pot over the limit
    tests.append(fmt(with_dominant(rng, 10, 6, [1, 2, 3], 2)))
    # 06: two colours, equal counts
    a = [4] * 500 + [8] * 500
    rng.shuffle(a)
    tests.append(fmt(a))
    # 07: maximal n, all different colours (a shuffled permutation)
    tests.append(fmt(rng.sample(range(1, MAXN + 1), MAXN)))
    # 08: maximal n, all the same colour (impossible)
    tests.append(fmt([7] * MAXN))
    # 09: maximal n, a middle colour takes exactly half of the pots
    tests.append(fmt(with_dominant(rng, MAXN, MAXN // 2, [1, 2, 3, 7, 8, 9], 5)))
    # 10: maximal n, a colour takes half of the pots plus one (impossible)
    tests.append(fmt(with_dominant(rng, MAXN, MAXN // 2 + 1, [1, 9], 5)))
    # 11: n odd, dominant colour exactly (n + 1) / 2, it is the largest colour
    tests.append(fmt(with_dominant(rng, 19999, 10000, [rng.randint(1, 10**4) for _ in range(50)], 10**5)))
    # 12: many colours with nearly equal frequencies
    tests.append(fmt([rng.randint(1, 30) for _ in range(30000)]))
    # 13: random small cases bundled as one larger one: a few frequent colours
    tests.append(fmt([rng.choice([10**9, 10**9 - 1, 10**9 - 2]) for _ in range(5000)]))
    # 14: three pots, two colours, the dominant one last in sorted order
    tests.append(fmt([9, 1, 9]))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
