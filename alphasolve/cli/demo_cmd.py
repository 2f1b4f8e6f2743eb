"""`alphasolve demo`: load the demo problems and judge their reference solutions.

A first run on a fresh machine: shows the loaders, the sandbox in force and the judge's
verdicts for accepted and deliberately wrong solutions, in well under a minute.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from alphasolve.errors import AlphasolveError, ProblemError
from alphasolve.formats import iter_problems
from judges import Judge, Program, Verdict

HELP = "check the demo problems and judge their reference solutions"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("problems")], metavar="PATH",
                        help="problem directories (default: ./problems, without the corpus)")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    problems = []
    for item in iter_problems(args.paths):
        if isinstance(item, ProblemError):
            print(f"ERROR {item}")
            continue
        if "corpus" in item.source_path.parts and args.paths == [Path("problems")]:
            continue
        problems.append(item)
    if not problems:
        raise AlphasolveError(f"no problems found under {', '.join(map(str, args.paths))}")
    mismatches = 0
    with Judge() as judge:
        print(judge.isolation().describe())
        print()
        for problem in problems:
            tests = problem.examples + problem.hidden_tests
            print(
                f"{problem.id}: {len(problem.examples)} examples, {len(problem.hidden_tests)} hidden tests, checker {problem.checker.describe()}"
                + (f", interactor {problem.interactor.describe()}" if problem.interactor else "")
            )
            for sol in problem.solutions:
                if sol.language not in ("python3", "cpp17"):
                    continue
                start = time.perf_counter()
                report = judge.judge(problem, Program(sol.language, sol.source.text()), tests)
                as_expected = sol.kind.expects(report.verdict)
                mismatches += not as_expected
                worst = max((r.cpu_time for r in report.tests), default=0.0)
                print(
                    f"    {sol.name:<28} {sol.language:<8} expected {sol.kind.value:<20} got {report.verdict:<4}"
                    f" max cpu {worst:.3f}s  ({time.perf_counter() - start:.2f}s)"
                    f"{'' if as_expected else '   <-- UNEXPECTED'}"
                )
                if report.verdict is Verdict.JE:
                    print(f"        judge error: {report.tests[-1].detail if report.tests else ''}")
    print(
        f"\n{len(problems)} problem(s); {mismatches} solution(s) judged differently from their label"
    )
    return 1 if mismatches else 0
