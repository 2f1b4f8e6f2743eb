"""The judge's public API on real programs: demo problems, custom checkers, batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from alphasolve.formats import iter_problems
from alphasolve.problem import Problem, SolutionKind
from judges import Blob, CheckerKind, CheckerSpec, Convention, Judge, Program, TestCase, Verdict
from judges.config import Limits
from judges.executors import EXECUTORS, installed
from judges.judge import BatchJob

REPO = Path(__file__).resolve().parents[1]


def demo_problems() -> list[Problem]:
    paths = [p for p in sorted((REPO / "problems").iterdir()) if p.is_dir() and p.name != "corpus"]
    return [p for p in iter_problems(paths) if isinstance(p, Problem)]


def _solution_cases() -> list[tuple[str, str]]:
    return [
        (p.id, s.name)
        for p in demo_problems()
        for s in p.solutions
        if s.language in ("python3", "cpp17")
    ]


@pytest.mark.parametrize(("problem_id", "solution"), _solution_cases())
def test_demo_solutions_get_their_verdicts(problem_id: str, solution: str, judge: Judge) -> None:
    problem = next(p for p in demo_problems() if p.id == problem_id)
    sol = next(s for s in problem.solutions if s.name == solution)
    report = judge.judge(
        problem, Program(sol.language, sol.source.text()), problem.examples + problem.hidden_tests
    )
    if sol.kind is SolutionKind.ACCEPTED:
        assert report.verdict is Verdict.AC, [
            (r.test, r.verdict, r.detail) for r in report.tests[-1:]
        ]
    else:
        assert report.verdict is not Verdict.AC
        assert report.verdict is not Verdict.JE
        if sol.kind is SolutionKind.TIME_LIMIT:
            assert report.verdict is Verdict.TLE


class Spec:
    def __init__(self, checker: CheckerSpec, time_limit: float = 1.0) -> None:
        self.checker = checker
        self.time_limit = time_limit
        self.memory_limit = 256


# "Print any two numbers whose sum is n": many right answers, so only a checker can judge.
TESTLIB_PY = """\
import sys
inp, out, ans = (open(p).read().split() for p in sys.argv[1:4])
try:
    a, b = map(int, out)
except ValueError:
    sys.exit(2)
sys.exit(0 if a + b == int(inp[0]) else 1)
"""

TESTLIB_CPP = """\
#include <cstdio>
int main(int argc, char** argv) {
    long long n, a, b;
    FILE* in = fopen(argv[1], "r"); FILE* out = fopen(argv[2], "r");
    if (!in || fscanf(in, "%lld", &n) != 1) return 3;
    if (!out || fscanf(out, "%lld %lld", &a, &b) != 2) return 2;
    return a + b == n ? 0 : 1;
}
"""

KATTIS_PY = """\
import sys
n = int(open(sys.argv[1]).read())
open(sys.argv[3] + 'judgemessage.txt', 'w').write('checked')
try:
    a, b = map(int, sys.stdin.read().split())
except ValueError:
    sys.exit(43)
sys.exit(42 if a + b == n else 43)
"""


@pytest.mark.parametrize(
    ("filename", "source", "convention"),
    [
        ("chk.py", TESTLIB_PY, Convention.TESTLIB),
        ("chk.cpp", TESTLIB_CPP, Convention.TESTLIB),
        ("val.py", KATTIS_PY, Convention.KATTIS),
    ],
)
def test_custom_checkers(
    tmp_path: Path, filename: str, source: str, convention: Convention, judge: Judge
) -> None:
    program = tmp_path / filename
    program.write_text(source)
    spec = Spec(CheckerSpec(CheckerKind.CUSTOM, program=program, convention=convention))
    tests = [
        TestCase("t1", Blob.of("10\n"), Blob.of("5 5\n")),
        TestCase("t2", Blob.of("7\n"), Blob.of("3 4\n")),
    ]
    good = judge.judge(spec, Program("python3", "n=int(input()); print(1, n-1)"), tests)
    assert good.verdict is Verdict.AC, good
    bad = judge.judge(spec, Program("python3", "n=int(input()); print(1, n)"), tests)
    assert bad.verdict is Verdict.WA
    garbage = judge.judge(spec, Program("python3", "print('hello')"), tests)
    assert garbage.verdict is Verdict.WA


def test_broken_checker_is_a_judge_error(tmp_path: Path, judge: Judge) -> None:
    program = tmp_path / "crash.py"
    program.write_text("raise SystemExit(5)\n")
    spec = Spec(CheckerSpec(CheckerKind.CUSTOM, program=program, convention=Convention.KATTIS))
    report = judge.judge(
        spec, Program("python3", "print(1)"), [TestCase("t", Blob.of("1\n"), Blob.of("1\n"))]
    )
    assert report.verdict is Verdict.JE  # the problem's fault, never the candidate's


def test_python_runs_as_real_main(judge: Judge) -> None:
    code = """\
