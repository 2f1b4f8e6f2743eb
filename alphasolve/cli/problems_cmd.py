"""`alphasolve problems check PATH...`: load and validate problems, one line each."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alphasolve.errors import ProblemError
from alphasolve.formats import iter_problems
from alphasolve.problem import Problem

HELP = "work with problem files (check: load, validate and summarise them)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = sub.add_parser("check", help="load every problem under the paths and report errors")
    check.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="problem directories, packages or row files",
    )
    check.add_argument("--json", action="store_true", help="print one JSON object per problem")


def summary(problem: Problem) -> dict[str, object]:
    return {
        "id": problem.id,
        "format": problem.source_format,
        "examples": len(problem.examples),
        "hidden_tests": len(problem.hidden_tests),
        "time_limit": problem.time_limit,
        "memory_limit": problem.memory_limit,
        "checker": problem.checker.describe(),
        "interactor": problem.interactor.describe() if problem.interactor else None,
        "solutions": len(problem.solutions),
        "path": str(problem.source_path),
        "warnings": list(problem.warnings),
    }


def error_record(err: ProblemError) -> dict[str, object]:
    return {
        "error": err.message,
        "path": str(err.path),
        "field": err.field,
        "line": err.line,
        "problem": err.problem,
        "text": str(err),
    }


def run(args: argparse.Namespace) -> int:
    ok = failed = 0
    for item in iter_problems(args.paths):
        if isinstance(item, ProblemError):
            failed += 1
            if args.json:
                print(json.dumps(error_record(item)))
            else:
                print(f"ERROR {item}")
            continue
        ok += 1
        s = summary(item)
        if args.json:
            print(json.dumps(s))
            continue
        print(
            f"ok    {s['id']:<28} {s['format']:<12} examples={s['examples']:<3} hidden={s['hidden_tests']:<4} "
            f"tl={item.time_limit:g}s ml={item.memory_limit}MiB checker={s['checker']}"
            + (f" interactor={s['interactor']}" if s["interactor"] else "")
        )
        for warning in item.warnings:
            print(f"      warning: {warning}")
    if not args.json:
        print(f"{ok} problem(s) loaded, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
