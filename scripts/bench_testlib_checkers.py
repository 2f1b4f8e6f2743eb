"""testlib's std:: checkers as built-ins (judges/checkers/testlib_std.py) against the judge's
own token and float checkers, on the same outputs in the same run: 1,000,000 accepted tokens
each (int64s one per line against a space-separated answer; doubles printed with 9 decimals
against 6).

    python scripts/bench_testlib_checkers.py

Each line: checker, what it compares, seconds (best of 3). Then `rcmp6 / floats`, and last
`ratio: X` = ncmp / tokens (below 1: the testlib built-in is faster).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from judges.checkers import CheckerKind, CheckerSpec, builtin_check

N = 1_000_000


def best_of(spec: CheckerSpec, output: bytes, answer: bytes, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = builtin_check(spec, output, answer)
        times.append(time.perf_counter() - start)
        assert result.ok, result.message
    return min(times)


def main() -> None:
    rng = random.Random(0)
    ints = " ".join(str(rng.randint(-(10**18), 10**18)) for _ in range(N)).encode() + b"\n"
    ints_out = ints.replace(b" ", b"\n")
    doubles = " ".join(f"{rng.random() * 1000:.6f}" for _ in range(N)).encode() + b"\n"
    doubles_out = " ".join(f"{float(x):.9f}" for x in doubles.split()).encode()
    rows = [
        ("tokens", CheckerSpec(), "int64s", ints_out, ints),
        ("ncmp", CheckerSpec(CheckerKind.NCMP), "int64s", ints_out, ints),
        ("wcmp", CheckerSpec(CheckerKind.WCMP), "int64s", ints_out, ints),
        ("floats", CheckerSpec(CheckerKind.FLOATS, abs_tol=1e-6, rel_tol=1e-6), "doubles", doubles_out, doubles),
        ("rcmp6", CheckerSpec(CheckerKind.RCMP, abs_tol=1e-6), "doubles", doubles_out, doubles),
        ("rcmp6", CheckerSpec(CheckerKind.RCMP, abs_tol=1e-6), "doubles, output = answer", doubles, doubles),
    ]  # fmt: skip
    print(
        "like for like: the same outputs and answers through each checker, best of 3, "
        "every verdict checked accepted"
    )
    seconds = {}
    for name, spec, what, output, answer in rows:
        t = best_of(spec, output, answer)
        seconds.setdefault(name, t)
        print(f"{name:7s} {N:,} {what:26s} {t:.3f} s")
    print(f"rcmp6 / floats: {seconds['rcmp6'] / seconds['floats']:.2f}")
    print("ratio = ncmp seconds / tokens seconds (above 1: the built-in is slower)")
    print(f"ratio: {seconds['ncmp'] / seconds['tokens']:.2f}")


if __name__ == "__main__":
    main()
