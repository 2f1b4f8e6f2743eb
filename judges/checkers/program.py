"""Custom checker programs, run in the same sandbox as candidates, in their own conventions.

testlib:  checker input output answer     exit 0 OK, 1 WA, 2 PE, 3 FAIL, 4 DIRT, 7 POINTS, 8 EOF
Kattis:   validator input answer feedback_dir [flags] < output     exit 42 AC, 43 WA

A checker that crashes, times out or answers outside its convention is a judge error (the
problem's fault, not the candidate's). The three files are copied into a fresh directory the
checker may read; Kattis' feedback directory is the checker's scratch directory.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from judges.checkers.builtin import CheckResult
from judges.checkers.spec import CheckerFailure, CheckerSpec, Convention
from judges.config import Limits
from judges.executors import Prepared
from judges.sandbox.slot import Outcome

__all__ = [
    "CHECKER_LIMITS",
    "CheckerFailure",
    "CheckerFiles",
    "accepts",
    "argv_for",
    "checker_files",
    "cleanup",
    "interpret",
]

CHECKER_LIMITS = Limits(time=10.0, wall_factor=2.0, memory_mb=1024, output_mb=16)

_TESTLIB = {0: True, 1: False, 2: False, 4: False, 8: False}  # 2 PE, 4 DIRT, 8 EOF: WA
_KATTIS = {42: True, 43: False}


@dataclass(frozen=True)
class CheckerFiles:
    directory: Path
    input: Path
    output: Path
    answer: Path


def checker_files(
    input_data: bytes | Path, output: bytes, answer: bytes | Path, parent: Path
) -> CheckerFiles:
    # Under the judge's work directory (mode 0711: not listable), with a random name: no
    # other job can find the answer file even where Landlock is unavailable.
    directory = Path(tempfile.mkdtemp(prefix="check-", dir=parent))
    directory.chmod(0o755)
    paths = {}
    for name, value in (("input", input_data), ("output", output), ("answer", answer)):
        path = directory / name
        if isinstance(value, Path):
            shutil.copyfile(value, path)
        else:
            path.write_bytes(value)
        path.chmod(0o644)
        paths[name] = path
    return CheckerFiles(directory, paths["input"], paths["output"], paths["answer"])


def argv_for(
    spec: CheckerSpec, files: CheckerFiles, feedback_dir: str
) -> tuple[tuple[str, ...], bool]:
    """(arguments after the program, whether the output goes to stdin)."""
    if spec.convention is Convention.KATTIS:
        return (str(files.input), str(files.answer), feedback_dir + "/", *spec.args), True
    return (str(files.input), str(files.output), str(files.answer)), False


def accepts(convention: Convention | None, exit_code: int | None) -> bool | None:
    """What a checker's (or interactor's) exit code says in its convention: True accepted,
    False rejected, None neither (the program failed)."""
    table = _KATTIS if convention is Convention.KATTIS else _TESTLIB
    return table.get(exit_code) if exit_code is not None else None


def interpret(spec: CheckerSpec, out: Outcome, prepared: Prepared) -> CheckResult:
    message = (out.stderr or out.stdout).decode("utf-8", errors="replace").strip()[:500]
    ok = accepts(spec.convention, out.exit_code)
    if out.killed or out.signal is not None or ok is None:
        what = (
            f"killed ({out.killed} limit)"
            if out.killed
            else f"signal {out.signal}"
            if out.signal is not None
            else f"exit code {out.exit_code}"
        )
        raise CheckerFailure(
            f"checker {spec.program.name if spec.program else '?'} failed: {what}: {message}"
        )
    return CheckResult(ok, message)


def cleanup(files: CheckerFiles) -> None:
    shutil.rmtree(files.directory, ignore_errors=True)
