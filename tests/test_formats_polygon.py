"""The Polygon package loader on packages the tests write (tests/polygon_fixtures.py): the
three download kinds, std:: and custom checkers, generated tests, answers from the main
solution, statements, tagged solutions judged against their tags, and broken packages'
one-line errors."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from alphasolve.cli import main as cli_main
from alphasolve.errors import ProblemError
from alphasolve.formats import find_format, iter_problems, polygon
from alphasolve.problem import CheckerKind, Convention, Problem, SolutionKind
from judges import Judge, Program, Verdict
from tests.polygon_fixtures import (
    CHECK_CPP,
    FULL_INPUTS,
    SAMPLES,
    TESTLIB,
    answer_of,
    make_package,
    problem_xml,
)

CUSTOM = (
    '<checker type="testlib"><source path="files/check.cpp" type="cpp.g++17"/>'
    '<binary path="check.exe" type="exe.win32"/></checker>'
)


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cache"
    monkeypatch.setenv("ALPHASOLVE_CACHE", str(path))
    yield path


class NoJudge:
    """Stands in for the judge where nothing may be built."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the loader used the judge ({name}) where nothing needs building")


def load_error(root: Path, judge: object = None) -> ProblemError:
    with pytest.raises(ProblemError) as info:
        polygon.load_problem(root, judge or NoJudge())
    assert "\n" not in str(info.value)
    return info.value


def verdicts(problem: Problem, judge: Judge) -> dict[str, Verdict]:
    out = {}
    for sol in problem.solutions:
        if sol.language in ("python3", "cpp17"):
            report = judge.judge(
                problem, Program(sol.language, sol.source.text()), problem.hidden_tests
            )
            out[sol.name] = report.verdict
    return out


