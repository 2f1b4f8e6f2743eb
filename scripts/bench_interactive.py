"""Interactive runs against batch runs of the same kind of program, on one judge in one run.

    python scripts/bench_interactive.py [--runs 200] [--workers 2]

Rows: a batch echo (read a number, print it: one slot per run); the same exchange as an
interactive run (the interactor sends the number, the program echoes it back, the interactor
checks it: two slots per run, both directions through the judge's relay); and ten such round
trips. Each row is warmed up first, then timed through `Judge.run_many`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from judges import Blob, CheckerKind, CheckerSpec, Convention, Judge, JudgeConfig, TestCase
from judges.config import Limits
from judges.judge import BatchJob

ECHO = "print(int(input()))\n"
ECHO_MANY = "for _ in range(10):\n    print(int(input()), flush=True)\n"
INTERACTOR = """\
import sys
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 1
for k in range(rounds):
    print(k + 1000, flush=True)
    if sys.stdin.readline().strip() != str(k + 1000):
        sys.exit(43)
sys.exit(42)
"""


def rate(
    judge: Judge, code: str, test: TestCase, interactor: CheckerSpec | None, runs: int
) -> float:
    def jobs(n: int) -> list[BatchJob]:
        return [BatchJob("b", "python3", code, test, Limits(), CheckerSpec(), interactor)] * n

    list(judge.run_many(jobs(8)))  # warm: zygotes started, programs prepared
    start = time.monotonic()
    results = [r for _, r in judge.run_many(jobs(runs))]
    elapsed = time.monotonic() - start
    bad = [str(r.verdict) for r in results if r.verdict != "AC"]
    if bad:
        raise SystemExit(f"unexpected verdicts: {sorted(set(bad))}")
    return runs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        program = Path(tmp) / "interactor.py"
        program.write_text(INTERACTOR)
        one = CheckerSpec(CheckerKind.CUSTOM, program=program, convention=Convention.KATTIS)
        ten = CheckerSpec(
            CheckerKind.CUSTOM, program=program, convention=Convention.KATTIS, args=("10",)
        )
        batch_test = TestCase("t", Blob.of(b"1000\n"), Blob.of(b"1000\n"))
        pair_test = TestCase("t", Blob.of(b"\n"), Blob.of(b""))
        with Judge(JudgeConfig(workers=args.workers)) as judge:
            batch = rate(judge, ECHO, batch_test, None, args.runs)
            pair = rate(judge, ECHO, pair_test, one, args.runs)
            pair10 = rate(judge, ECHO_MANY, pair_test, ten, args.runs)
    print(
        f"like for like: the same Python echo on one judge with {args.workers} slots, "
        f"{args.runs} timed runs per row after a warm-up, every verdict checked AC; an "
        "interactive run holds two slots (program and interactor)"
    )
    print(f"  batch echo                          {batch:8.1f} runs/s")
    print(f"  interactive echo, 1 round trip      {pair:8.1f} runs/s  ({batch / pair:.1f}x slower)")
    print(
        f"  interactive echo, 10 round trips    {pair10:8.1f} runs/s  ({batch / pair10:.1f}x slower)"
    )
    print("ratio = interactive runs/s (1 round trip) / batch runs/s")
    print(f"ratio: {pair / batch:.2f}")


if __name__ == "__main__":
    main()
