"""Reading one problem's records from a run directory: the per-problem index against a scan.

    python scripts/bench_run_index.py [--problems 60] [--samples 500] [--reads 3]

`solve` reads each problem's sample rows while it works on that problem (chunk counts,
candidates, draw weights), `--reads` times per problem. The obvious way scans the whole
samples.jsonl each time and keeps that problem's rows; RunDir.problem_rows indexes the file
once (byte offsets by problem, extended as it grows) and reads only that problem's lines.
Both ways run here on the same synthetic run directory (rows shaped like real samples:
~330-byte programs, ~480-byte rows), reading every problem in turn as a
resumed run does, and must return the same rows. The last line is `ratio: X` = scan time /
index time.

`eval` reads each problem's rows once, in turn; the obvious way there (what it did before
the index) groups the whole stage file by problem in memory first. Peak Python memory of
the two ways (tracemalloc) over one pass through every problem: `memory ratio: X` = grouped
/ index.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from alphasolve.rundir import RunDir

PROGRAM = (
    "t = int(input())\nfor _ in range(t):\n    n = int(input())\n"
    "    a = list(map(int, input().split()))\n    a = [x for x in a if x % {d} != 0]\n"
    "    print(sum(a) if a else -1)\n"
)


def build(run: RunDir, problems: int, samples: int) -> list[str]:
    rng = random.Random(0)
    pids = [f"test-{i:04d}-synthetic" for i in range(problems)]
    for pid in pids:
        for chunk in range(0, samples, 64):
            rows = [
                {
                    "problem_id": pid,
                    "candidate_id": f"{rng.getrandbits(64):016x}",
                    "language": "python3",
                    "code": PROGRAM.format(d=rng.randint(2, 99)) + "#" * rng.randint(0, 120),
                    "rating": 100 * rng.randint(8, 35),
                    "tags": ["greedy", "math"],
                    "temperature": 1.0,
                    "seed": rng.getrandbits(63),
                    "log_likelihood": -rng.random() * 20,
                    "num_tokens": rng.randint(60, 140),
                    "chunk": chunk // 64,
                }
                for _ in range(min(64, samples - chunk))
            ]
            run.append("samples", rows)
    return pids


def peak_bytes(read_all) -> int:
    """Peak traced allocation while `read_all` runs (what it holds at its fullest)."""
    tracemalloc.start()
    try:
        read_all()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=60)
    parser.add_argument("--samples", type=int, default=500, help="sample rows per problem")
    parser.add_argument("--reads", type=int, default=3, help="reads of a problem's rows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = RunDir(Path(tmp) / "run")
        pids = build(run, args.problems, args.samples)
        size = run.stage("samples").stat().st_size
        print(f"samples.jsonl: {args.problems} problems x {args.samples} rows, {size / 1e6:.1f} MB")

        start = time.perf_counter()
        scanned = []
        for pid in pids:
            for _ in range(args.reads):
                rows = [r for r in run.read("samples") if r["problem_id"] == pid]
            scanned.append(rows)
        scan = time.perf_counter() - start
        print(f"scan the file per read:  {scan:8.2f} s")

        fresh = RunDir(run.path)  # a resumed run: nothing indexed yet
        start = time.perf_counter()
        indexed = []
        for pid in pids:
            for _ in range(args.reads):
                rows = fresh.problem_rows("samples", pid)
            indexed.append(rows)
        index = time.perf_counter() - start
        print(f"per-problem index:       {index:8.2f} s")
        if scanned != indexed:
            raise SystemExit("the two ways returned different rows")

        def grouped_pass() -> None:
            grouped: dict[str, list[dict]] = {}
            for r in RunDir(run.path).read("samples"):
                grouped.setdefault(r["problem_id"], []).append(r)
            for pid in pids:
                len(grouped[pid])

        def index_pass() -> None:
            fresh = RunDir(run.path)
            for pid in pids:
                len(fresh.problem_rows("samples", pid))

        held, indexed_peak = peak_bytes(grouped_pass), peak_bytes(index_pass)
        print(
            f"peak memory, one pass over every problem: grouped {held / 1e6:.1f} MB, "
            f"index {indexed_peak / 1e6:.1f} MB"
        )
        print(f"memory ratio: {held / indexed_peak:.1f}")
        print(f"ratio: {scan / index:.1f}")


if __name__ == "__main__":
    main()