def test_full_package_loads_without_building(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full")
    assert find_format(root) is polygon
    p = polygon.load_problem(root, NoJudge())
    assert (p.id, p.name, p.source_format) == ("sum-of-numbers", "Sum of Numbers", "polygon")
    assert (p.time_limit, p.memory_limit) == (0.5, 256)
    assert p.checker.kind is CheckerKind.NCMP  # std::ncmp.cpp maps onto its built-in
    assert [t.label for t in p.hidden_tests] == [
        "samples/01",
        "samples/02",
        "main/03",
        "main/04",
        "main/05",
    ]
    assert [t.input.text() for t in p.examples] == SAMPLES
    assert [t.answer.text() for t in p.hidden_tests if t.answer] == [
        answer_of(x) for x in SAMPLES + FULL_INPUTS
    ]
    assert p.meta["points"]["main/03"] == 10.0
    assert p.meta["groups"][1]["points_policy"] == "complete-group"
    assert p.meta["groups"][1]["dependencies"] == ["samples"]
    assert p.meta["names"] == {"russian": "Сумма чисел", "english": "Sum of Numbers"}
    assert p.meta["main_solution"] == "solutions/main.cpp"
    assert p.tags == ("math", "implementation")
    assert p.warnings == ()
    # statement-sections rendered from LaTeX, as for Kattis
    assert p.statement == "Given n integers a_1, a_2, …, a_n, print their sum — exactly."
    assert p.input_spec.startswith("The first line holds n (1 ≤ n ≤ 10^5)")
    assert p.notes == "In the first example 1+2+3=6."
    # every tag kept, main first; binaries never needed
    assert [(s.name, s.language, s.kind) for s in p.solutions] == [
        ("solutions/main.cpp", "cpp17", SolutionKind.ACCEPTED),
        ("solutions/sum.py", "python3", SolutionKind.ACCEPTED),
        ("solutions/off_by_one.py", "python3", SolutionKind.WRONG_ANSWER),
        ("solutions/spin.py", "python3", SolutionKind.TIME_LIMIT),
        ("solutions/Main.java", "java", SolutionKind.INCORRECT),
    ]
    assert not p.interactive and p.interactor is None


def test_standard_package_generates_tests_and_answers(
    tmp_path: Path, judge: Judge, cache: Path
) -> None:
    root = make_package(tmp_path / "sum", "standard")
    assert not (root / "tests" / "03").exists()
    p = polygon.load_problem(root, judge)
    assert len(p.hidden_tests) == 5 and len(p.examples) == 2
    for test in p.hidden_tests:
        data = test.input.text()
        n, *numbers = data.split()
        assert len(numbers) == int(n)
        assert test.answer is not None and test.answer.text() == answer_of(data)
    generated = [t.input.text() for t in p.hidden_tests[2:]]
    assert [len(x.split()) - 1 for x in generated] == [5, 8, 4]  # gen 5 100, gen 8 1000, gen 4 10
    assert all(int(v) <= 10 for v in generated[2].split()[1:])
    assert "3 generated test(s) produced with gen" in p.warnings
    assert "5 answer(s) made by the main solution main.cpp" in p.warnings
    assert any(w.startswith(f"built files cached in {cache}") for w in p.warnings)
    assert not (root / "tests" / "03").exists()  # the package itself is left alone
    # a second load finds everything in the cache: the same files, no judge needed
    again = polygon.load_problem(root, NoJudge())
    assert [t.input.path for t in again.hidden_tests] == [t.input.path for t in p.hidden_tests]
    # and the generated tests judge the tagged solutions as their tags say
    assert verdicts(p, judge) == {
        "solutions/main.cpp": Verdict.AC,
        "solutions/sum.py": Verdict.AC,
        "solutions/off_by_one.py": Verdict.WA,  # right on the samples (n <= 3), wrong after
        "solutions/spin.py": Verdict.TLE,
    }


def test_generation_is_deterministic(tmp_path: Path, judge: Judge, cache: Path) -> None:
    first = polygon.load_problem(make_package(tmp_path / "a", "standard"), judge)
    assert not any("not deterministic" in w for w in first.warnings)
    data = [t.input.read() for t in first.hidden_tests]
    shutil.rmtree(cache)
    second = polygon.load_problem(make_package(tmp_path / "b", "standard"), judge)
    assert [t.input.read() for t in second.hidden_tests] == data


def test_windows_package_gets_lf_files(tmp_path: Path, judge: Judge) -> None:
    root = make_package(tmp_path / "sum", "windows")
    assert b"\r\n" in (root / "tests" / "01").read_bytes()
    assert b"\r\n" in (root / "problem.xml").read_bytes()
    p = polygon.load_problem(root, judge)
    assert "CRLF test files rewritten with LF line ends" in p.warnings
    for test in p.hidden_tests:
        assert b"\r" not in test.input.read() and test.answer and b"\r" not in test.answer.read()
    assert p.hidden_tests[0].input.text() == SAMPLES[0]
    assert verdicts(p, judge)["solutions/sum.py"] is Verdict.AC


def test_custom_checker_compiles_against_the_package_testlib(tmp_path: Path, judge: Judge) -> None:
    root = make_package(tmp_path / "sum", "full", checker=CUSTOM)
    p = polygon.load_problem(root, judge)
    assert p.checker.kind is CheckerKind.CUSTOM
    assert p.checker.convention is Convention.TESTLIB
    assert p.checker.program == root / "files" / "check.cpp"
    result = verdicts(p, judge)
    assert (
        result["solutions/sum.py"] is Verdict.AC and result["solutions/off_by_one.py"] is Verdict.WA
    )
    # the compile check is cached: loading again needs no judge
    polygon.load_problem(root, NoJudge())


def test_std_checker_without_builtin_uses_the_package_source(tmp_path: Path, judge: Judge) -> None:
    checker = CUSTOM.replace(
        '<checker type="testlib">', '<checker name="std::uncmp.cpp" type="testlib">'
    )
    p = polygon.load_problem(make_package(tmp_path / "sum", "full", checker=checker), judge)
    assert p.checker.kind is CheckerKind.CUSTOM
    assert "std::uncmp has no exact built-in: using the package's check.cpp" in p.warnings


@pytest.mark.parametrize(
    ("name", "kind", "tol"),
    [
        ("std::wcmp.cpp", CheckerKind.WCMP, 0.0),
        ("std::lcmp.cpp", CheckerKind.LCMP, 0.0),
        ("std::fcmp.cpp", CheckerKind.FCMP, 0.0),
        ("std::hcmp.cpp", CheckerKind.HCMP, 0.0),
        ("std::rcmp4.cpp", CheckerKind.RCMP, 1e-4),
        ("std::rcmp6.cpp", CheckerKind.RCMP, 1e-6),
        ("std::rcmp9.cpp", CheckerKind.RCMP, 1e-9),
        ("std::yesno.cpp", CheckerKind.YESNO, 0.0),
        ("std::nyesno.cpp", CheckerKind.NYESNO, 0.0),
    ],
)
def test_std_checkers_map_to_builtins(
    tmp_path: Path, name: str, kind: CheckerKind, tol: float
) -> None:
    checker = f'<checker name="{name}" type="testlib"><source path="files/check.cpp" type="cpp.g++17"/></checker>'
    p = polygon.load_problem(make_package(tmp_path / "sum", "full", checker=checker), NoJudge())
    assert (p.checker.kind, p.checker.abs_tol) == (kind, tol)


def test_interactor_makes_the_problem_interactive(tmp_path: Path, judge: Judge) -> None:
    root = make_package(
        tmp_path / "guess",
        "full",
        extra_assets='<interactor><source path="files/interactor.py" type="python.3"/></interactor>',
    )
    (root / "files" / "interactor.py").write_text("import sys\n")
    p = polygon.load_problem(root, judge)
    assert p.interactive
    assert p.interactor is not None
    assert (p.interactor.kind, p.interactor.convention) == (CheckerKind.CUSTOM, Convention.TESTLIB)
    assert p.interactor.program == root / "files" / "interactor.py"


def test_test_numbers_grow_past_99(tmp_path: Path) -> None:
    root = make_package(
        tmp_path / "many", "full", tests_xml="\n".join(['<test method="manual"/>'] * 101)
    )
    for i in range(1, 102):
        (root / "tests" / f"{i:02d}").write_text("1\n5\n")
        (root / "tests" / f"{i:02d}.a").write_text("5\n")
    p = polygon.load_problem(root, NoJudge())
    assert [t.name for t in p.hidden_tests][-3:] == ["99", "100", "101"]
    assert p.examples == ()


def test_statement_examples_when_no_test_is_a_sample(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full")
    xml = (root / "problem.xml").read_text().replace(' sample="true"', "")
    (root / "problem.xml").write_text(xml)
    sections = root / "statement-sections" / "english"
    (sections / "example.01").write_text("1\n9\n")
    (sections / "example.01.a").write_text("9\n")
    p = polygon.load_problem(root, NoJudge())
    assert [(t.label, t.input.text(), t.answer.text()) for t in p.examples if t.answer] == [
        ("examples/example.01", "1\n9\n", "9\n")
    ]


def test_statement_from_problem_properties_json(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full")
    shutil.rmtree(root / "statement-sections")
    props = {
        "name": "Sum of Numbers",
        "legend": "Add $n$ numbers.\r\n",
        "input": "$n \\le 10$\r\n",
        "output": "The sum.",
        "notes": "",
        "interaction": None,
        "scoring": "Each test is worth $10$ points.",
    }
    (root / "statements" / "english").mkdir(parents=True)
    (root / "statements" / "english" / "problem-properties.json").write_text(json.dumps(props))
    p = polygon.load_problem(root, NoJudge())
    assert (p.statement, p.input_spec, p.output_spec) == ("Add n numbers.", "n ≤ 10", "The sum.")
    assert p.notes == "Scoring\n\nEach test is worth 10 points."


def test_statement_in_another_language_is_used_with_a_warning(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full")
    (root / "statement-sections" / "english").rename(root / "statement-sections" / "russian")
    p = polygon.load_problem(root, NoJudge())
    assert p.statement.startswith("Given n integers")
    assert "no English statement: using statement-sections/russian" in p.warnings


def test_built_statement_problem_tex(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full")
    shutil.rmtree(root / "statement-sections")
    (root / "statements" / "english").mkdir(parents=True)
    (root / "statements" / "english" / "problem.tex").write_text(
        "\\begin{problem}{Sum of Numbers}{standard input}{standard output}{1 second}{256 megabytes}\n"
        "Add $n$ numbers.\n\n\\InputFile\nFirst $n$.\n\n\\OutputFile\nThe sum.\n\n"
        "\\Examples\n\\exmp{1\n5\n}{5\n}\n\n\\Note\nEasy.\n\\end{problem}\n"
    )
    p = polygon.load_problem(root, NoJudge())
    assert (p.statement, p.input_spec, p.output_spec, p.notes) == (
        "Add n numbers.",
        "First n.",
        "The sum.",
        "Easy.",
    )


@pytest.mark.parametrize(
    ("source_type", "filename", "language"),
    [
        ("cpp.g++17", "a.cpp", "cpp17"),
        ("cpp.msys2-mingw64-9-g++17", "a.cpp", "cpp17"),
        ("python.3", "a.py", "python3"),
        ("python.2", "a.py", "python2"),
        ("python.pypy3", "a.py", "pypy3"),
        ("java11", "A.java", "java"),
        ("kotlin17", "a.kt", "kotlin"),
        ("", "a.cpp", "cpp17"),
    ],
)
def test_solution_languages(source_type: str, filename: str, language: str) -> None:
    assert polygon.language_of(source_type, Path(filename)) == language


def test_demo_judges_solutions_against_their_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_package(tmp_path / "sum", "standard")
    assert cli_main(["demo", str(root)]) == 0
    out = capsys.readouterr().out
    assert "solutions/off_by_one.py" in out and "expected wrong_answer" in out
    assert "expected time_limit_exceeded  got TLE" in out
    assert "0 solution(s) judged differently from their label" in out


def test_demo_reports_a_solution_that_breaks_its_tag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_package(tmp_path / "sum", "full")
    xml = (root / "problem.xml").read_text().replace('tag="wrong-answer"', 'tag="accepted"')
    (root / "problem.xml").write_text(xml)
    assert cli_main(["demo", str(root)]) == 1
    assert "<-- UNEXPECTED" in capsys.readouterr().out


# -- broken packages: one line each ----------------------------------------------------------


def test_missing_manual_test(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full")
    (root / "tests" / "02").unlink()
    err = load_error(root)
    assert err.path == root / "tests" / "02"
    assert "test 2 (manual) is missing: 'tests/%02d' matches no file for it" in str(err)


def test_missing_testlib_h(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full", checker=CUSTOM)
    (root / "files" / "testlib.h").unlink()
    err = load_error(root)
    assert err.path == root / "files" / "check.cpp"
    assert "missing testlib.h: the checker includes it, and files/ has none" in str(err)


def test_checker_that_does_not_compile(tmp_path: Path, judge: Judge) -> None:
    root = make_package(tmp_path / "sum", "full", checker=CUSTOM)
    (root / "files" / "check.cpp").write_text(CHECK_CPP.replace("quitf(_ok", "quitf(_okk"))
    err = load_error(root, judge)
    assert err.path == root / "files" / "check.cpp"
    assert "the checker does not compile:" in err.message and "_okk" in err.message


def test_unknown_generator(tmp_path: Path, judge: Judge) -> None:
    root = make_package(tmp_path / "sum", "standard")
    xml = (root / "problem.xml").read_text().replace('cmd="gen 8 1000"', 'cmd="gen2 8 1000"')
    (root / "problem.xml").write_text(xml)
    err = load_error(root, judge)
    assert "test 4: generator 'gen2' is not among the executables (gen)" in str(err)


def test_failing_main_solution(tmp_path: Path, judge: Judge) -> None:
    root = make_package(tmp_path / "sum", "standard")
    (root / "solutions" / "main.cpp").write_text("int main() { return 3; }\n")
    err = load_error(root, judge)
    assert err.path == root / "solutions" / "main.cpp"
    assert "the main solution failed on test 1: RTE" in str(err)


def test_no_main_solution_for_missing_answers(tmp_path: Path) -> None:
    root = make_package(tmp_path / "sum", "full")
    (root / "tests" / "04.a").unlink()
    xml = (root / "problem.xml").read_text().replace('tag="main"', 'tag="accepted"')
    (root / "problem.xml").write_text(xml)
    err = load_error(root)
    assert "test 4 has no answer file and the package has no main solution" in str(err)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda x: x.replace("</problem>", ""), "invalid XML: no element found"),
        (
            lambda x: x.replace('input-file=""', 'input-file="sum.in"'),
            "file input/output is not supported",
        ),
        (
            lambda x: x.replace("<time-limit>500", "<time-limit>fast"),
            "expected a number, got 'fast'",
        ),
        (
            lambda x: x.replace("tests/%02d.a", "tests/%s/%d.a"),
            "not a printf pattern with one number",
        ),
        (
            lambda x: x.replace("<test-count>5", "<test-count>7"),
            "test-count says 7 but 5 <test> elements",
        ),
        (
            lambda x: x.replace('<checker name="std::ncmp.cpp"', '<checkerx name="x"').replace(
                "</checker>", "</checkerx>"
            ),
            "no <checker> in <assets>",
        ),
    ],
)
def test_broken_problem_xml(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    root = make_package(tmp_path / "sum", "full")
    (root / "problem.xml").write_text(edit((root / "problem.xml").read_text()))
    assert message in str(load_error(root))


def test_problems_check_lists_polygon_packages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_package(tmp_path / "pkgs" / "good", "full")
    broken = make_package(tmp_path / "pkgs" / "broken", "full", checker=CUSTOM)
    (broken / "files" / "testlib.h").unlink()
    assert cli_main(["problems", "check", str(tmp_path / "pkgs")]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith(f"ERROR {broken / 'files' / 'check.cpp'}: missing testlib.h")
    assert lines[1].split()[:3] == ["ok", "sum-of-numbers", "polygon"]
    assert "checker=ncmp" in lines[1]
    assert "1 problem(s) loaded, 1 failed" in captured.err


def test_iter_problems_finds_packages_in_a_tree(tmp_path: Path) -> None:
    make_package(tmp_path / "contest" / "a", "full")
    make_package(tmp_path / "contest" / "b", "full")
    found = list(iter_problems([tmp_path / "contest"]))
    assert [type(x) for x in found] == [Problem, Problem]


def test_fixture_header_is_ours() -> None:
    # The stand-in header is written for these tests; it must never be mistaken for testlib.
    assert "NOT testlib" in TESTLIB.read_text()
    assert problem_xml().count("<test ") == 5
