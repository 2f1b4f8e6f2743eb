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


# A Polygon package of an interactive problem, as Codeforces prepares them: a testlib
# interactor (registerInteraction: reads the program's output from `ouf`, writes the result
# to `tout`) and a testlib checker that checks the interactor's output file against the
# answer, both built against the package's own testlib.h: here the tests' stand-in for it
# (tests/fixtures/polygon/testlib.h) with the interactor's part of testlib's interface added.
INTERACTION_API = """
#include <fstream>
#include <iostream>
inline std::ofstream tout;
inline void registerInteraction(int argc, char* argv[]) {
    if (argc < 3) quit(_fail, "usage: interactor input output");
    inf.open(argv[1], _fail);
    ouf.file = stdin;  // the program's output
    ouf.onError = _pe;
    tout.open(argv[2]);
}
#endif
"""
POLYGON_XML = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<problem revision="1" short-name="guess-polygon">
    <names><name language="english" value="Guess (Polygon)"/></names>
    <judging input-file="" output-file="">
        <testset name="tests">
            <time-limit>1000</time-limit>
            <memory-limit>268435456</memory-limit>
            <test-count>3</test-count>
            <input-path-pattern>tests/%02d</input-path-pattern>
            <answer-path-pattern>tests/%02d.a</answer-path-pattern>
            <tests>
                <test method="manual" sample="true"/>
                <test method="manual"/>
                <test method="manual"/>
            </tests>
        </testset>
    </judging>
    <files><resources><file path="files/testlib.h" type="h.g++"/></resources></files>
    <assets>
        <checker type="testlib"><source path="files/check.cpp" type="cpp.g++17"/></checker>
        <interactor><source path="files/interactor.cpp" type="cpp.g++17"/></interactor>
        <solutions>
            <solution tag="main"><source path="solutions/bisect.cpp" type="cpp.g++17"/></solution>
            <solution tag="accepted"><source path="solutions/bisect.py" type="python.3"/></solution>
            <solution tag="wrong-answer"><source path="solutions/first.py" type="python.3"/></solution>
        </solutions>
    </assets>
</problem>
"""
POLYGON_INTERACTOR = r"""#include "testlib.h"
int main(int argc, char* argv[]) {
    registerInteraction(argc, argv);
    int secret = inf.readInt();
    for (int q = 1; q <= 20; q++) {
        int guess = ouf.readInt();
        if (guess == secret) { std::cout << "=" << std::endl; tout << q << std::endl; quitf(_ok, "%d", q); }
        std::cout << (secret < guess ? "<" : ">") << std::endl;
    }
    quitf(_wa, "no correct guess in 20");
}
"""
POLYGON_CHECKER = r"""#include "testlib.h"
int main(int argc, char* argv[]) {
    registerTestlibCmd(argc, argv);
    int used = ouf.readInt(), limit = ans.readInt();
    if (used > limit) quitf(_wa, "%d guesses, at most %d allowed", used, limit);
    quitf(_ok, "%d guesses", used);
}
"""
POLYGON_BISECT_PY = """lo, hi = 1, 1000
while True:
    g = (lo + hi) // 2
    print(g, flush=True)
    r = input()
    if r == "=":
        break
    lo, hi = (lo, g - 1) if r == "<" else (g + 1, hi)
"""
POLYGON_BISECT_CPP = r"""#include <iostream>
#include <string>
int main() {
    int lo = 1, hi = 1000;
    for (std::string r; r != "=";) {
        int g = (lo + hi) / 2;
        std::cout << g << std::endl;
        std::cin >> r;
        if (r == "<") hi = g - 1; else if (r == ">") lo = g + 1;
    }
}
"""
# Guesses 1, 2, 3, ...: the interactor (20 guesses at most) accepts it on the first test,
# where the checker then finds more guesses than the answer's budget.
POLYGON_FIRST_PY = """for g in range(1, 1001):
    print(g, flush=True)
    if input() == "=":
        break
"""


def test_polygon_interactive_package(tmp_path: Path, judge: Judge) -> None:
    from alphasolve.formats import polygon

    root = tmp_path / "guess-polygon"
    files = {
        "problem.xml": POLYGON_XML,
        "files/testlib.h": (REPO / "tests/fixtures/polygon/testlib.h")
        .read_text()
        .rsplit("#endif", 1)[0]
        + INTERACTION_API,
        "files/interactor.cpp": POLYGON_INTERACTOR,
        "files/check.cpp": POLYGON_CHECKER,
        "solutions/bisect.cpp": POLYGON_BISECT_CPP,
        "solutions/bisect.py": POLYGON_BISECT_PY,
        "solutions/first.py": POLYGON_FIRST_PY,
        # input: the secret; answer: the most guesses a solution may use
        "tests/01": "12\n",
        "tests/01.a": "10\n",
        "tests/02": "1000\n",
        "tests/02.a": "10\n",
        "tests/03": "1\n",
        "tests/03.a": "10\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    problem = polygon.load_problem(root, judge)
    assert problem.interactive and problem.interactor.convention.value == "testlib"
    got = {}
    for sol in problem.solutions:
        report = judge.judge(
            problem, Program(sol.language, sol.source.text()), problem.hidden_tests
        )
        got[sol.name] = (report.verdict, report.tests[-1].detail)
    assert got["solutions/bisect.cpp"][0] is Verdict.AC, got
    assert got["solutions/bisect.py"][0] is Verdict.AC, got
    verdict, detail = got["solutions/first.py"]
    assert verdict is Verdict.WA and "12 guesses, at most 10" in detail, got  # the checker's word
