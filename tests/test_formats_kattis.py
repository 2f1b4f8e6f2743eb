"""The Kattis / ICPC package loader and the LaTeX statement renderer, on fixture packages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alphasolve.errors import ProblemError
from alphasolve.formats import find_format, iter_problems, kattis
from alphasolve.formats.latex import latex_to_text, render_markdown_math, split_latex_statement
from alphasolve.problem import CheckerKind, Convention, Problem, SolutionKind

FIXTURES = Path(__file__).parent / "fixtures" / "kattis"
BROKEN = FIXTURES / "broken"


def load(path: Path) -> Problem | ProblemError:
    (item,) = list(kattis.load(path))
    return item


def load_ok(path: Path) -> Problem:
    item = load(path)
    assert isinstance(item, Problem), str(item)
    return item


def load_error(path: Path) -> ProblemError:
    item = load(path)
    assert isinstance(item, ProblemError), f"expected an error, loaded {item.id}"
    return item


def make_package(root: Path, files: dict[str, str | bytes]) -> Path:
    """A package written file by file; every package gets one secret test unless given."""
    files = {"data/secret/1.in": "1\n", "data/secret/1.ans": "2\n", **files}
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    return root


# -- the fixture packages -------------------------------------------------------------------


def test_registry_picks_the_kattis_loader():
    for name in ("legacy-hello", "legacy-floats", "new-format", "custom-validator"):
        assert find_format(FIXTURES / name) is kattis
    assert not kattis.matches(FIXTURES / "legacy-hello" / "data")
    assert not kattis.matches(FIXTURES / "legacy-hello" / "problem.yaml")


def test_legacy_hello():
    p = load_ok(FIXTURES / "legacy-hello")
    assert (p.id, p.name, p.source_format) == ("legacy-hello", "Greeting Groups", "kattis")
    assert [t.name for t in p.examples] == ["1", "2"]
    assert {t.group for t in p.examples} == {"sample"}
    # test groups are sub-directories, numbered naturally (9 before 10)
    assert [(t.name, t.group) for t in p.hidden_tests] == [
        ("00-tiny", "secret"),
        ("group1/01", "secret/group1"),
        ("group1/02", "secret/group1"),
        ("group2/9", "secret/group2"),
        ("group2/10", "secret/group2"),
    ]
    assert p.time_limit == 2.5  # from .timelimit
    assert p.memory_limit == 512
    assert p.checker.kind is CheckerKind.TOKENS and not p.checker.case_sensitive
    assert p.tags == ("strings", "greeting")
    assert p.warnings == ()
    assert p.meta["problem_format_version"] == "legacy"
    assert p.meta["license"] == "cc0"
    assert [(s.name, s.language, s.kind) for s in p.solutions] == [
        ("accepted/greet.cpp", "cpp17", SolutionKind.ACCEPTED),
        ("accepted/greet.py", "python3", SolutionKind.ACCEPTED),
        ("wrong_answer/no_comma.py", "python2", SolutionKind.WRONG_ANSWER),  # by its shebang
    ]
    assert p.statement.startswith("Every morning the club secretary greets")
    assert "down — one per member. She is very particular" in p.statement
    assert "(1 ≤ n ≤ 100)" in p.input_spec and "letters a–z (50% of the tests" in p.input_spec
    assert "Output" not in p.input_spec
    assert p.output_spec.splitlines()[-3:] == [
        "- the word Hello,",
        "- a space and the name,",
        "- an exclamation mark.",
    ]
    assert p.examples[0].input.text() == "2\nada\nbob\n"
    assert p.examples[0].answer is not None and p.examples[0].answer.text().startswith(
        "Hello, ada!"
    )


def test_test_data_is_loaded_lazily():
    p = load_ok(FIXTURES / "legacy-hello")
    for test in p.examples + p.hidden_tests:
        assert test.input.data is None and test.input.path is not None
        assert test.answer is not None and test.answer.data is None
        assert test.answer.path == test.input.path.with_suffix(".ans")
    assert all(s.source.data is None and s.source.path for s in p.solutions)


def test_legacy_floats_flags_and_domjudge_ini():
    p = load_ok(FIXTURES / "legacy-floats")
    assert p.name == "Fence Around a Pond"
    assert p.time_limit == 3.0  # timelimit='3' in domjudge-problem.ini
    assert p.memory_limit == kattis.DEFAULT_MEMORY_LIMIT
    assert p.checker.kind is CheckerKind.FLOATS
    assert (p.checker.abs_tol, p.checker.rel_tol) == (1e-6, 1e-6)
    assert not p.checker.case_sensitive
    assert (len(p.examples), len(p.hidden_tests)) == (1, 2)
    assert "(0 < r ≤ 10^4)" in p.input_spec  # problem.tex, no language suffix
    assert "error of 10^-6 are accepted" in p.output_spec


def test_new_format():
    p = load_ok(FIXTURES / "new-format")
    assert p.name == "Sum of Squares"  # the English one of the name mapping
    assert (p.time_limit, p.memory_limit) == (1.5, 1024)
    assert p.tags == ("math", "loops")
    assert p.meta["problem_format_version"] == "2023-07-draft"
    assert [t.name for t in p.hidden_tests] == ["large", "small"]
    # output_validator_args in data/secret/test_group.yaml
    assert p.checker.kind is CheckerKind.TOKENS and p.checker.case_sensitive
    assert p.statement == "Compute 1^2 + 2^2 + … + n^2."
    assert p.input_spec == "One integer n (1 ≤ n ≤ 1000)."  # {{max_n}} is a constant
    assert "`x$2$y`" in p.output_spec  # code spans are left alone
    assert p.notes == "For n = 2 the sum is 1 + 4 = 5."
    assert [s.kind for s in p.solutions] == [SolutionKind.ACCEPTED, SolutionKind.TIME_LIMIT]
    assert p.warnings == ()


def test_custom_validator():
    p = load_ok(FIXTURES / "custom-validator")
    root = FIXTURES / "custom-validator"
    assert p.checker.kind is CheckerKind.CUSTOM
    assert p.checker.convention is Convention.KATTIS
    assert p.checker.program == root / "output_validators" / "checker" / "validate.py"
    assert p.checker.args == ("distinct",)
    assert p.time_limit == 2.0  # `timelimit = 2`, unquoted
    assert [(s.name, s.kind) for s in p.solutions] == [
        ("accepted/one_and_rest.py", SolutionKind.ACCEPTED),
        ("wrong_answer/halves.py", SolutionKind.WRONG_ANSWER),
    ]


@pytest.mark.parametrize(("output", "code"), [("1 9\n", 42), ("5 5\n", 43), ("nine\n", 43)])
def test_custom_validator_fixture_follows_the_kattis_convention(tmp_path, output, code):
    p = load_ok(FIXTURES / "custom-validator")
    test = p.hidden_tests[0]
    assert p.checker.program is not None and test.answer is not None
    argv = [str(p.checker.program), str(test.input.path), str(test.answer.path), f"{tmp_path}/"]
    run = subprocess.run(
        [sys.executable, *argv, *p.checker.args], input=output, text=True, timeout=30
    )
    assert run.returncode == code


def test_interactive_packages_load_with_their_interactor():
    legacy = load_ok(FIXTURES / "interactive")  # validation: custom interactive
    assert legacy.interactive and legacy.interactor is not None
    assert legacy.interactor.convention is Convention.KATTIS
    assert legacy.interactor.program == FIXTURES / "interactive/output_validators/judge/judge.py"
    assert legacy.checker.kind is CheckerKind.TOKENS  # the interactor alone judges
    draft = load_ok(FIXTURES / "interactive-2023")  # type: interactive
    assert draft.interactive
    assert draft.interactor.program == FIXTURES / "interactive-2023/output_validator/judge.py"


def test_interactive_without_interactor_is_an_error(tmp_path):
    root = make_package(tmp_path / "p", {"problem.yaml": "type: interactive\n"})
    err = load_error(root)
    assert err.field == "type" and "needs its interactor" in str(err)


def test_missing_time_limit_is_defaulted_and_said():
    p = load_ok(FIXTURES / "no-timelimit")
    assert p.time_limit == kattis.DEFAULT_TIME_LIMIT
    assert any("no time limit" in w and "default" in w for w in p.warnings)


def test_iter_problems_over_the_fixture_tree():
    items = list(iter_problems([FIXTURES]))
    loaded = sorted(p.id for p in items if isinstance(p, Problem))
    assert loaded == [
        "custom-validator",
        "guess",
        "interactive",
        "interactive-2023",
        "legacy-floats",
        "legacy-hello",
        "new-format",
        "no-timelimit",
    ]
    errors = [e for e in items if isinstance(e, ProblemError)]
    assert len(errors) == len(list(BROKEN.iterdir()))  # every broken one


# -- broken packages: each error names the file and the field or line ----------------------

BROKEN_CASES = [
    ("bad-yaml", "problem.yaml", {"line": 3}, "invalid YAML"),
    ("missing-ans", "data/secret/group1/3.in", {}, "no answer file 3.ans"),
    ("orphan-ans", "data/secret/4.ans", {}, "no input file 4.in"),
    ("negative-time-limit", "problem.yaml", {"field": "limits.time_limit"}, "must be positive"),
    ("bad-memory", "problem.yaml", {"field": "limits.memory"}, "expected a number"),
    ("limits-not-mapping", "problem.yaml", {"field": "limits"}, "expected a mapping"),
    ("name-not-string", "problem.yaml", {"field": "name"}, "expected a string"),
    ("bad-timelimit-file", ".timelimit", {}, "expected a number of seconds, got 'fast'"),
    ("bad-domjudge-ini", "domjudge-problem.ini", {"field": "timelimit", "line": 2}, "'soon'"),
    ("unknown-validator-flag", "problem.yaml", {"field": "validator_flags"}, "'float_tolerence'"),
    ("float-flag-without-value", "problem.yaml", {"field": "validator_flags"}, "needs a value"),
    ("java-validator", "output_validators/checker/Validate.java", {}, "language is not supported"),
    ("two-validators", "output_validators", {}, "several output validators"),
    ("ambiguous-validator", "output_validators/checker", {}, "which of one.cpp, two.cpp"),
    ("build-script-validator", "output_validator", {}, "build/run scripts are not supported"),
    ("custom-without-validator", "problem.yaml", {"field": "validation"}, "no output_validators"),
    ("unknown-type", "problem.yaml", {"field": "type"}, "unknown problem type 'pvp'"),
    ("multi-pass", "problem.yaml", {"field": "type"}, "multi-pass problems are not supported"),
    (
        "interaction-sample",
        "data/sample/1.interaction",
        {},
        "but problem.yaml does not say so",
    ),
]


@pytest.mark.parametrize(("name", "file", "where", "message"), BROKEN_CASES, ids=lambda c: str(c))
def test_broken_package(name, file, where, message):
    err = load_error(BROKEN / name)
    assert err.path == BROKEN / name / file
    assert err.field == where.get("field")
    assert err.line == where.get("line")
    text = str(err)
    assert str(BROKEN / name / file) in text and message in text
    if "field" in where:
        assert f"field {where['field']!r}" in text


def test_every_broken_fixture_has_a_case():
    assert sorted(c[0] for c in BROKEN_CASES) == sorted(p.name for p in BROKEN.iterdir())


def test_statement_that_is_not_utf8(tmp_path):
    root = make_package(
        tmp_path / "latin1",
        {"problem.yaml": "name: Latin\n", "problem_statement/problem.en.tex": b"caf\xe9\n"},
    )
    err = load_error(root)
    assert err.path == root / "problem_statement" / "problem.en.tex"
    assert "not valid UTF-8" in str(err)


def test_bad_flags_in_testdata_yaml_name_that_file(tmp_path):
    root = make_package(
        tmp_path / "p",
        {"problem.yaml": "name: P\n", "data/testdata.yaml": "output_validator_flags: loose\n"},
    )
    err = load_error(root)
    assert (err.path, err.field) == (root / "data" / "testdata.yaml", "output_validator_flags")


# -- variants built in tmp_path -------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "kind", "case_sensitive", "abs_tol", "rel_tol"),
    [
        ("", CheckerKind.TOKENS, False, 0.0, 0.0),
        ("case_sensitive", CheckerKind.TOKENS, True, 0.0, 0.0),
        ("space_change_sensitive", CheckerKind.EXACT, False, 0.0, 0.0),
        ("float_absolute_tolerance 1e-3", CheckerKind.FLOATS, False, 1e-3, 0.0),
        ("case_sensitive float_relative_tolerance 0.01", CheckerKind.FLOATS, True, 0.0, 0.01),
        (
            "float_absolute_tolerance 1e-3 float_relative_tolerance 1e-5",
            CheckerKind.FLOATS,
            False,
            1e-3,
            1e-5,
        ),
    ],
)
def test_default_validator_flags(tmp_path, flags, kind, case_sensitive, abs_tol, rel_tol):
    root = make_package(tmp_path / "p", {"problem.yaml": f"name: P\nvalidator_flags: '{flags}'\n"})
    c = load_ok(root).checker
    assert (c.kind, c.case_sensitive, c.abs_tol, c.rel_tol) == (
        kind,
        case_sensitive,
        abs_tol,
        rel_tol,
    )


def test_legacy_testdata_yaml_flags_in_map_form(tmp_path):
    root = make_package(
        tmp_path / "p",
        {
            "problem.yaml": "name: P\n",
            "data/testdata.yaml": "output_validator_flags: {name: default, flags: float_tolerance 1e-4}\n",
        },
    )
    c = load_ok(root).checker
    assert (c.kind, c.abs_tol, c.rel_tol) == (CheckerKind.FLOATS, 1e-4, 1e-4)


def test_subgroup_with_its_own_flags_is_reported(tmp_path):
    root = make_package(
        tmp_path / "p",
        {
            "problem.yaml": "name: P\n",
            "data/secret/g1/1.in": "1\n",
            "data/secret/g1/1.ans": "1\n",
            "data/secret/g1/testdata.yaml": "output_validator_flags: case_sensitive\n",
        },
    )
    p = load_ok(root)
    assert not p.checker.case_sensitive
    assert any("secret/g1" in w and "not applied" in w for w in p.warnings)


def test_cpp_validator_with_headers_picks_the_file_with_main(tmp_path):
    root = make_package(
        tmp_path / "p",
        {
            "problem.yaml": "name: P\nvalidation: custom\nvalidator_flags: strict\n",
            "output_validators/v/validate.h": "void accept();\n",
            "output_validators/v/helpers.cpp": "int twice(int x) { return 2 * x; }\n",
            "output_validators/v/validate.cc": '#include "validate.h"\nint main() { return 42; }\n',
        },
    )
    c = load_ok(root).checker
    assert c.program == root / "output_validators" / "v" / "validate.cc"
    assert c.args == ("strict",)


@pytest.mark.parametrize("layout", ["output_validator/check.py", "output_validator/named/check.py"])
def test_2023_07_output_validator(tmp_path, layout):
    root = make_package(
        tmp_path / "p",
        {
            "problem.yaml": "problem_format_version: 2023-07-draft\nname: P\n",
            "data/secret/test_group.yaml": "output_validator_args: [float_tolerance, '1e-6']\n",
            layout: "import sys\n\nsys.exit(42)\n",
        },
    )
    c = load_ok(root).checker
    assert (c.kind, c.convention, c.program) == (
        CheckerKind.CUSTOM,
        Convention.KATTIS,
        root / layout,
    )
    assert c.args == ("float_tolerance", "1e-6")


def test_legacy_default_validation_ignores_a_validator_directory(tmp_path):
    root = make_package(
        tmp_path / "p",
        {"problem.yaml": "name: P\n", "output_validators/check.py": "import sys\n"},
    )
    p = load_ok(root)
    assert p.checker.kind is CheckerKind.TOKENS
    assert any("output_validators/ ignored" in w for w in p.warnings)


def test_scoring_problem_loads_with_a_warning(tmp_path):
    root = make_package(
        tmp_path / "p",
        {"problem.yaml": "problem_format_version: 2023-07-draft\nname: P\ntype: scoring\n"},
    )
    assert any("scoring problem" in w for w in load_ok(root).warnings)


def test_package_without_problem_yaml(tmp_path):
    root = make_package(
        tmp_path / "quiet",
        {"problem_statement/problem.en.tex": "\\problemname{Quiet Problem}\nSay nothing.\n"},
    )
    p = load_ok(root)
    assert (p.id, p.name, p.statement) == ("quiet", "Quiet Problem", "Say nothing.")
    assert any("no problem.yaml" in w for w in p.warnings)


@pytest.mark.parametrize(
    ("files", "warning"),
    [
        ({}, "no problem statement"),
        ({"problem_statement/problem.en.pdf": b"%PDF-1.4\n"}, "only a PDF"),
        (
            {"statement/problem.sv.md": "Hej.\n"},
            "no English statement: using statement/problem.sv.md",
        ),
        ({"submissions/accepted/multi/main.py": "print(1)\n"}, "multi-file submissions not kept"),
    ],
)
def test_things_assumed_are_warned_about(tmp_path, files, warning):
    root = make_package(tmp_path / "p", {"problem.yaml": "name: P\n", **files})
    assert any(warning in w for w in load_ok(root).warnings)


def test_name_and_time_limit_from_domjudge_ini(tmp_path):
    root = make_package(
        tmp_path / "p",
        {
            "problem_statement/problem.en.md": "Add one.\n",
            "domjudge-problem.ini": 'name = "Plus One"\ntimelimit = "0.5"\n',
        },
    )
    p = load_ok(root)
    assert (p.name, p.time_limit) == ("Plus One", 0.5)


def test_other_languages_keep_their_names(tmp_path):
    root = make_package(
        tmp_path / "p",
        {
            "problem.yaml": "name: P\n",
            "submissions/accepted/Main.java": "class Main {}\n",
            "submissions/run_time_error/crash.c": "int main(void) { return 1; }\n",
            "submissions/accepted/sol.zig": "pub fn main() void {}\n",
        },
    )
    sols = {s.name: (s.language, s.kind) for s in load_ok(root).solutions}
    assert sols == {
        "accepted/Main.java": ("java", SolutionKind.ACCEPTED),
        "accepted/sol.zig": ("zig", SolutionKind.ACCEPTED),
        "run_time_error/crash.c": ("c", SolutionKind.RUN_TIME_ERROR),
    }


def test_copied_fixture_keeps_its_directory_name_as_id(tmp_path):
    copy = tmp_path / "renamed-package"
    shutil.copytree(FIXTURES / "legacy-floats", copy)
    assert load_ok(copy).id == "renamed-package"


# -- LaTeX to text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"$1 \le n \le 10^{5}$", "1 ≤ n ≤ 10^5"),
        (r"$a_{i+1} \neq a_i$, $2^{n-1}$, $10^{-9}$", "a_(i+1) ≠ a_i, 2^(n-1), 10^-9"),
        (r"$2\cdot 10^5$ and $3 \times 4$", "2 · 10^5 and 3 × 4"),
        (r"\(x \geq 0\) and \[y\]", "x ≥ 0 and\n\ny"),
        (r"$\frac{n(n-1)}{2}$ or $\frac{a}{b}$", "(n(n-1))/2 or a/b"),
        (r"$O(n \log n)$, $\lfloor x \rfloor$, $\{1, \ldots, n\}$", "O(n log n), ⌊ x ⌋, {1, …, n}"),
        (r"$\left( \sum_{i=1}^{n} a_i \right) \bmod m$", "(Σ_(i=1)^n a_i) mod m"),
        (r"$\alpha + \beta$ \emph{and} \textbf{bold} \texttt{code}", "α + β and bold code"),
        ("``quoted'' -- a --- b~c \\ldots 50\\%", '"quoted" – a — b c … 50%'),
        ("line one\\\\line two", "line one\nline two"),
        ("one\ntwo\n\nthree", "one two\n\nthree"),
        ("kept % a comment\nhere", "kept here"),
        (r"Caf\'e na\"ive G\"{o}del", "Café naïve Gödel"),
        (r"Gar\c con, \v{S}koda, \ss", "Garçon, Škoda, ß"),
        (
            r"\href{https://x.org}{the site} and \url{https://y.org}",
            "the site (https://x.org) and https://y.org",
        ),
        (r"\unknownmacro{kept text} \vspace{2mm}gone", "kept text gone"),
        (r"\illustration{0.3}{pic.png}{A cave.}Text", "[Illustration: A cave.]\n\nText"),
        (r"\includegraphics[width=3cm]{pic.png}After", "After"),
        ("\\begin{itemize}\n\\item one\n\\item two\n\\end{itemize}", "- one\n- two"),
        ("\\begin{enumerate}\\item a \\item[(x)] b\\end{enumerate}", "1. a\n(x) b"),
        ("\\begin{verbatim}\n  a   b\n\\end{verbatim}", "  a   b"),
        (
            "\\begin{tabular}{|l|r|}\\hline a & b \\\\ \\hline c & d \\\\\\end{tabular}",
            "| a | b |\n| c | d |",
        ),
        (r"\constant{max_n} and $n \le \constant{max_n}$", "100 and n ≤ 100"),
    ],
)
def test_latex_to_text(latex, text):
    assert latex_to_text(latex, {"max_n": 100}) == text


def test_split_latex_statement_2023_07_environments():
    s = split_latex_statement(
        "\\problemname{$x^2$ Sums}\n%% plainproblemname: x^2 Sums\nLegend.\n"
        "\\begin{Input}\nIn.\n\\end{Input}\n\\begin{Output}\nOut.\n\\end{Output}\nAfter.\n"
    )
    assert (s.name, s.legend, s.input_spec, s.output_spec, s.notes) == (
        "x^2 Sums",
        "Legend.",
        "In.",
        "Out.",
        "After.",
    )


def test_split_latex_statement_keeps_other_sections_with_their_titles():
    s = split_latex_statement(
        "\\problemname{P}\nL.\n\\section*{Input}\nI.\n\\section{Output}\nO.\n"
        "\\section*{Scoring}\nS.\n\\section*{Notes}\nN.\n"
    )
    assert (s.name, s.legend, s.input_spec, s.output_spec, s.notes) == (
        "P",
        "L.",
        "I.",
        "O.\n\nScoring\n\nS.",
        "N.",
    )


def test_markdown_math_rendering():
    md = "Find $b+a=c$, $a \\neq b$ and \\(1 \\le C\\).\n\n```\n$kept$\n```\n`$also$` {{k}}\n"
    assert render_markdown_math(md, {"k": 7}) == (
        "Find b+a=c, a ≠ b and 1 ≤ C.\n\n```\n$kept$\n```\n`$also$` 7\n"
    )
