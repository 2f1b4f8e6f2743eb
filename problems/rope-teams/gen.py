#!/usr/bin/env python3
"""Deterministic test generator for rope-teams (stdlib only, fixed seed).

Writes examples/NN.in and tests/NN.in, and the matching .ans files computed by
solutions/main.py. Re-running it reproduces exactly the same files.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOLUTION = HERE / "solutions" / "main.py"
SEED = 20241129
MAXN = 2 * 10**5
MAXS = 10**9


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


def fmt(k: int, s: list[int]) -> str:
    assert 1 <= len(s) <= MAXN and 1 <= k <= 2 * MAXS and all(1 <= x <= MAXS for x in s)
    return f"{len(s)} {k}\n{' '.join(map(str, s))}\n"


EXAMPLES = [
    fmt(10, [2, 8, 5, 5, 9, 1]),
    fmt(100, [30, 60, 10, 90, 45]),
    fmt(1, [5]),
]


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01: one climber, no team is possible
    tests.append(fmt(2, [1]))
    # 02: two climbers, exactly strong enough
    tests.append(fmt(2 * MAXS, [MAXS, MAXS]))
    # 03: two climbers, one unit short
    tests.append(fmt(2 * MAXS, [MAXS, MAXS - 1]))
    # 04: weak and strong climbers: pairing the strong ones together wastes them
    tests.append(fmt(10, [1, 9] * 50))
    # 05: small random cases around k / 2
    tests.append(fmt(100, [rng.randint(20, 80) for _ in range(50)]))
    # 06: k = 1: everyone pairs up
    tests.append(fmt(1, [rng.randint(1, MAXS) for _ in range(1001)]))
    # 07: nobody is strong enough, even together
    tests.append(fmt(2 * MAXS, [rng.randint(1, MAXS - 1) for _ in range(1000)]))
    # 08: maximal n, all equal and too weak (an O(n^2) partner search scans everything)
    tests.append(fmt(3, [1] * MAXN))
    # 09: maximal n, all equal and strong enough
    tests.append(fmt(2, [1] * MAXN))
    # 10: large n, random strengths around k / 2
    tests.append(fmt(10000, [rng.randint(1, 9999) for _ in range(MAXN // 2)]))
    # 11: large n, random large strengths and k
    tests.append(fmt(rng.randint(MAXS // 2, 3 * MAXS // 2), [rng.randint(1, MAXS) for _ in range(20000)]))
    # 12: many weak climbers and a few strong ones
    s = [rng.randint(1, 100) for _ in range(20000)] + [rng.randint(900, 1000) for _ in range(3000)]
    rng.shuffle(s)
    tests.append(fmt(1000, s))
    # 13: strengths that pair exactly to k, shuffled
    half = [rng.randint(1, 10**6 - 1) for _ in range(5000)]
    s = half + [10**6 - x for x in half]
    rng.shuffle(s)
    tests.append(fmt(10**6, s))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
