"""The CLI as a user runs it: real processes, real files, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from judges.executors import EXECUTORS, installed
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures"


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alphasolve.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


def test_problems_check_lists_every_demo_problem() -> None:
    demo = [p for p in sorted((REPO / "problems").iterdir()) if (p / "problem.yaml").is_file()]
    out = cli("problems", "check", *map(str, demo))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = [line for line in out.stdout.splitlines() if line.startswith("ok")]
    assert len(lines) == len(demo) >= 6
    assert "Traceback" not in out.stderr


def test_problems_check_json_and_formats() -> None:
    paths = [FIXTURES / "kattis" / "legacy-hello", FIXTURES / "codecontests" / "rows.jsonl"]
    out = cli("problems", "check", "--json", *map(str, paths))
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert {r["format"] for r in records} == {"kattis", "codecontests"}
    assert all(
        {"id", "examples", "hidden_tests", "time_limit", "memory_limit", "checker"} <= r.keys()
        for r in records
    )


def test_broken_problem_exit_1_with_file_and_field() -> None:
    broken = FIXTURES / "kattis" / "broken" / "negative-time-limit"
    out = cli("problems", "check", str(broken), str(REPO / "problems" / "two-gifts"))
    assert out.returncode == 1
    error = next(line for line in out.stdout.splitlines() if line.startswith("ERROR"))
    assert "negative-time-limit" in error and "time" in error
    assert any(
        line.startswith("ok") for line in out.stdout.splitlines()
    )  # the good one still loads
    assert "Traceback" not in out.stdout + out.stderr


def test_bad_arguments_exit_2() -> None:
    assert cli("problems").returncode == 2
    assert cli("problems", "check").returncode == 2
    missing = cli("judge", str(REPO / "problems" / "two-gifts"))
    assert (
        missing.returncode == 2
        and "SOLUTION" in missing.stderr
        and "Traceback" not in missing.stderr
    )
    unknown = cli("judge", str(REPO / "problems" / "two-gifts"), "solution.rb")
    assert unknown.returncode == 2 and "language" in unknown.stderr


def test_judge_table_and_json() -> None:
    problem = REPO / "problems" / "two-gifts"
    good, bad = (
        problem / "solutions" / "main.py",
        next((problem / "solutions" / "wrong_answer").iterdir()),
    )
    table = cli("judge", str(problem), str(good), "--tests", "examples")
    assert table.returncode == 0 and " AC " in table.stdout and "verdict" in table.stdout
    out = cli("judge", "--json", "--tests", "all", str(problem), str(good), str(bad))
    assert out.returncode == 0, out.stderr
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    assert first["verdict"] == "AC" and len(first["tests"]) > 3
    assert all(t["verdict"] == "AC" for t in first["tests"])
    assert second["verdict"] not in ("AC", "JE")


def test_judge_doctor() -> None:
    out = cli("judge", "--doctor")
    assert out.returncode == 0
    assert "isolation level" in out.stdout
    lines = [line.split() for line in out.stdout.splitlines()]
    for language in EXECUTORS:  # every registered language, with why where it cannot run
        state = ["ok"] if installed(language) else ["UNAVAILABLE:"]
        assert any(line[:3] == ["language", language, *state] for line in lines), out.stdout
