"""Literal placeholders (alphasolve/model/literals.py): what is masked, that unmasking gives
back exactly what was masked."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from alphasolve.formats import load_problem
from alphasolve.model.literals import (
    MAX_NUMBERS,
    PLACEHOLDER_TOKENS,
    Literals,
    mask_problem,
    mask_program,
    mask_text,
    undefined_placeholders,
    unmask,
)
from tests.conftest import REPO

CORPUS = sorted((REPO / "problems" / "corpus").glob("*/*/problem.yaml"))


def test_busy_cells_constants_become_placeholders_in_statement_and_program() -> None:
    problem = load_problem(REPO / "tests" / "fixtures" / "corpus" / "test-0001-busy-cells")
    masked, literals = mask_problem(problem)
    # reading order: the legend's 23, 2, 4 first, then the constraints' numbers
    assert literals.numbers[:3] == ("23", "2", "4")
    assert "different from <N0> and not divisible by <N1>" in masked.statement
    assert "at least <N2> such cells" in masked.statement
    for prose in (masked.statement, masked.input_spec):  # no digit outside a placeholder
        assert not re.search(r"\d", re.sub(r"<[NL]\d+>", "", prose))
    # the examples are data the program reads: untouched
    assert masked.examples == problem.examples
    python = next(s for s in problem.solutions if s.language == "python3").source.text()
    program = mask_program(python, literals)
    assert "<N0>" in program and "<N1>" in program and "<N2>" in program
    assert unmask(program, literals) == python


def test_random_numbering_is_a_permutation_that_round_trips() -> None:
    problem = load_problem(REPO / "tests" / "fixtures" / "corpus" / "test-0001-busy-cells")
    plain, ordered = mask_problem(problem)
    python = next(s for s in problem.solutions if s.language == "python3").source.text()
    seen = set()
    for seed in range(20):
        masked, literals = mask_problem(problem, random.Random(seed))
        assert sorted(literals.numbers) == sorted(ordered.numbers)  # the same constants
        assert masked == mask_problem(problem, random.Random(seed))[0]  # seeded: repeatable
        assert unmask(masked.full_statement(), literals) == problem.full_statement()
        program = mask_program(python, literals)
        assert unmask(program, literals) == python
        # the placeholder in "divisible by <Ni>" is the one the program's `%` uses
        i = literals.numbers.index("2")
        assert f"not divisible by <N{i}>" in masked.statement and f"% <N{i}>" in program
        # still <N0>..<Nk-1>: what the statement defines is what the sampler may draw
        assert undefined_placeholders(literals) == undefined_placeholders(ordered)
        seen.add(literals.numbers[:3])
    assert len(seen) > 5  # the numbering really varies: "23" is not always <N0>
    assert plain == mask_problem(problem, None)[0]


def test_letters_and_negative_numbers() -> None:
    literals = Literals(numbers=("8", "1"), letters=("m",))
    text = "Keep letters not before 'm' and values above -8; numbered from 1."
    assert mask_text(text, literals) == (
        "Keep letters not before '<L0>' and values above -<N0>; numbered from <N1>."
    )
    code = 'if c >= "m" and x > -8 and i + 1 > 8.5:\n    v18 = 1'
    # 0 and 1 stay digits in programs; identifiers and floats are never touched
    assert mask_program(code, literals) == (
        'if c >= "<L0>" and x > -<N0> and i + 1 > 8.5:\n    v18 = 1'
    )


def test_a_letter_placeholder_digit_is_not_masked_again() -> None:
    # '<L1>' holds a 1; with "1" a known number it must not become '<L<N0>>'
    literals = Literals(numbers=("1",), letters=("z", "a"))
    text = "after 'z' comes 'a', numbered from 1"
    masked = mask_text(text, literals)
    assert masked == "after '<L0>' comes '<L1>', numbered from <N0>"
    assert unmask(masked, literals) == text


def test_numbers_past_the_cap_stay_digits() -> None:
    problem = load_problem(REPO / "problems" / "two-gifts")
    many = " ".join(str(100 + i) for i in range(MAX_NUMBERS + 4))
    masked, literals = mask_problem(replace(problem, statement=many))
    assert len(literals.numbers) == MAX_NUMBERS
    assert masked.statement.split()[-1] == str(100 + MAX_NUMBERS + 3)
    assert (
        unmask(masked.full_statement(), literals)
        == replace(problem, statement=many).full_statement()
    )


def test_unknown_placeholder_is_left_as_written() -> None:
    assert unmask("print(<N7> + <L3>)", Literals(("5",), ())) == "print(<N7> + <L3>)"


def test_undefined_placeholders_are_those_past_the_statements_literals() -> None:
    _, literals = mask_problem(
        load_problem(REPO / "tests/fixtures/corpus/test-0055-lucky-positions")
    )
    assert literals.letters == ("f",)  # 'f' followed by 'f': one letter, one placeholder
    banned = undefined_placeholders(literals)
    assert "<L0>" not in banned and "<L1>" in banned
    assert [t for t in PLACEHOLDER_TOKENS if t not in banned] == [
        f"<N{i}>" for i in range(len(literals.numbers))
    ] + ["<L0>"]
    assert undefined_placeholders(Literals()) == PLACEHOLDER_TOKENS


@pytest.mark.parametrize("split", ["valid", "test"])
def test_masking_round_trips_on_every_committed_corpus_problem(split: str) -> None:
    paths = [p for p in CORPUS if p.parent.parent.name == split]
    assert len(paths) >= 60
    for path in paths:
        problem = load_problem(path.parent)
        masked, literals = mask_problem(problem)
        assert unmask(masked.full_statement(), literals) == problem.full_statement(), path
        for solution in problem.solutions:
            code = solution.source.text()
            assert unmask(mask_program(code, literals), literals) == code, path
