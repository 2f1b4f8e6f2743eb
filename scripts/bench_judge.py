"""Benchmark the judge's hot path against starting a process per run, like for like, in one run.

    python scripts/bench_judge.py [--runs 200] [--repeats 5] [--workers N]

Every way runs the same program (read n, print a sum) on the same --runs inputs and checks
every output. Python:
  * baseline `subprocess.run([python, "-S", "-I", file])`: the program started as a careful
    harness starts it (no site machinery, no user environment: what the judge's zygote skips
    too), and `subprocess.run([python, file])` with this interpreter as written (in a venv
    with an editable install, that runs the site hooks on every start);
  * the judge, a fork-server (fork of a warm zygote per run, limits, isolation, checker);
  * the bare fork-and-exit limit: what a fork-server could reach if a run cost nothing.
C++ (a compiled binary): `subprocess.run([binary])` against the judge running its cached
binary; and compiles of distinct contest-style programs (`#include <bits/stdc++.h>`) with
the judge's precompiled header against without.

Each way runs at equal parallelism, 1 at a time (a sequential loop; `Judge.run` in a loop
on a 1-slot judge) and N at a time (N threads each starting processes; an N-slot judge's
`run_many`). Each is timed --repeats times, all ways interleaved in each repeat (a busy
spell on a shared machine then slows every way alike), and reported as the median runs/s.
Warm-up runs (zygotes started, binary compiled, interpreter in the page cache) are not
timed, on either side. The last line is `ratio: X` = judge python3 at N slots / baseline
`python -S -I` at N workers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from judges import Blob, CheckerSpec, Judge, JudgeConfig, TestCase
from judges.config import Limits
from judges.judge import BatchJob

PY = "n = int(input())\nprint(sum(range(n)))\n"
CPP = '#include <cstdio>\nint main(){long long n,s=0;scanf("%lld",&n);for(long long i=0;i<n;i++)s+=i;printf("%lld\\n",s);}\n'

# Forks `width` loopers, each forking and reaping `runs // width` children that exit at
# once; prints the seconds it took. Run in a fresh interpreter: forking from this one, which
# holds judge threads, would measure (and risk) something else.
FORK_LOOP = """
import os, sys, time
runs, width = int(sys.argv[1]), int(sys.argv[2])
start = time.perf_counter()
loopers = []
for w in range(width):
    pid = os.fork()
    if pid == 0:
        for _ in range(runs // width):
            child = os.fork()
            if child == 0:
                os._exit(0)
            os.waitpid(child, 0)
        os._exit(0)
    loopers.append(pid)
for pid in loopers:
    os.waitpid(pid, 0)
print(time.perf_counter() - start)
"""


def tests(n: int) -> list[TestCase]:
    return [TestCase(f"t{i}", Blob.of(f"{i}\n"), Blob.of(f"{sum(range(i))}\n")) for i in range(n)]


def subprocess_way(argv: list[str], runs: int, width: int) -> Callable[[], float]:
    """Seconds for `runs` runs of `argv`, `width` at a time, each output checked."""

    def one(i: int) -> None:
        out = subprocess.run(argv, input=f"{i}\n".encode(), capture_output=True, check=True)
        if out.stdout.strip() != str(sum(range(i))).encode():
            raise SystemExit(f"{argv}: wrong output on input {i}")

    def timed() -> float:
        with ThreadPoolExecutor(max_workers=width) as pool:
            start = time.perf_counter()
            list(pool.map(one, range(runs)))
            return time.perf_counter() - start

    one(3)  # warm-up
    return timed


def judge_sequential_way(judge: Judge, language: str, code: str, runs: int) -> Callable[[], float]:
    prepared = judge.prepare(language, code)
    cases = tests(runs)
    for t in cases[:20]:  # warm-up: zygote started, code cached
        judge.run(prepared, t, Limits(), CheckerSpec())

    def timed() -> float:
        start = time.perf_counter()
        for t in cases:
            result = judge.run(prepared, t, Limits(), CheckerSpec())
            if result.verdict != "AC":
                raise SystemExit(f"judge {language}: {result}")
        return time.perf_counter() - start

    return timed


def judge_batch_way(judge: Judge, language: str, code: str, runs: int) -> Callable[[], float]:
    width = judge.config.workers
    warm = [BatchJob("w", language, code, t, Limits(), CheckerSpec()) for t in tests(4 * width)]
    list(judge.run_many(warm))
    jobs = [BatchJob("b", language, code, t, Limits(), CheckerSpec()) for t in tests(runs)]

    def timed() -> float:
        start = time.perf_counter()
        results = list(judge.run_many(jobs))
        elapsed = time.perf_counter() - start
        if not all(r.verdict == "AC" for _, r in results):
            raise SystemExit(f"judge {language}: not every run was AC")
        return elapsed

    return timed


def bare_fork_way(runs: int, width: int) -> Callable[[], float]:
    argv = [sys.executable, "-S", "-I", "-c", FORK_LOOP, str(runs), str(width)]
    return lambda: float(subprocess.run(argv, capture_output=True, check=True, text=True).stdout)


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
        return programs / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="runs per way per repeat")
    parser.add_argument("--repeats", type=int, default=5, help="the median of this many")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)), help="N")
    parser.add_argument("--compiles", type=int, default=8, help="C++ programs per compile way")
    args = parser.parse_args()
    runs, n = args.runs, args.workers
    widths = (1, n) if n > 1 else (1,)

    with (
        tempfile.TemporaryDirectory() as d,
        Judge(JudgeConfig(workers=1)) as one,
        Judge(JudgeConfig(workers=n)) as many,
    ):
        print(one.isolation().describe().splitlines()[0])
        main_py = Path(d) / "main.py"
        main_py.write_text(PY)
        binary = one.prepare("cpp17", CPP).binary
        assert binary is not None
        ways: dict[tuple[str, int], Callable[[], float]] = {}
        for w in widths:
            judge = one if w == 1 else many
            judge_way = judge_sequential_way if w == 1 else judge_batch_way
            ways |= {
                ("subprocess.run([python, -S, -I, file])", w): subprocess_way(
                    [sys.executable, "-S", "-I", str(main_py)], runs, w
                ),
                ("subprocess.run([python, file]) as written", w): subprocess_way(
                    [sys.executable, str(main_py)], runs, w
                ),
                ("judge python3", w): judge_way(judge, "python3", PY, runs),
                ("bare fork-and-exit (the limit)", w): bare_fork_way(runs, w),
                ("subprocess.run([binary]) cpp17", w): subprocess_way([str(binary)], runs, w),
                ("judge cpp17 (cached binary)", w): judge_way(judge, "cpp17", CPP, runs),
            }
        seconds: dict[tuple[str, int], list[float]] = {key: [] for key in ways}
        for _ in range(args.repeats):
            for key, timed in ways.items():
                seconds[key].append(timed())
    rate = {key: runs / statistics.median(s) for key, s in seconds.items()}

    print(
        f"like for like: the same program on the same {runs} inputs per way, every output "
        f"checked; median runs/s of {args.repeats} repeats, ways interleaved; python is "
        f"{sys.executable} ({sys.version.split()[0]})"
    )
    header = "".join(f"{f'{w} at a time':>14}" for w in widths)
    print(f"{'runs/s':<44}{header}")
    for name in dict.fromkeys(name for name, _ in ways):
        print(f"{name:<44}" + "".join(f"{rate[name, w]:14.1f}" for w in widths))
    for label, judge_name, base_name in (
        ("judge python3 / python -S -I", "judge python3", "subprocess.run([python, -S, -I, file])"),
        ("judge python3 / python as written", "judge python3", "subprocess.run([python, file]) as written"),
        ("judge cpp17 / subprocess binary", "judge cpp17 (cached binary)", "subprocess.run([binary]) cpp17"),
    ):  # fmt: skip
        ratios = "".join(f"{rate[judge_name, w] / rate[base_name, w]:13.2f}x" for w in widths)
        print(f"{label:<44}{ratios}")
    limit = rate["bare fork-and-exit (the limit)", 1]
    print(
        f"judge python3, 1 at a time: {1000 / rate['judge python3', 1]:.2f} ms/run; "
        f"bare fork-and-exit {1000 / limit:.2f} ms"
    )

    plain = bench_compile(False, args.compiles)
    pch = bench_compile(True, args.compiles)
    print(
        f"cpp17 compile of {args.compiles} distinct <bits/stdc++.h> programs: plain "
        f"{plain:5.2f}/s ({1 / plain:.2f} s), precompiled header {pch:5.2f}/s "
        f"({1 / pch:.2f} s): {pch / plain:.1f}x"
    )
    w = widths[-1]
    print(f"ratio = judge python3 / subprocess.run([python, -S, -I, file]), both {w} at a time")
    print(
        f"ratio: {rate['judge python3', w] / rate['subprocess.run([python, -S, -I, file])', w]:.2f}"
    )


if __name__ == "__main__":
    main()
