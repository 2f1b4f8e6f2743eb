"""Polygon judge cases: tests/judges/cases/polygon-*/ are small Polygon packages.

Each holds `problem.xml`, its tests, tagged solutions and an `expect.yaml` with either the
verdict each solution must get (`verdicts: {solutions/x.py: WA}`; each must also be what its
tag promises) or the one-line error the package must fail to load with (`error: "..."`).
A C++ file that includes testlib.h gets tests/fixtures/polygon/testlib.h, a stand-in written
for the tests, copied beside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from alphasolve.errors import ProblemError
from alphasolve.formats import polygon
from judges import Judge, Program
from tests.polygon_fixtures import TESTLIB

CASES = Path(__file__).parent / "cases"


def _cases() -> list[str]:
    return sorted(p.name for p in CASES.glob("polygon-*") if (p / "problem.xml").is_file())


@pytest.mark.parametrize("name", _cases())
def test_polygon_case(
    name: str, judge: Judge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALPHASOLVE_CACHE", str(tmp_path / "cache"))
    root = tmp_path / name
    shutil.copytree(CASES / name, root)
    for source in root.rglob("*.cpp"):
        if '"testlib.h"' in source.read_text():
            shutil.copyfile(TESTLIB, source.parent / "testlib.h")
    expect = yaml.safe_load((root / "expect.yaml").read_text())
    if "error" in expect:
        with pytest.raises(ProblemError) as info:
            polygon.load_problem(root, judge)
        assert expect["error"] in str(info.value) and "\n" not in str(info.value)
        return
    problem = polygon.load_problem(root, judge)
    got = {}
    for sol in problem.solutions:
        report = judge.judge(
            problem, Program(sol.language, sol.source.text()), problem.hidden_tests
        )
        got[sol.name] = str(report.verdict)
        assert sol.kind.expects(report.verdict), f"{sol.name}: {report.verdict} against its tag"
    assert got == expect["verdicts"]
