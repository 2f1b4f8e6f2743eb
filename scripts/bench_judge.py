"""Benchmark the judge's hot path against the obvious baselines, in one run.

    python scripts/bench_judge.py [--runs N] [--workers N]

Measures, for a trivial Python program (read n, print a sum):
  * subprocess.run([python, file]) per test            - the baseline
  * a bare fork-and-exit loop of the same interpreter   - the floor a fork-server can reach
  * the judge, one slot, sequential runs (full checks)  - per-run latency
  * the judge's batch API with 1..N workers              - throughput
the cached execution of a compiled C++ program, and compiles of distinct contest-style
C++ programs (`#include <bits/stdc++.h>`) with the precompiled header against without. The
last line is
`ratio: X` = judge Python runs/s (N workers) / subprocess runs/s (sequential).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from judges import Blob, CheckerSpec, Judge, JudgeConfig, TestCase
from judges.config import Limits
from judges.judge import BatchJob

PY = "n = int(input())\nprint(sum(range(n)))\n"
CPP = '#include <cstdio>\nint main(){long long n,s=0;scanf("%lld",&n);for(long long i=0;i<n;i++)s+=i;printf("%lld\\n",s);}\n'


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def bench_subprocess(runs: int) -> float:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "main.py"
        path.write_text(PY)
        start = time.perf_counter()
        for i in range(runs):
            out = subprocess.run(
                [sys.executable, str(path)],
                input=f"{i}\n".encode(),
                capture_output=True,
                check=True,
            )
            assert out.stdout.strip() == str(sum(range(i))).encode()
        return rate(runs, time.perf_counter() - start)


def bench_bare_fork(runs: int) -> float:
    start = time.perf_counter()
    for _ in range(runs):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
    return rate(runs, time.perf_counter() - start)


def tests(n: int) -> list[TestCase]:
    return [TestCase(f"t{i}", Blob.of(f"{i}\n"), Blob.of(f"{sum(range(i))}\n")) for i in range(n)]


def bench_judge_sequential(judge: Judge, language: str, code: str, runs: int) -> float:
    prepared = judge.prepare(language, code)
    cases = tests(runs)
    for t in cases[:20]:  # warm-up: zygotes started, code cached
        judge.run(prepared, t, Limits(), CheckerSpec())
    start = time.perf_counter()
    for t in cases:
        result = judge.run(prepared, t, Limits(), CheckerSpec())
        assert result.verdict == "AC", result
    return rate(runs, time.perf_counter() - start)


CONTEST_CPP = """#include <bits/stdc++.h>
using namespace std;
int main() {{
    int n; cin >> n;
    vector<long long> a(n);
    for (auto& x : a) cin >> x;
    sort(a.begin(), a.end());
    cout << accumulate(a.begin(), a.end(), {k}LL) << "\\n";
}}
"""


def bench_compile(pch: bool, programs: int) -> float:
    """Programs compiled per second, each distinct (no binary cache hit)."""
    with Judge(JudgeConfig(workers=1, cpp_pch=pch)) as judge:
        judge.prepare("cpp17", CONTEST_CPP.format(k=-1))  # warm-up (builds the header once)
        start = time.perf_counter()
        for k in range(programs):
            prepared = judge.prepare("cpp17", CONTEST_CPP.format(k=k + pch * 10**6))
            assert prepared.binary is not None, prepared.compile_error
        return rate(programs, time.perf_counter() - start)


def bench_judge_batch(workers: int, language: str, code: str, runs: int) -> float:
    with Judge(JudgeConfig(workers=workers)) as judge:
        warm = [
            BatchJob("w", language, code, t, Limits(), CheckerSpec()) for t in tests(4 * workers)
        ]
        list(judge.run_many(warm))
        jobs = [BatchJob("b", language, code, t, Limits(), CheckerSpec()) for t in tests(runs)]
        start = time.perf_counter()
        results = list(judge.run_many(jobs))
        elapsed = time.perf_counter() - start
        assert all(r.verdict == "AC" for _, r in results)
        return rate(runs, elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--compiles", type=int, default=8, help="C++ programs per compile way")
    args = parser.parse_args()
    baseline_runs = max(50, args.runs // 10)

    sub = bench_subprocess(baseline_runs)
    print(f"subprocess.run([python, file])       {sub:9.1f} runs/s   ({baseline_runs} runs)")
    bare = bench_bare_fork(args.runs)
    print(f"bare fork-and-exit loop              {bare:9.1f} runs/s")
    with Judge(JudgeConfig(workers=1)) as judge:
        print(judge.isolation().describe().splitlines()[0])
        seq = bench_judge_sequential(judge, "python3", PY, args.runs)
        print(
            f"judge python3, 1 slot, sequential    {seq:9.1f} runs/s   ({1000 / seq:.2f} ms/run; bare fork is {1000 / bare:.2f} ms)"
        )
        cpp_seq = bench_judge_sequential(judge, "cpp17", CPP, args.runs)
        print(
            f"judge cpp17 (cached binary), 1 slot  {cpp_seq:9.1f} runs/s   ({1000 / cpp_seq:.2f} ms/run)"
        )
    plain = bench_compile(False, args.compiles)
    pch = bench_compile(True, args.compiles)
    print(
        f"cpp17 compile <bits/stdc++.h> program: plain {plain:5.2f}/s ({1 / plain:.2f} s), "
        f"precompiled header {pch:5.2f}/s ({1 / pch:.2f} s): {pch / plain:.1f}x"
    )
    best = seq
    for workers in range(1, args.workers + 1):
        py = bench_judge_batch(workers, "python3", PY, args.runs)
        cpp = bench_judge_batch(workers, "cpp17", CPP, args.runs)
        best = max(best, py)
        print(
            f"judge batch, {workers} worker(s)             python3 {py:9.1f} runs/s   cpp17 {cpp:9.1f} runs/s"
        )
    print(f"fork-server overhead: sequential judge run = {bare / seq:.2f}x a bare fork-and-exit")
    print(f"ratio: {best / sub:.2f}")


if __name__ == "__main__":
    main()
