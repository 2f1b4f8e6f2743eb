"""The CodeContests rows loader on JSON Lines, JSON and Parquet files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from alphasolve.errors import ProblemError
from alphasolve.formats import codecontests, find_format, iter_problems
from alphasolve.formats.codecontests import row_to_problem, split_description
from alphasolve.problem import CheckerKind, Problem, SolutionKind

FIXTURES = Path(__file__).parent / "fixtures" / "codecontests"
ROWS = FIXTURES / "rows.jsonl"


def load_all(path: Path) -> list[Problem | ProblemError]:
    return list(codecontests.load(path))


def problems(items: list[Problem | ProblemError]) -> list[Problem]:
    errors = [str(e) for e in items if isinstance(e, ProblemError)]
    assert not errors, errors
    return [p for p in items if isinstance(p, Problem)]


def jsonl_rows() -> list[dict]:
    return [json.loads(line) for line in ROWS.read_text().splitlines()]


def row(**fields) -> dict:
    """A small valid row in the Hugging Face shape, with `fields` replaced."""
    base = {
        "name": "Echo",
        "description": "Repeat it.\n\nInput\n\nA word.\n\nOutput\n\nThe word.\n",
        "public_tests": {"input": ["a\n"], "output": ["a\n"]},
        "private_tests": {"input": ["b\n"], "output": ["b\n"]},
        "time_limit": {"seconds": 1, "nanos": 0},
        "memory_limit_bytes": 256000000,
    }
    return {**base, **fields}


# -- the fixture files ----------------------------------------------------------------------


def test_matches_row_files_only(tmp_path):
    for name in ("rows.jsonl", "single.json"):
        assert find_format(FIXTURES / name) is codecontests
    assert codecontests.matches(tmp_path / "x.parquet") is False  # not a file (yet)
    (tmp_path / "dir.json").mkdir()
    assert not codecontests.matches(tmp_path / "dir.json")
    (tmp_path / "notes.txt").write_text("{}")
    assert not codecontests.matches(tmp_path / "notes.txt")


def test_jsonl_rows():
    first, second, third = problems(load_all(ROWS))
    assert (first.id, first.name, first.source_format) == (
        "9901-a-lamp-toggling",
        "9901_A. Lamp Toggling",
        "codecontests",
    )
    assert third.id == "9901-a-lamp-toggling-3"  # same name: the line number makes it unique
    assert second.id == "gardiag"

    assert [(t.name, t.group) for t in first.examples] == [
        ("public-1", "public"),
        ("public-2", "public"),
    ]
    assert [(t.name, t.group) for t in first.hidden_tests] == [
        ("private-1", "private"),
        ("private-2", "private"),
        ("generated-1", "generated"),
        ("generated-2", "generated"),
        ("generated-3", "generated"),
    ]
    assert first.examples[0].input.text() == "5 2\n"
    assert first.examples[0].answer is not None and first.examples[0].answer.text() == "3\n"
    assert (first.time_limit, first.memory_limit) == (1.5, 256)
    assert (first.rating, first.tags) == (800, ("implementation", "math"))
    assert first.checker == codecontests.CHECKER
    assert first.checker.kind is CheckerKind.FLOATS and not first.checker.case_sensitive
    assert first.checker.abs_tol == 1e-5
    assert [(s.language, s.kind) for s in first.solutions] == [
        ("python3", SolutionKind.ACCEPTED),
        ("cpp17", SolutionKind.ACCEPTED),
        ("python2", SolutionKind.INCORRECT),
    ]
    assert first.solutions[1].source.text().startswith("#include <cstdio>")
    assert dict(first.meta) == {
        "source": "CODEFORCES",
        "difficulty": "A",
        "cf_contest_id": 9901,
        "cf_index": "A",
        "cf_points": 500.0,
        "row": 1,
    }
    assert first.warnings == ()
    # the statement loses its Examples section: examples come from public_tests
    assert first.statement.startswith("There are n lamps in a row")
    assert first.input_spec == "The only line contains two integers n and k (1 ≤ n, k ≤ 10^5)."
    assert first.output_spec == "Print one integer — the number of lamps that are switched on."
    assert first.notes.startswith("In the first example lamps 1, 3 and 5")
    assert "5 2" not in first.full_statement().split("Example 1")[0]


def test_defaults_and_file_io_are_warned_about():
    _, second, third = problems(load_all(ROWS))
    assert (second.time_limit, second.memory_limit) == (
        codecontests.DEFAULT_TIME_LIMIT,
        codecontests.DEFAULT_MEMORY_LIMIT,
    )
    assert any("no time_limit" in w for w in second.warnings)
    assert any("no memory_limit_bytes" in w for w in second.warnings)
    assert second.rating is None  # cf_rating 0 means unknown
    assert dict(second.meta) == {"source": "CODECHEF", "difficulty": "EASY", "row": 2}
    assert "Constraints\n1 ≤ T ≤ 10" in second.input_spec
    assert second.notes == "The diagonal of a 3 by 4 rectangle is 5."
    assert third.memory_limit == 256  # 268435456 bytes
    assert any("input_file is 'input.txt'" in w for w in third.warnings)


def test_single_row_json_in_the_converter_shape():
    (p,) = problems(load_all(FIXTURES / "single.json"))
    assert (p.id, p.time_limit, p.memory_limit) == ("p00042-stacking-crates", 8.0, 128)
    assert (len(p.examples), len(p.hidden_tests)) == (1, 3)
    assert [t.group for t in p.hidden_tests] == ["private", "generated", "generated"]
    assert [s.language for s in p.solutions] == ["python3", "java"]  # a number and a name
    assert p.meta["source"] == "AIZU"  # 7 in the .proto numbering
    assert "row" not in p.meta
    assert p.output_spec == "Print the total height."  # "Sample Input" starts the examples


def test_registry_walks_a_directory_of_row_files():
    items = list(iter_problems([FIXTURES]))
    ids = [p.id for p in items if isinstance(p, Problem)]
    assert ids.count("echo") == 2  # one per file: ids are unique within a file
    assert len([e for e in items if isinstance(e, ProblemError)]) == 11


# -- broken rows: one error each, naming file, line or row, and field; the rest still load ---

BROKEN_LINES = [
    (2, None, "invalid JSON"),
    (3, "name", "missing required field"),
    (6, "solutions.language[0]", "unknown language 9"),
    (7, "private_tests", "2 input values but 1 output values"),
    (8, None, "expected a JSON object"),
    (9, "time_limit", "must not be negative"),
    (10, "memory_limit_bytes", "expected a number of bytes, got 'lots'"),
    (11, "public_tests.output[0]", "expected a string, got int"),
    (12, "cf_tags", "expected a list of strings"),
]


def test_broken_jsonl_lines():
    items = load_all(FIXTURES / "broken.jsonl")
    good = [p.name for p in items if isinstance(p, Problem)]
    assert good == ["Echo", "Echo Two", "Echo Three"]
    errors = [e for e in items if isinstance(e, ProblemError)]
    assert [(e.line, e.field) for e in errors] == [(n, f) for n, f, _ in BROKEN_LINES]
    for err, (line, field, message) in zip(errors, BROKEN_LINES, strict=True):
        text = str(err)
        assert text.startswith(f"{FIXTURES / 'broken.jsonl'}:{line}")
        assert message in text
        if field:
            assert f"field {field!r}" in text
    assert "problem 'Bad Language'" in str(errors[2])


def test_broken_json_list_names_the_row_index():
    items = load_all(FIXTURES / "broken-list.json")
    assert [p.name for p in items if isinstance(p, Problem)] == ["Echo", "Echo Four"]
    errors = [e for e in items if isinstance(e, ProblemError)]
    assert [e.field for e in errors] == ["rows[1].description", "rows[2]"]
    assert "problem 'No Description'" in str(errors[0])
    assert all(e.path == FIXTURES / "broken-list.json" and e.line is None for e in errors)


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ('{"name": "x",\n  "description": }\n', "invalid JSON", 2),
        ('"just a string"\n', "expected one CodeContests row", None),
        (b"\xff\xfe{}", "not valid UTF-8", None),
    ],
)
def test_unreadable_json_file(tmp_path, content, message, line):
    path = tmp_path / "rows.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    (err,) = load_all(path)
    assert isinstance(err, ProblemError) and message in str(err)
    assert (err.path, err.line) == (path, line)


def test_json_lines_under_a_json_name(tmp_path):
    path = tmp_path / "train.json"  # datasets' to_json() writes one row per line
    path.write_text(ROWS.read_text())
    items = problems(load_all(path))
    assert [p.id for p in items] == [p.id for p in problems(load_all(ROWS))]
    assert items[2].meta["row"] == 3


def test_jsonl_line_that_is_not_utf8_spoils_only_itself(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_bytes(
        json.dumps(row()).encode() + b"\n\xff\n" + json.dumps(row(name="Two")).encode()
    )
    items = load_all(path)
    assert [type(i).__name__ for i in items] == ["Problem", "ProblemError", "Problem"]
    assert items[1].line == 2 and "UTF-8" in str(items[1])


# -- Parquet --------------------------------------------------------------------------------


def write_parquet(path: Path, rows: list[dict], **options) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist(rows), path, **options)
    return path


def test_parquet_rows_match_the_jsonl_rows(tmp_path):
    rows = jsonl_rows()
    path = write_parquet(tmp_path / "train-00000-of-00001.parquet", rows, row_group_size=1)
    from_parquet = problems(load_all(path))
    from_jsonl = problems(load_all(ROWS))
    # a clash is resolved with what errors name: the line in JSON Lines, the index in Parquet
    assert [p.id for p in from_jsonl][2] == "9901-a-lamp-toggling-3"
    assert [p.id for p in from_parquet][2] == "9901-a-lamp-toggling-2"
    assert [p.name for p in from_parquet] == [p.name for p in from_jsonl]
    for a, b in zip(from_parquet, from_jsonl, strict=True):
        assert (len(a.examples), len(a.hidden_tests), a.time_limit, a.memory_limit) == (
            len(b.examples),
            len(b.hidden_tests),
            b.time_limit,
            b.memory_limit,
        )
        assert [s.language for s in a.solutions] == [s.language for s in b.solutions]
        assert a.tags == b.tags and a.rating == b.rating and a.statement == b.statement
    assert [p.meta["row"] for p in from_parquet] == [0, 1, 2]


def test_parquet_errors_name_the_row_index(tmp_path):
    path = write_parquet(
        tmp_path / "rows.parquet", [row(), row(name="Late", time_limit={"seconds": -3, "nanos": 0})]
    )
    ok, err = load_all(path)
    assert isinstance(ok, Problem) and isinstance(err, ProblemError)
    assert (err.field, err.problem) == ("rows[1].time_limit", "Late")


def test_parquet_file_that_is_not_parquet(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "fake.parquet"
    path.write_text("name,description\n")
    (err,) = load_all(path)
    assert isinstance(err, ProblemError) and "not a readable Parquet file" in str(err)


def test_parquet_without_the_columns(tmp_path):
    path = write_parquet(tmp_path / "other.parquet", [{"question": "?", "answer": "!"}])
    (err,) = load_all(path)
    assert isinstance(err, ProblemError) and "no column description, name" in str(err)


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch):
    path = write_parquet(tmp_path / "rows.parquet", [row()])
    # what an environment without the optional dependency looks like to `import`
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (err,) = load_all(path)
    assert isinstance(err, ProblemError)
    assert str(err) == f"{path}: install alphasolve[parquet] (pyarrow) to read Parquet files"


# -- one row: limits, enums, languages ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ({"seconds": 2, "nanos": 500000000}, 2.5),
        ({"seconds": None, "nanos": 250000000}, 0.25),
        ("seconds: 3\n", 3.0),
        ("seconds: 1\nnanos: 500000000\n", 1.5),
        ("4s", 4.0),
        (6, 6.0),
    ],
)
def test_time_limit_shapes(value, seconds):
    assert row_to_problem(row(time_limit=value), Path("x.jsonl")).time_limit == seconds


@pytest.mark.parametrize("value", [None, "", {}, {"seconds": 0, "nanos": 0}, 0])
def test_unset_time_limit_gets_the_default(value):
    p = row_to_problem(row(time_limit=value), Path("x.jsonl"))
    assert p.time_limit == codecontests.DEFAULT_TIME_LIMIT and p.warnings


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"seconds": -1}, "must not be negative"),
        ({"seconds": "two"}, "expected a number"),
        ("soon", "expected {seconds, nanos}"),
        ([1], "expected {seconds, nanos}"),
    ],
)
def test_bad_time_limit(value, message):
    with pytest.raises(ProblemError, match=message) as info:
        row_to_problem(row(time_limit=value), Path("x.jsonl"), line=4)
    assert info.value.line == 4 and info.value.field.startswith("time_limit")


@pytest.mark.parametrize(
    ("value", "mib"),
    [(256000000, 256), (268435456, 256), (64 * 2**20, 64), (1, 1), (300000001, 287), (512e6, 512)],
)
def test_memory_limit(value, mib):
    assert row_to_problem(row(memory_limit_bytes=value), Path("x")).memory_limit == mib


@pytest.mark.parametrize("value", [-1, True, "lots", [256]])
def test_bad_memory_limit(value):
    with pytest.raises(ProblemError) as info:
        row_to_problem(row(memory_limit_bytes=value), Path("x"), index=2)
    assert info.value.field == "rows[2].memory_limit_bytes"


@pytest.mark.parametrize(
    ("language", "name"),
    [
        (0, "unknown"),
        (1, "python2"),
        (2, "cpp17"),
        (3, "python3"),
        (4, "java"),
        ("PYTHON", "python2"),
        ("PYTHON3", "python3"),
        ("CPP", "cpp17"),
        ("java", "java"),
        ("UNKNOWN_LANGUAGE", "unknown"),
    ],
)
def test_language_enum(language, name):
    p = row_to_problem(row(solutions={"language": [language], "solution": ["x"]}), Path("x"))
    assert p.solutions[0].language == name


@pytest.mark.parametrize("language", [5, -1, "RUST", None, 2.0])
def test_unknown_language(language):
    with pytest.raises(ProblemError, match="unknown language"):
        row_to_problem(row(solutions={"language": [language], "solution": ["x"]}), Path("x"))


@pytest.mark.parametrize(
    ("fields", "source", "difficulty"),
    [
        ({"source": 5, "difficulty": 18}, "ATCODER", "L"),  # Hugging Face numbering
        ({"source": "codeforces", "difficulty": "B"}, "CODEFORCES", "B"),
        (
            {"source": 6, "difficulty": 19, "public_tests": [{"input": "1\n", "output": "1\n"}]},
            "ATCODER",
            "L",
        ),  # the converter's rows carry raw .proto numbers
        ({"source": 42}, "42", None),
    ],
)
def test_source_and_difficulty(fields, source, difficulty):
    meta = row_to_problem(row(**fields), Path("x")).meta
    assert (meta.get("source"), meta.get("difficulty")) == (source, difficulty)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": ["a"]}, "name"),
        ({"description": None}, "description"),
        ({"public_tests": "1 2"}, "public_tests"),
        ({"public_tests": [["1", "2"]]}, "public_tests[0]"),
        ({"generated_tests": {"input": "1\n", "output": ["1\n"]}}, "generated_tests"),
        ({"solutions": {"language": [3], "solution": [None]}}, "solutions.solution[0]"),
        ({"incorrect_solutions": {"language": [3, 3], "solution": ["x"]}}, "incorrect_solutions"),
        ({"cf_rating": "high"}, "cf_rating"),
        ({"source": [2]}, "source"),
    ],
)
def test_malformed_row_fields(fields, field):
    with pytest.raises(ProblemError) as info:
        row_to_problem(row(**fields), Path("rows.jsonl"), line=9)
    assert (info.value.field, info.value.line) == (field, 9)
    assert str(info.value).startswith("rows.jsonl:9")


# -- descriptions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "parts"),
    [
        (
            "Legend.\n\nInput\n\nIn.\n\nOutput\n\nOut.\n\nExamples\n\nInput\n\n1\n\nOutput\n\n2\n\nNote\n\nN.",
            ("Legend.", "In.", "Out.", "N."),
        ),
        (
            "Legend.\nInput:\nIn.\nOutput:\nOut.\nConstraints\nc ≤ 1\nExample\nInput:\n1\nOutput:\n2\nExplanation\nE.",
            ("Legend.", "In.\nConstraints\nc ≤ 1", "Out.", "E."),
        ),
        (
            "Legend.\nConstraints\nc ≤ 1\nInput\nIn.\nOutput\nOut.\nSample Input 1\n1\nSample Output 1\n2\n",
            ("Legend.", "Constraints\nc ≤ 1\nIn.", "Out.", ""),
        ),
        ("Legend.\nSAMPLE INPUT\n1\nSAMPLE OUTPUT\n2\n", ("Legend.", "", "", "")),
        ("Only a legend.", ("Only a legend.", "", "", "")),
    ],
)
def test_split_description(description, parts):
    assert split_description(description) == parts
