"""The judge's output digest (whitespace runs collapsed, then hashed to cluster programs by
behaviour) on large outputs: chunked bytes.split/join against the obvious one-regex
substitution, on the same inputs in the same run; checks both give identical bytes.

    python scripts/bench_digest.py

The last line is `ratio: X` = regex seconds / chunked seconds over all inputs.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from judges.checkers import output_digest_tokens

_RUNS = re.compile(rb"\s+")


def baseline(output: bytes) -> bytes:
    return _RUNS.sub(b" ", output).strip()


def main() -> None:
    rng = random.Random(0)
    inputs = {
        "20M one-byte tokens, 40 MB": b"1\n" * 20_000_000,
        "10M tokens, 3-byte gaps": b"1  \n" * 10_000_000,
        "one 40 MB token": b"x" * 40_000_000,
        "random words, 40 MB": bytes(rng.choice(b"ab \n") for _ in range(2_000_000)) * 20,
        "1M numbers, one line": b" ".join(
            str(rng.randint(0, 10**9)).encode() for _ in range(10**6)
        ),
    }
    print("like for like: the same inputs through both ways in turn, identical bytes checked")
    total_new = total_old = 0.0
    for name, data in inputs.items():
        start = time.perf_counter()
        got = output_digest_tokens(data)
        new = time.perf_counter() - start
        start = time.perf_counter()
        want = baseline(data)
        old = time.perf_counter() - start
        assert got == want, name
        total_new, total_old = total_new + new, total_old + old
        print(
            f"{name:28s} chunked {new:6.2f} s  regex {old:6.2f} s  ({old / new:.1f}x)", flush=True
        )
    print("ratio = regex seconds / chunked seconds, over all inputs")
    print(f"ratio: {total_old / total_new:.2f}")


if __name__ == "__main__":
    main()
