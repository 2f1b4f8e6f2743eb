"""scripts/literal_errors.py: draws on literal problems sorted into the reference, the
reference with other constants, and another structure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "literal_errors.py"
PROBLEM = "test-0041-clever-numbers"  # nested filters, constants 35, 966433 and 72


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)


def test_draws_are_sorted_by_how_they_differ_from_the_reference(tmp_path: Path) -> None:
    problems = tmp_path / "problems"
    problems.mkdir()
    src = REPO / "tests" / "fixtures" / "corpus" / PROBLEM
    (problems / PROBLEM).symlink_to(src)
    ref = (src / "solutions" / "main.py").read_text()
    assert "x * 72" in ref and "% 35" in ref
    wrong_constant = ref.replace("x * 72", "x * 35")
    dropped = ref.replace(" and x != 966433", "")
    assert dropped != ref
    codes = [ref, ref, wrong_constant, dropped]
    run = tmp_path / "run"
    run.mkdir()
    rows = [{"problem_id": PROBLEM, "language": "python3", "code": c} for c in codes]
    rows.append({"problem_id": PROBLEM, "language": "cpp17", "code": "int main(){}"})  # skipped
    (run / "samples.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    done = _run("--run", str(run), "--problems", str(problems))
    assert done.returncode == 0, done.stderr
    assert "| nested_filter | 4 | 0.500 | 0.250 | 0.250 |" in done.stdout


def test_a_broken_samples_line_is_named(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "samples.jsonl").write_text('{"problem_id": "x", "code": ""}\nnot json\n')
    done = _run("--run", str(run), "--problems", str(REPO / "problems" / "corpus" / "test"))
    assert done.returncode != 0 and "samples.jsonl:2: not a sample record" in done.stderr
    assert "Traceback" not in done.stderr
