"""Candidates: the JSONL record, the normalisation behind candidate ids, deduplication."""

from __future__ import annotations

import pytest

from alphasolve.candidate import Candidate, candidate_id, dedupe, normalise_code


def make(code: str, language: str = "python3", ll: float = -3.0) -> Candidate:
    return Candidate.create(
        problem_id="p",
        language=language,
        code=code,
        rating=1200,
        tags=("math", "greedy"),
        temperature=0.5,
        seed=11,
        log_likelihood=ll,
        num_tokens=9,
    )


def test_json_round_trip() -> None:
    cand = make("print('é')\n")
    line = cand.to_json()
    assert "\n" not in line
    assert Candidate.from_json(line) == cand
    assert Candidate.from_json(line).tags == ("math", "greedy")


# (language, a, b, same program?)
CASES = [
    ("python3", "a=b+1\nprint(a)\n", "a = b + 1\n\n\nprint( a )   # done\n", True),
    ("python3", "# header comment\nx = 1\n", "x = 1", True),
    ("python3", "if x:\n    y = 1\n", "if x:\n  y = 1\n", False),  # indentation is syntax
    ("python3", "if x:\n    y = 1\nz = 2\n", "if x:\n    y = 1\n    z = 2\n", False),
    ("python3", "print('a b')", "print('ab')", False),  # spaces inside strings count
    ("python3", "print('#not a comment')", "print('')", False),
    ("python3", "return x", "returnx", False),
    ("python3", 's = """a\n  b"""\n', 's = """a\nb"""\n', False),
    ("cpp17", "int main(){return 0;}", "int main() {\n    return 0; // ok\n}\n", True),
    ("cpp17", "/* a\nblock */ int x;", "int x;", True),
    (
        "cpp17",
        '#include <cstdio>\nint main(){puts("a  b");}',
        '#include <cstdio>\nint main(){puts("a b");}',
        False,
    ),
    (
        "cpp17",
        "#include <cstdio>\nint x;",
        "#include <cstdio> int x;",
        False,
    ),  # a directive ends at its line
    ("cpp17", "char c = '/';  // slash", "char c='/';", True),
    ("cpp17", "long long x;", "longlong x;", False),
]


@pytest.mark.parametrize(("language", "a", "b", "same"), CASES)
def test_normalisation(language: str, a: str, b: str, same: bool) -> None:
    assert (normalise_code(a, language) == normalise_code(b, language)) is same
    assert (candidate_id(language, a) == candidate_id(language, b)) is same


def test_normalised_python_keeps_structure() -> None:
    code = "def f(x):  # doc\n\n    return x+1\nprint(f( 2 ))\n"
    assert normalise_code(code, "python3") == "def f(x):\n    return x+1\nprint(f(2))"


def test_language_is_part_of_the_id() -> None:
    assert candidate_id("python3", "x") != candidate_id("cpp17", "x")


def test_dedupe_keeps_first_of_each_program() -> None:
    cands = [make("x=1", ll=-1), make("x = 1  # same", ll=-2), make("x=2"), make("x=1", ll=-4)]
    kept = dedupe(cands)
    assert [c.code for c in kept] == ["x=1", "x=2"] and kept[0].log_likelihood == -1
