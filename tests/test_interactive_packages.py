"""Interactive problems end to end through the loaders and the judge: the Kattis `guess`
package (problemtools' example, in its shape) and the native demo problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from alphasolve.formats import load_problem
from alphasolve.problem import Problem, SolutionKind
from judges import Judge, Program, Verdict

REPO = Path(__file__).resolve().parents[1]
GUESS = REPO / "tests" / "fixtures" / "kattis" / "guess"
# What each kind of reference solution must get (a crash may surface as the interactor's
# rejection when the interactor notices the closed pipe first).
EXPECTED = {
    SolutionKind.ACCEPTED: {Verdict.AC},
    SolutionKind.WRONG_ANSWER: {Verdict.WA},
    SolutionKind.TIME_LIMIT: {Verdict.TLE},
    SolutionKind.RUN_TIME_ERROR: {Verdict.RTE, Verdict.WA},
}


def _solutions(problem: Problem) -> list[tuple[str, str, str, SolutionKind]]:
    return [(s.name, s.language, s.source.text(), s.kind) for s in problem.solutions]


@pytest.fixture(scope="module")
def guess() -> Problem:
    return load_problem(GUESS)


def test_guess_loads_as_interactive(guess: Problem) -> None:
    assert guess.interactive and guess.interactor is not None
    assert guess.interactor.program == GUESS / "output_validators/guess_validator/guess.cpp"
    assert len(guess.hidden_tests) == 7 and len(guess.examples) == 1
    assert {s.kind for s in guess.solutions} == set(EXPECTED)


@pytest.mark.parametrize("index", range(6))
def test_guess_submissions_get_their_verdicts(guess: Problem, judge: Judge, index: int) -> None:
    name, language, code, kind = _solutions(guess)[index]
    report = judge.judge(guess, Program(language, code), guess.examples + guess.hidden_tests)
    assert report.verdict in EXPECTED[kind], (name, report.verdict, report.tests[-1].detail)
