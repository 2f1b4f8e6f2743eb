"""The README's two quick-start commands are what CI runs and what the demo needs."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO


def quickstart_commands() -> list[str]:
    text = (REPO / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_two_commands_and_ci_runs_the_test_one() -> None:
    commands = quickstart_commands()
    assert len(commands) == 2
    assert "alphasolve" in commands[0] and "pytest" in commands[1]
    assert commands[1] in (REPO / ".ci" / "run").read_text()


def test_cli_help_and_bad_arguments() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "alphasolve.cli", "--help"], capture_output=True, text=True
    )
    assert ok.returncode == 0 and "problems" in ok.stdout and "judge" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "alphasolve.cli", "nonsense"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
