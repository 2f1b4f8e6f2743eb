#!/usr/bin/env python3
"""Deterministic test generator for rover-return (stdlib only, fixed seed).

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
SEED = 20241123
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


def fmt(logs: list[str]) -> str:
    assert 1 <= len(logs) <= 10**4 and sum(map(len, logs)) <= MAXN
    return f"{len(logs)}\n" + "".join(f"{len(s)}\n{s}\n" for s in logs)


EXAMPLES = [
    fmt(["LR??", "U??", "RRRR??", "??"]),
    fmt(["U?R?L?D?", "?????"]),
]


def random_log(rng: random.Random, n: int, p_unknown: float) -> str:
    return "".join("?" if rng.random() < p_unknown else rng.choice("LRUD") for _ in range(n))


def borderline_log(rng: random.Random, n: int, slack: int) -> str:
    """A shuffled log whose displacement |dx| + |dy| equals (number of '?') - slack."""
    # choose the displacement d and the number of '?' q with q - d = slack, d + q <= n,
    # and fill the remaining n - d - q positions with cancelling pairs (plus one spare
    # move when n - d - q is odd, which makes the parity argument matter).
    lo, hi = max(0, -slack), (n - slack) // 2
    if lo > hi:
        return random_log(rng, n, 0.5)
    d = rng.randint(lo, hi)
    q = d + slack
    dxs = rng.randint(0, d)
    sx = rng.choice("LR")
    sy = rng.choice("UD")
    moves = [sx] * dxs + [sy] * (d - dxs) + ["?"] * q
    rest = n - len(moves)
    while rest >= 2:
        moves += rng.choice([["L", "R"], ["U", "D"]])
        rest -= 2
    if rest == 1:
        moves.append(rng.choice("LRUD"))
    rng.shuffle(moves)
    return "".join(moves)


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01: every single-command log (n = 1, always NO)
    tests.append(fmt(list("LRUD?")))
    # 02: all logs of length 2
    tests.append(fmt([a + b for a in "LRUD?" for b in "LRUD?"]))
    # 03: only unknown commands, lengths 1..400 (YES exactly for even lengths)
    tests.append(fmt(["?" * n for n in range(1, 401)]))
    # 04: no unknown commands at all
    logs = []
    for _ in range(200):
        n = rng.randint(1, 50)
        logs.append(borderline_log(rng, n, 0).replace("?", rng.choice("LRUD")) if rng.random() < 0.3
                    else random_log(rng, n, 0.0))
        if rng.random() < 0.5:
            half = "".join(rng.choice("LU") for _ in range(rng.randint(1, 25)))
            logs[-1] = half + half.replace("L", "R").replace("U", "D")[::-1]
    tests.append(fmt(logs))
    # 05: parity traps: displacement fits into the unknown budget, but n is odd
    logs = []
    for _ in range(300):
        n = rng.randint(1, 300) * 2 + 1
        logs.append(borderline_log(rng, n, rng.randint(0, 3)))
    tests.append(fmt(logs))
    # 06: many short random logs (t = 10^4)
    logs = []
    for _ in range(10**4):
        logs.append(random_log(rng, rng.randint(1, 20), rng.choice([0.1, 0.3, 0.5, 0.8])))
    tests.append(fmt(logs))
    # 07: many borderline logs, slack in [-2, 2]
    logs = []
    total = 0
    while total < MAXN - 400 and len(logs) < 10**4:
        n = rng.randint(1, 200)
        logs.append(borderline_log(rng, n, rng.randint(-2, 2)))
        total += n
    tests.append(fmt(logs))
    # 08: one maximal log, displacement exactly equal to the number of '?' (YES)
    tests.append(fmt([borderline_log(rng, MAXN, 0)]))
    # 09: one maximal log, one '?' short (NO)
    tests.append(fmt([borderline_log(rng, MAXN, -2)]))
    # 10: one log of odd length 99999 with plenty of '?' (NO)
    tests.append(fmt([random_log(rng, MAXN // 2 - 1, 0.9)]))
    # 11: a long log, uniformly random commands
    tests.append(fmt([random_log(rng, MAXN // 2, 0.2)]))
    # 12: maximal log without unknown commands that returns home
    half = "".join(rng.choice("LU") for _ in range(MAXN // 2))
    tests.append(fmt([half + half.replace("L", "R").replace("U", "D")]))
    # 13: two big logs: all '?' of even length, and a long walk away
    tests.append(fmt(["?" * (MAXN // 2), "R" * (MAXN // 4) + "?" * (MAXN // 4 - 2)]))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
