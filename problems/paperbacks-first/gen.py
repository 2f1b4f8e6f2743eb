#!/usr/bin/env python3
"""Deterministic test generator for paperbacks-first (stdlib only, fixed seed).

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
SEED = 20241124
MAXN = 2 * 10**5


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


def fmt(shelves: list[str]) -> str:
    assert 1 <= len(shelves) <= 10**4 and sum(map(len, shelves)) <= MAXN
    assert all(s and set(s) <= {"0", "1"} for s in shelves)
    return f"{len(shelves)}\n" + "".join(s + "\n" for s in shelves)


EXAMPLES = [
    fmt(["0011", "1100", "101010", "1"]),
    fmt(["0110100", "000"]),
]


def rand_bits(rng: random.Random, n: int, p_one: float = 0.5) -> str:
    return "".join("1" if rng.random() < p_one else "0" for _ in range(n))


def blocks(rng: random.Random, n: int, max_block: int) -> str:
    """Alternating runs of zeros and ones with random lengths (long runs matter here)."""
    parts, c = [], rng.choice("01")
    while sum(map(len, parts)) < n:
        parts.append(c * rng.randint(1, max_block))
        c = "1" if c == "0" else "0"
    return "".join(parts)[:n]


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01: the two shelves with a single book
    tests.append(fmt(["0", "1"]))
    # 02: every shelf of length 1..10 (2046 shelves)
    tests.append(fmt([format(m, f"0{n}b") for n in range(1, 11) for m in range(2**n)]))
    # 03: shelves of one kind only, and already sorted shelves
    tests.append(fmt(["0" * 500, "1" * 500] + ["0" * rng.randint(1, 300) + "1" * rng.randint(1, 300) for _ in range(100)]))
    # 04: many short random shelves, t = 10^4
    tests.append(fmt([rand_bits(rng, rng.randint(1, 20), rng.random()) for _ in range(10**4)]))
    # 05: block structure where neither "remove all 0" nor "remove all 1" is optimal
    tests.append(fmt([blocks(rng, rng.randint(50, 2000), 200) for _ in range(60)]))
    # 06: reverse sorted shelf of maximal length: 1...10...0
    tests.append(fmt(["1" * (MAXN // 2) + "0" * (MAXN // 2)]))
    # 07: alternating shelf of maximal length
    tests.append(fmt(["10" * (MAXN // 2)]))
    # 08: maximal random shelf
    tests.append(fmt([rand_bits(rng, MAXN)]))
    # 09: maximal shelf: sorted with a little noise
    s = list("0" * (MAXN // 2) + "1" * (MAXN // 2))
    for _ in range(3000):
        i = rng.randrange(MAXN)
        s[i] = "1" if s[i] == "0" else "0"
    tests.append(fmt(["".join(s)]))
    # 10: a long shelf made of long blocks
    tests.append(fmt([blocks(rng, MAXN // 2, 5000)]))
    # 11: a maximal shelf of paperbacks only, and of hardcovers only
    tests.append(fmt(["0" * (MAXN // 2), "1" * (MAXN // 2)]))
    # 12: mostly hardcovers, paperbacks rare
    tests.append(fmt([rand_bits(rng, MAXN // 2, 0.97)]))
    # 13: medium shelves with a biased mix
    tests.append(fmt([rand_bits(rng, 2000, rng.choice([0.2, 0.5, 0.8])) for _ in range(50)]))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
