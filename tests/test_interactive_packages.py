"""Interactive problems end to end through the loaders and the judge: the Kattis `guess`
package (problemtools' example, in its shape) and the native demo problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from alphasolve.candidate import dedupe
from alphasolve.formats import load_problem
from alphasolve.model.fake import FakeSampler
from alphasolve.model.sampler import SamplingConfig
from alphasolve.pipeline.mutate import mutate_inputs
from alphasolve.pipeline.stages import behaviour, choose, filter_on_examples
from alphasolve.problem import Problem, SolutionKind
from judges import Judge, Program, Verdict

REPO = Path(__file__).resolve().parents[1]
GUESS = REPO / "tests" / "fixtures" / "kattis" / "guess"
# What each kind of reference solution must get.
EXPECTED = {
    SolutionKind.ACCEPTED: {Verdict.AC},
    SolutionKind.WRONG_ANSWER: {Verdict.WA},
    SolutionKind.TIME_LIMIT: {Verdict.TLE},
    SolutionKind.RUN_TIME_ERROR: {Verdict.RTE},
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


def test_pipeline_stages_on_the_interactive_demo(judge: Judge) -> None:
    """Example filter and behaviour signatures run against the interactor: the Python and
    C++ references ask the same questions (one cluster), a wrong program that passes the
    examples talks differently, and the top pick solves the hidden tests."""
    problem = load_problem(REPO / "problems" / "hilltop")
    assert problem.interactive
    by_name = {s.name: (s.language, s.source.text()) for s in problem.solutions}
    pool = [*by_name.values(), ("python3", "print(1)\n")]
    candidates = dedupe(FakeSampler(pool).sample(problem, 40, seed=1, config=SamplingConfig()))
    assert len(candidates) == len(pool)
    code_of = {c.candidate_id: c.code for c in candidates}
    outcomes = filter_on_examples(judge, problem, candidates)
    passed = {code_of[o.candidate_id] for o in outcomes if o.passed}
    assert passed == {code for _, code in by_name.values()}  # the wrong ones pass the examples
    survivors = [c for c, o in zip(candidates, outcomes, strict=True) if o.passed]
    inputs = mutate_inputs([t.input.text() for t in problem.examples], 8, seed=0)
    signatures = behaviour(judge, problem, survivors, inputs)
    sig = {code: signatures[cid] for cid, code in code_of.items() if cid in signatures}
    main_py, main_cpp = by_name["main.py"][1], by_name["main.cpp"][1]
    assert sig[main_py] == sig[main_cpp]
    assert sig[by_name["highest_of_three.py"][1]] != sig[main_py]
    selection = choose(problem, survivors, signatures, inputs)
    first = next(c for c in survivors if c.candidate_id == selection.picks[0])
    report = judge.judge(problem, Program(first.language, first.code), problem.hidden_tests)
    assert report.passed


def test_solve_cli_gives_picks_on_the_interactive_demo(tmp_path: Path) -> None:
    out = tmp_path / "run"
    env = dict(os.environ, RAY_AUTH_MODE="disabled")
    cmd = [sys.executable, "-m", "alphasolve.cli", "solve", str(REPO / "problems" / "hilltop"),
           "--samples", "32", "--sampler", "fake", "--out", str(out)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    picks = [json.loads(line) for line in (out / "picks.jsonl").read_text().splitlines()]
    assert picks and not picks[0]["fallback"]
    problem = load_problem(REPO / "problems" / "hilltop")
    accepted = {s.source.text() for s in problem.solutions if s.kind is SolutionKind.ACCEPTED}
    assert picks[0]["code"] in accepted
