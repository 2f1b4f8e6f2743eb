#!/usr/bin/env python3
"""Deterministic test generator for hilltop (stdlib only, fixed seed).

Writes examples/NN.in and tests/NN.in: n on the first line, the heights on the second. The
.ans files are empty: the interactor alone judges. Re-running it reproduces the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
MAXN = 10**5
MAXA = 10**9


def case(heights: list[int]) -> str:
    return f"{len(heights)}\n{' '.join(map(str, heights))}\n"


def write_all(folder: str, cases: list[str]) -> None:
    d = HERE / folder
    d.mkdir(exist_ok=True)
    for i, text in enumerate(cases, 1):
        (d / f"{i:02d}.in").write_text(text)
        (d / f"{i:02d}.ans").write_text("")


def main() -> None:
    rng = random.Random(SEED)
    examples = [case([1, 3, 7, 4, 2]), case([5])]
    tests = [
        case([1]),
        case([2, 1]),
        case([1, 2]),
        case([4, 4, 4, 4]),
        case(list(range(1, MAXN + 1))),  # the top is the last point
        case(list(range(MAXN, 0, -1))),  # the top is the first point
        case([rng.randint(1, MAXA) for _ in range(MAXN)]),
        case([rng.randint(1, 3) for _ in range(MAXN)]),
    ]
    peak = rng.randint(1, MAXN)
    tests.append(case([i if i <= peak else 2 * peak - i + MAXN for i in range(1, MAXN + 1)]))
    zigzag = [1 + (i % 2) * rng.randint(1, MAXA - 1) for i in range(MAXN)]
    tests.append(case(zigzag))
    tests.append(case([rng.randint(1, MAXA) for _ in range(rng.randint(2, 100))]))
    write_all("examples", examples)
    write_all("tests", tests)


if __name__ == "__main__":
    main()