import sys, random
total = 0
def add(x):
    global total
    total += x
data = sys.stdin.buffer.read().split()
for tok in data:
    add(int(tok))
if __name__ == "__main__":
    sys.stdout.buffer.write(f"{total} {random.random()}\\n".encode())
"""
    prepared = judge.prepare("python3", code)
    t = TestCase("t", Blob.of("1 2 3\n"))
    outs = {judge.run(prepared, t, Limits()).output_digest for _ in range(3)}
    assert len(outs) == 3  # random is reseeded in every run


def test_batch_runs_everything_and_digests_behaviour(judge: Judge) -> None:
    inputs = [TestCase(f"in{i}", Blob.of(f"{i} {i + 1}\n")) for i in range(20)]
    programs = {
        "py-sum": ("python3", "a,b=map(int,input().split());print(a+b)"),
        "py-sum-spaces": ("python3", "a,b=map(int,input().split());print('', a+b, ' ')"),
        "cpp-sum": (
            "cpp17",
            "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<std::endl;}",
        ),
        "py-diff": ("python3", "a,b=map(int,input().split());print(a-b)"),
        "py-crash": ("python3", "raise SystemExit(1)"),
    }
    jobs = [
        BatchJob(name, lang, code, t, Limits())
        for name, (lang, code) in programs.items()
        for t in inputs
    ]
    results = list(judge.run_many(iter(jobs)))
    assert len(results) == len(jobs)
    by_program: dict[str, list[str]] = {}
    for job, result in sorted(results, key=lambda jr: (jr[0].key, jr[0].test.name)):
        by_program.setdefault(job.key, []).append(
            result.output_digest if result.verdict is Verdict.AC else str(result.verdict)
        )
    assert by_program["py-sum"] == by_program["cpp-sum"] == by_program["py-sum-spaces"]
    assert by_program["py-sum"] != by_program["py-diff"]
    assert set(by_program["py-crash"]) == {"RTE"}


def test_time_limit_multiplier_and_override(judge: Judge) -> None:
    spec = Spec(CheckerSpec(), time_limit=1.0)
    assert judge.limits_for(spec, "python3").time == 1.0 * judge.config.multiplier("python3")
    assert judge.limits_for(spec, "cpp17").time == 1.0
    assert judge.limits_for(spec, "python3", time_limit=0.25).time == 0.25
    slow = judge.judge(
        spec,
        Program("python3", "while True: pass"),
        [TestCase("t", Blob.of(""), Blob.of(""))],
        time_limit=0.3,
    )
    assert slow.verdict is Verdict.TLE and slow.tests[0].cpu_time < 0.5


def test_compile_error_is_clean(judge: Judge) -> None:
    report = judge.judge(
        Spec(CheckerSpec()),
        Program("cpp17", "int main() { return x; }"),
        [TestCase("t", Blob.of(""), Blob.of(""))],
    )
    assert report.verdict is Verdict.CE
    assert (
        "main.cpp" in report.compile_error
        and "/tmp" not in report.compile_error
        and "alphasolve-judge" not in report.compile_error
    )
    py = judge.judge(
        Spec(CheckerSpec()),
        Program("python3", "def f(:\n"),
        [TestCase("t", Blob.of(""), Blob.of(""))],
    )
    assert py.verdict is Verdict.CE and "SyntaxError" in py.compile_error


def test_isolation_is_reported(judge: Judge) -> None:
    report = judge.isolation()
    assert report.level in {"full", "partial", "minimal"}
    assert "isolation level" in report.describe()
    results = judge.self_test()
    assert list(results) == list(EXECUTORS)
    assert results["python3"] is None and results["cpp17"] is None
    assert all(results[name] is None for name in EXECUTORS if installed(name))
