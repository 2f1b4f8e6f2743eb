"""The native format: good problems load lazily; every malformed input is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from alphasolve.errors import ProblemError
from alphasolve.formats import FORMATS, find_format, iter_problems, load_problem
from alphasolve.problem import CheckerKind, Convention, SolutionKind
from judges.executors import EXECUTORS

GOOD_YAML = """\
name: Sum of Evens
time_limit: 1.5
memory_limit: 128
rating: 900
tags: [math, implementation]
checker: {type: floats, abs_tol: 1e-6, rel_tol: 1e-9}
examples:
  - input: "1\\n"
    output: "0\\n"
"""

STATEMENT = """# Sum of Evens

Bob likes even numbers.

## Input
One integer n (1 <= n <= 10^9).

## Output
The sum.

## Note
Nothing tricky.
"""


def make_problem(
    root: Path, yaml_text: str = GOOD_YAML, tests: dict[str, str] | None = None
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "problem.yaml").write_text(yaml_text)
    (root / "statement.md").write_text(STATEMENT)
    (root / "examples").mkdir(exist_ok=True)
    (root / "examples" / "1.in").write_text("4\n")
    (root / "examples" / "1.ans").write_text("6\n")
    (root / "tests").mkdir(exist_ok=True)
    for name, text in (
        tests
        or {
            "1.in": "2\n",
            "1.ans": "2\n",
            "10.in": "3\n",
            "10.ans": "2\n",
            "2.in": "5\n",
            "2.ans": "6\n",
        }
    ).items():
        (root / "tests" / name).write_text(text)
    (root / "solutions" / "wrong_answer").mkdir(parents=True, exist_ok=True)
    (root / "solutions" / "main.py").write_text("print(0)\n")
    (root / "solutions" / "wrong_answer" / "bad.cpp").write_text("int main(){}\n")
    return root


def test_loads_every_field(tmp_path: Path) -> None:
    p = load_problem(make_problem(tmp_path / "sum-evens"))
    assert p.id == "sum-evens" and p.name == "Sum of Evens" and p.source_format == "native"
    assert p.time_limit == 1.5 and p.memory_limit == 128 and p.rating == 900
    assert p.tags == ("math", "implementation")
    assert p.checker.kind is CheckerKind.FLOATS and p.checker.rel_tol == 1e-9
    assert p.statement == "Bob likes even numbers."
    assert "10^9" in p.input_spec and p.output_spec == "The sum." and p.notes == "Nothing tricky."
    assert [t.name for t in p.examples] == ["inline-1", "1"]
    assert [t.name for t in p.hidden_tests] == ["1", "2", "10"]  # natural order
    kinds = {(s.language, s.kind) for s in p.solutions}
    assert kinds == {("python3", SolutionKind.ACCEPTED), ("cpp17", SolutionKind.WRONG_ANSWER)}
    assert "Example 1" in p.full_statement() and "Input:" in p.full_statement()


def test_tests_are_lazy(tmp_path: Path) -> None:
    root = make_problem(tmp_path / "lazy")
    p = load_problem(root)
    test = p.hidden_tests[0]
    assert test.input.data is None and test.input.path == root / "tests" / "1.in"
    (root / "tests" / "1.in").write_text("changed\n")  # read only when asked
    assert test.input.read() == b"changed\n"


def test_detection_and_registry(tmp_path: Path) -> None:
    root = make_problem(tmp_path / "p")
    assert find_format(root) is FORMATS["native"]
    assert find_format(tmp_path / "nothing") is None


def test_custom_checker(tmp_path: Path) -> None:
    root = make_problem(tmp_path / "c", GOOD_YAML.replace(
        "checker: {type: floats, abs_tol: 1e-6, rel_tol: 1e-9}",
        "checker: {type: custom, program: check.py, convention: kattis}"))  # fmt: skip
    (root / "check.py").write_text("import sys; sys.exit(42)\n")
    p = load_problem(root)
    assert p.checker.kind is CheckerKind.CUSTOM and p.checker.convention is Convention.KATTIS
    assert p.checker.program == root / "check.py"


def test_interactor(tmp_path: Path) -> None:
    root = make_problem(
        tmp_path / "i", GOOD_YAML + "interactor: {program: talk.py, convention: kattis}\n"
    )
    (root / "talk.py").write_text("import sys; sys.exit(42)\n")
    p = load_problem(root)
    assert p.interactive and p.interactor is not None
    assert p.interactor.kind is CheckerKind.CUSTOM and p.interactor.convention is Convention.KATTIS
    assert p.interactor.program == root / "talk.py"
    short = make_problem(tmp_path / "s", GOOD_YAML + "interactor: talk.py\n")
    (short / "talk.py").write_text("")
    assert load_problem(short).interactor.convention is Convention.TESTLIB  # as for checkers
    assert not load_problem(make_problem(tmp_path / "batch")).interactive


BROKEN = [
    # (problem.yaml text, files to add/remove, expected fragments of the error)
    ("name: [unclosed\n", {}, ["problem.yaml:2", "invalid YAML"]),
    ("- a\n- b\n", {}, ["expected a mapping"]),
    ("time_limit: 1\nmemory_limit: 256\n", {}, ["'name'", "missing required field"]),
    ("name: X\ntime_limit: fast\nmemory_limit: 256\n", {}, ["'time_limit'", "expected a number"]),
    ("name: X\ntime_limit: -1\nmemory_limit: 256\n", {}, ["'time_limit'", "must be positive"]),
    ("name: X\ntime_limit: 1\n", {}, ["'memory_limit'", "missing"]),
    (
        "name: X\ntime_limit: 1\nmemory_limit: 256\nrating: high\n",
        {},
        ["'rating'", "expected an integer"],
    ),
    ("name: X\ntime_limit: 1\nmemory_limit: 256\ntags: 5\n", {}, ["'tags'", "list of strings"]),
    (
        "name: X\ntime_limit: 1\nmemory_limit: 256\nchecker: fuzzy\n",
        {},
        ["'checker.type'", "unknown checker 'fuzzy'", "tokens"],
    ),
    (
        "name: X\ntime_limit: 1\nmemory_limit: 256\nchecker: {type: custom, program: nope.py}\n",
        {},
        ["'checker.program'", "does not exist"],
    ),
    (
        "name: X\ntime_limit: 1\nmemory_limit: 256\ninteractor: {program: gone.py}\n",
        {},
        ["'interactor.program'", "interactor program gone.py does not exist"],
    ),
    (
        "name: X\ntime_limit: 1\nmemory_limit: 256\ninteractor: [1]\n",
        {},
        ["'interactor'", "expected a program name or a mapping"],
    ),
    (
        "name: X\ntime_limit: 1\nmemory_limit: 256\ntimelimit: 2\n",
        {},
        ["unknown field", "timelimit"],
    ),
    (
        "name: X\ntime_limit: 1\nmemory_limit: 256\nexamples: [{input: '1'}]\n",
        {},
        ["'examples[0].output'", "missing"],
    ),
    (GOOD_YAML, {"tests/7.in": "1\n"}, ["7.in", "no answer file 7.ans"]),
    (GOOD_YAML, {"tests/8.ans": "1\n"}, ["8.ans", "no input file"]),
    (GOOD_YAML, {"statement.md": b"\xff\xfe bad"}, ["statement.md", "not valid UTF-8"]),
]


@pytest.mark.parametrize(("yaml_text", "extra", "fragments"), BROKEN)
def test_malformed_inputs_give_clear_errors(
    tmp_path: Path, yaml_text: str, extra: dict[str, object], fragments: list[str]
) -> None:
    root = make_problem(tmp_path / "broken", yaml_text)
    for rel, content in extra.items():
        path = root / rel
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(str(content))
    results = list(iter_problems([root]))
    assert len(results) == 1 and isinstance(results[0], ProblemError)
    text = str(results[0])
    assert str(root) in text
    for fragment in fragments:
        assert fragment in text, text


def test_unreadable_file(tmp_path: Path) -> None:
    root = make_problem(tmp_path / "unreadable")
    (root / "problem.yaml").unlink()
    (root / "problem.yaml").mkdir()  # a directory where a file should be: unreadable as text
    results = list(iter_problems([root]))
    assert len(results) == 1 and isinstance(results[0], ProblemError)
    assert "problem.yaml" in str(results[0])


def test_missing_path_and_empty_dir(tmp_path: Path) -> None:
    errors = list(iter_problems([tmp_path / "absent", tmp_path]))
    assert [type(e) for e in errors] == [ProblemError, ProblemError]
    assert "no such file" in str(errors[0]) and "no problems found" in str(errors[1])


def test_one_broken_problem_does_not_hide_others(tmp_path: Path) -> None:
    make_problem(tmp_path / "a")
    make_problem(tmp_path / "b", "name: [\n")
    make_problem(tmp_path / "c")
    results = list(iter_problems([tmp_path]))
    assert [isinstance(r, ProblemError) for r in results] == [False, True, False]


ROUND_TRIP_SOURCES = [
    "tests/fixtures/kattis/legacy-hello",
    "tests/fixtures/kattis/legacy-floats",
    "tests/fixtures/kattis/custom-validator",
    "tests/fixtures/codecontests/single.json",
    "problems/two-gifts",
    "problems/hilltop",
    "tests/fixtures/kattis/guess",
]


@pytest.mark.parametrize("source", ROUND_TRIP_SOURCES)
def test_round_trip_through_native(tmp_path: Path, source: str) -> None:
    from alphasolve.formats.native import write_problem
    from tests.conftest import REPO

    original = load_problem(REPO / source)
    copy = load_problem(write_problem(original, tmp_path / original.id))
    assert copy.source_format == "native"
    for field in (
        "id",
        "name",
        "time_limit",
        "memory_limit",
        "rating",
        "tags",
        "statement",
        "input_spec",
        "output_spec",
    ):
        assert getattr(copy, field) == getattr(original, field), field
    assert (
        copy.checker.kind == original.checker.kind
        and copy.checker.case_sensitive == original.checker.case_sensitive
    )
    assert (copy.checker.abs_tol, copy.checker.rel_tol) == (
        original.checker.abs_tol,
        original.checker.rel_tol,
    )
    for a, b in ((copy.examples, original.examples), (copy.hidden_tests, original.hidden_tests)):
        assert [(t.input.read(), t.answer.read() if t.answer else b"") for t in a] == [
            (t.input.read(), t.answer.read() if t.answer else b"") for t in b
        ]
    assert copy.interactive == original.interactive
    if original.interactor is not None:
        assert copy.interactor is not None
        assert copy.interactor.convention == original.interactor.convention
        assert copy.interactor.program.read_bytes() == original.interactor.program.read_bytes()
    runnable = [s for s in original.solutions if s.language in EXECUTORS]
    assert sorted(s.source.read() for s in copy.solutions) == sorted(
        s.source.read() for s in runnable
    )


def test_a_saved_checker_keeps_every_header_the_judge_compiles_with(tmp_path: Path) -> None:
    from alphasolve.formats.native import write_problem

    root = make_problem(tmp_path / "c", GOOD_YAML.replace(
        "checker: {type: floats, abs_tol: 1e-6, rel_tol: 1e-9}",
        "checker: {type: custom, program: check.cpp, convention: testlib}"))  # fmt: skip
    (root / "check.cpp").write_text('#include "testlib.h"\n#include "util.hpp"\nint main() {}\n')
    (root / "testlib.h").write_text("// testlib\n")
    (root / "util.hpp").write_text("// util\n")
    copy = write_problem(load_problem(root), tmp_path / "copy")
    assert (copy / "testlib.h").read_text() == "// testlib\n"
    assert (copy / "util.hpp").read_text() == "// util\n"
