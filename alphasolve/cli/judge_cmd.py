"""`alphasolve judge PROBLEM SOLUTION...`: verdicts with a per-test table; `--doctor` probes
the sandbox and the languages."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from alphasolve.errors import AlphasolveError
from alphasolve.formats import load_problem
from alphasolve.formats.common import LANGUAGE_BY_SUFFIX
from alphasolve.problem import Problem, TestCase
from judges import Judge, JudgeConfig, JudgeReport, Program
from judges.executors import LanguageUnavailable

HELP = "judge solution files on a problem's tests (or probe the sandbox with --doctor)"
TEST_SETS = ("examples", "hidden", "all")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "problem", nargs="?", type=Path, metavar="PROBLEM", help="a problem directory or row file"
    )
    parser.add_argument(
        "solutions", nargs="*", type=Path, metavar="SOLUTION", help="source files (.py, .cpp)"
    )
    parser.add_argument(
        "--language", choices=("python3", "cpp17"), help="default: from the file extension"
    )
    parser.add_argument(
        "--tests", choices=TEST_SETS, default="all", help="which tests to run (default: all)"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        metavar="SECONDS",
        help="override the time limit (no multiplier)",
    )
    parser.add_argument(
        "--all-tests", action="store_true", help="keep going after the first failing test"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per solution")
    parser.add_argument(
        "--doctor", action="store_true", help="print the sandbox probe and language self-tests"
    )


def select_tests(problem: Problem, which: str) -> tuple[TestCase, ...]:
    if which == "examples":
        return problem.examples
    if which == "hidden":
        return problem.hidden_tests
    return problem.examples + problem.hidden_tests


def doctor(judge: Judge) -> int:
    report = judge.isolation()
    print(report.describe())
    for language, reason in judge.self_test().items():
        print(f"language {language:<8} {'ok' if reason is None else 'UNAVAILABLE: ' + reason}")
    return 0


def _language(path: Path, forced: str | None) -> str:
    if forced:
        return forced
    language = LANGUAGE_BY_SUFFIX.get(path.suffix.lower())
    if language is None:
        raise AlphasolveError(
            f"{path}: cannot tell the language from the extension; pass --language"
        )
    return language


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AlphasolveError(f"{path}: cannot read solution: {exc}") from None


def print_report(path: Path, report: JudgeReport, n_tests: int) -> None:
    print(
        f"{path}  [{report.language}]  {report.verdict}  ({len(report.tests)}/{n_tests} tests run)"
    )
    if report.compile_error:
        for line in report.compile_error.strip().splitlines()[:20]:
            print(f"    {line}")
        return
    print(f"    {'test':<24} {'verdict':<7} {'cpu':>8} {'wall':>8} {'memory':>10}  detail")
    for r in report.tests:
        print(
            f"    {r.test:<24} {r.verdict:<7} {r.cpu_time:>7.3f}s {r.wall_time:>7.3f}s "
            f"{r.peak_memory / 1024:>7.1f}MiB  {r.detail[:80]}"
        )


def run(args: argparse.Namespace) -> int:
    with Judge(JudgeConfig()) as judge:
        if args.doctor:
            return doctor(judge)
        if args.problem is None or not args.solutions:
            raise AlphasolveError("judge needs PROBLEM and at least one SOLUTION (or --doctor)")
        problem = load_problem(args.problem)
        tests = select_tests(problem, args.tests)
        programs = [
            (path, Program(_language(path, args.language), _read(path))) for path in args.solutions
        ]
        for path, program in programs:
            try:
                report = judge.judge(problem, program, tests, not args.all_tests, args.time_limit)
            except LanguageUnavailable as exc:
                raise AlphasolveError(str(exc)) from None
            if args.json:
                record = {
                    "solution": str(path),
                    "language": report.language,
                    "verdict": str(report.verdict),
                    "compile_error": report.compile_error,
                    "tests": [asdict(r) | {"verdict": str(r.verdict)} for r in report.tests],
                }
                print(json.dumps(record))
            else:
                print_report(path, report, len(tests))
    return 0
