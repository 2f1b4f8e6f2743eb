"""Reading one problem's records from a run directory: the per-problem index against a scan.

    python scripts/bench_run_index.py [--problems 60] [--samples 500] [--reads 3] [--repeats 3]

`solve` reads each problem's sample rows while it works on that problem (chunk counts,
candidates, draw weights), `--reads` times per problem, while the file grows. Three ways,
each returning the same rows (checked), on the same synthetic run directory (rows shaped
like real samples: ~330-byte programs, ~480-byte rows), reading every problem in turn as a
resumed run does:
  * the obvious scan: parse every line of samples.jsonl on each read, keep that problem's;
  * a careful scan: on each read, look for the problem id's bytes in each line and parse
    only the lines that have it;
  * RunDir.problem_rows: index the file once (byte offsets by problem, extended as it
    grows), then read and parse only that problem's lines. A fresh RunDir each time, so
    building the index is timed too.
Each way is timed --repeats times, interleaved, and reported as the median. The last line
is `ratio: X` = careful scan time / index time.

`eval` reads each problem's rows once, in turn; the obvious way there (what it did before
the index) groups the whole stage file by problem in memory first. Peak Python memory of
the two ways (tracemalloc) over one pass through every problem: `memory ratio: X` = grouped
/ index.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
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


def careful_scan(path: Path, pid: str) -> list[dict]:
    """One problem's rows by a scan that parses only the lines holding its id."""
    needle = json.dumps(pid).encode()
    rows = []
    with path.open("rb") as f:
        for line in f:
            if needle in line:
                row = json.loads(line)
                if row["problem_id"] == pid:
                    rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=60)
    parser.add_argument("--samples", type=int, default=500, help="sample rows per problem")
    parser.add_argument("--reads", type=int, default=3, help="reads of a problem's rows")
    parser.add_argument("--repeats", type=int, default=3, help="the median of this many")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = RunDir(Path(tmp) / "run")
        pids = build(run, args.problems, args.samples)
        path = run.stage("samples")
        print(
            f"samples.jsonl: {args.problems} problems x {args.samples} rows, "
            f"{path.stat().st_size / 1e6:.1f} MB; each problem read {args.reads} times in turn; "
            f"median of {args.repeats} repeats, ways interleaved; every way returns the same rows"
        )

        def obvious(pid: str) -> list[dict]:
            return [r for r in run.read("samples") if r["problem_id"] == pid]

        def careful(pid: str) -> list[dict]:
            return careful_scan(path, pid)

        ways = {"obvious scan (parse every line)": obvious, "careful scan (parse matches)": careful}
        seconds: dict[str, list[float]] = {name: [] for name in [*ways, "per-problem index"]}
        results = {}
        for _ in range(args.repeats):
            for name, read in ways.items():
                start = time.perf_counter()
                results[name] = [[read(pid) for _ in range(args.reads)][-1] for pid in pids]
                seconds[name].append(time.perf_counter() - start)
            fresh = RunDir(run.path)  # a resumed run: nothing indexed yet
            start = time.perf_counter()
            rows = [
                [fresh.problem_rows("samples", pid) for _ in range(args.reads)][-1] for pid in pids
            ]
            seconds["per-problem index"].append(time.perf_counter() - start)
            results["per-problem index"] = rows
        first = next(iter(results.values()))
        if any(got != first for got in results.values()):
            raise SystemExit("the ways returned different rows")
        median = {name: statistics.median(s) for name, s in seconds.items()}
        for name, value in median.items():
            print(f"{name:<32} {value:8.2f} s")

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
        index = median["per-problem index"]
        print(f"obvious scan / index: {median['obvious scan (parse every line)'] / index:.1f}")
        print("ratio = careful scan time / index time")
        print(f"ratio: {median['careful scan (parse matches)'] / index:.1f}")


if __name__ == "__main__":
    main()
