#!/usr/bin/env python3
"""Deterministic test generator for not-too-sweet (stdlib only, fixed seed).

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
SEED = 20241125
MAXN = 10**5
MAXV = 10**4


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


def fmt(cap: int, v: list[int], c: list[int]) -> str:
    assert 1 <= len(v) == len(c) <= MAXN and 0 <= cap <= 100
    assert all(1 <= x <= MAXV for x in v) and all(0 <= x <= 100 for x in c)
    return f"{len(v)} {cap}\n{' '.join(map(str, v))}\n{' '.join(map(str, c))}\n"


EXAMPLES = [
    fmt(20, [3, 5, 10], [10, 40, 50]),
    fmt(5, [7, 3], [10, 6]),
    fmt(100, [1, 2, 3, 4], [100, 0, 55, 99]),
]


def random_case(rng: random.Random, n: int, cap: int, vmax: int, clo: int = 0, chi: int = 100) -> str:
    v = [rng.randint(1, vmax) for _ in range(n)]
    c = [rng.randint(clo, chi) for _ in range(n)]
    return fmt(cap, v, c)


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01-02: a single jug, allowed / too sweet
    tests.append(fmt(50, [1], [50]))
    tests.append(fmt(0, [10000], [1]))
    # 03: C = 0: only sugar-free juice may be used
    tests.append(random_case(rng, 1000, 0, MAXV, 0, 3))
    # 04: C = 100: everything may be poured
    tests.append(random_case(rng, 1000, 100, MAXV))
    # 05: every jug has exactly the allowed content
    tests.append(fmt(37, [rng.randint(1, MAXV) for _ in range(500)], [37] * 500))
    # 06: every jug is too sweet
    tests.append(random_case(rng, 2000, 60, MAXV, 61, 100))
    # 07: small random cases mixed around C
    tests.append(random_case(rng, 10, 50, 20, 40, 60))
    # 08: one very sour jug paying for a little of many sweet ones
    v = [MAXV] + [rng.randint(1, 100) for _ in range(999)]
    c = [0] + [rng.randint(51, 100) for _ in range(999)]
    tests.append(fmt(50, v, c))
    # 09: maximal n, contents near C (the partial jug matters)
    tests.append(random_case(rng, MAXN, 42, MAXV, 30, 55))
    # 10: large n, uniformly random
    tests.append(random_case(rng, 30000, rng.randint(1, 99), MAXV))
    # 11: large n, contents 98 and 100 around C = 99, volumes random
    tests.append(fmt(99, [rng.randint(1, MAXV) for _ in range(30000)],
                     [rng.choice([98, 100, 100]) for _ in range(30000)]))
    # 12: large n, almost everything allowed
    tests.append(random_case(rng, 30000, 99, MAXV, 50, 100))
    # 13: budget exactly enough for all sweet jugs (answer equals the total volume)
    v = [2, 2, 3, 1]
    c = [0, 10, 30, 40]  # C = 20: budget 2*20 + 2*10 = 60, cost 3*10 + 1*20 = 50
    tests.append(fmt(20, v * 250, c * 250))
    # 14: thousands of tiny jugs with many equal costs
    tests.append(random_case(rng, 5000, 10, 3, 5, 15))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
