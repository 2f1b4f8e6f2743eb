#!/usr/bin/env python3
"""Deterministic test generator for drum-beats (stdlib only, fixed seed).

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
SEED = 20241122
MAX = 10**18


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


def fmt(cases: list[tuple[int, int, int, int]]) -> str:
    return f"{len(cases)}\n" + "".join(f"{l} {r} {a} {b}\n" for l, r, a, b in cases)


EXAMPLES = [
    fmt([(1, 10, 2, 3), (5, 5, 5, 5), (1, MAX, 1, MAX)]),
    fmt([(6, 20, 4, 6), (7, 13, 100, 200)]),
]


def log_uniform(rng: random.Random, hi: int) -> int:
    """A value in [1, hi] whose number of digits is roughly uniform."""
    digits = rng.randint(1, len(str(hi)))
    return rng.randint(1, min(hi, 10**digits))


def segment(rng: random.Random, hi: int) -> tuple[int, int]:
    l, r = rng.randint(1, hi), rng.randint(1, hi)
    return min(l, r), max(l, r)


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01: the smallest possible input
    tests.append(fmt([(1, 1, 1, 1)]))
    # 02: many tiny sessions (easy to brute-force)
    tests.append(fmt([(*segment(rng, 60), rng.randint(1, 12), rng.randint(1, 12)) for _ in range(300)]))
    # 03: a == b, the answer is always 0
    tests.append(fmt([(*segment(rng, MAX), v, v) for v in (log_uniform(rng, MAX) for _ in range(50))]))
    # 04: one of a, b is 1 (every beat sounds except multiples of the other)
    cases = []
    for _ in range(60):
        v = log_uniform(rng, MAX)
        cases.append((*segment(rng, MAX), 1, v) if rng.random() < 0.5 else (*segment(rng, MAX), v, 1))
    tests.append(fmt(cases))
    # 05: lcm(a, b) far beyond 10^18 (large coprime numbers): 64-bit lcm overflows
    cases = []
    for _ in range(40):
        a = MAX - rng.randint(0, 1000)
        b = a - 1  # consecutive numbers are coprime
        cases.append((rng.randint(1, 10**6), MAX, a, b))
    for _ in range(40):
        a = rng.randint(10**12, 10**13)
        b = rng.randint(10**12, 10**13)
        cases.append((1, MAX, a, b))
    cases.append((1, MAX, MAX, MAX - 1))
    cases.append((MAX, MAX, MAX, MAX - 1))
    cases.append((MAX - 1, MAX, MAX, MAX - 1))
    tests.append(fmt(cases))
    # 06: single beats, l == r, often on a multiple
    cases = []
    for _ in range(200):
        a, b = rng.randint(1, 10**9), rng.randint(1, 10**9)
        base = rng.choice([a, b, a * b, 1])  # usually a multiple of a, b or both
        x = base * rng.randint(1, MAX // base)
        cases.append((x, x, a, b))
    tests.append(fmt(cases))
    # 07: a divides b (the multiples of b never sound)
    cases = []
    for _ in range(200):
        a = log_uniform(rng, 10**9)
        b = a * log_uniform(rng, MAX // a)
        cases.append((*segment(rng, MAX), a, b) if rng.random() < 0.5 else (*segment(rng, MAX), b, a))
    tests.append(fmt(cases))
    # 08: lcm lands near 10^18
    cases = []
    for a, b in ((2, 5 * 10**17), (4, 5 * 10**17), (10**9, 10**9 + 1), (999999999, 1000000001),
                 (2, MAX), (3, MAX), (MAX // 2, MAX), (10**6, 10**12), (123456789, 987654321)):
        for l, r in ((1, MAX), (MAX - 10, MAX), (1, MAX - 1), (MAX // 2, MAX)):
            cases.append((l, r, a, b))
            cases.append((l, r, b, a))
    tests.append(fmt(cases))
    # 09: maximum t, everything random over the full range
    tests.append(fmt([(*segment(rng, MAX), log_uniform(rng, MAX), log_uniform(rng, MAX)) for _ in range(10**4)]))
    # 10: many sessions, small a and b, huge segments
    tests.append(fmt([(*segment(rng, MAX), rng.randint(1, 1000), rng.randint(1, 1000)) for _ in range(2000)]))
    # 11: many sessions, moderate values
    tests.append(fmt([(*segment(rng, 10**6), rng.randint(1, 2000), rng.randint(1, 2000)) for _ in range(3000)]))
    # 12: a and b share a big common factor
    cases = []
    for _ in range(500):
        g = log_uniform(rng, 10**12)
        a = g * rng.randint(1, 1000)
        b = g * rng.randint(1, 1000)
        cases.append((*segment(rng, MAX), a, b))
    tests.append(fmt(cases))
    # 13: the whole range with the extreme a, b values
    cases = [(1, MAX, a, b) for a in (1, 2, MAX - 1, MAX) for b in (1, 2, MAX - 1, MAX)]
    tests.append(fmt(cases))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
