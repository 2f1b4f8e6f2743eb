"""Literal placeholders: the statement's numbers and quoted letters become `<N0>`, `<L0>`...

Why. A small seq2seq model learns the *structure* of unseen compositions well but copies
constants badly: copying digit by digit, "divisible by 23" comes out as `% 2`, and problems
with a constant to copy were almost never solved (docs/model.md has the figures). With
placeholders, a constant is one token whatever its digits, and copying it is choosing which
of a handful of placeholder tokens to write: the same alignment the model already learns for
variable names. This is the classic entity-anonymisation trick of semantic parsing.

The mapping is value-preserving by construction: `unmask(mask(x)) == x` for a statement, and
a program only ever gets a placeholder where the statement has that exact value, so masking
and unmasking never change what a program means. Which occurrences are masked therefore
affects only how easy the target is to learn, never correctness.

Only the prose is masked (name, legend, input and output sections, notes), not the examples:
they are data the program reads, not constants it writes. Test-input prompts are not masked
either: the generated inputs must contain raw numbers.

A model opts in through `alphasolve.json` in its directory (`{"literal_placeholders": true}`,
settings.py), written by scripts/train_default_model.py; any other model sees the statement
unchanged.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from alphasolve.problem import Problem

__all__ = [
    "CODE_NUMBER",
    "MAX_LETTERS",
    "MAX_NUMBERS",
    "PLACEHOLDER_TOKENS",
    "Literals",
    "mask_problem",
    "mask_program",
    "mask_text",
    "undefined_placeholders",
    "unmask",
]

# Corpus statements state at most 10 distinct numbers (constraints included); real ones may
# state more, and those past the cap simply stay as digits.
MAX_NUMBERS = 16
MAX_LETTERS = 6
PLACEHOLDER_TOKENS = tuple(f"<N{i}>" for i in range(MAX_NUMBERS)) + tuple(
    f"<L{i}>" for i in range(MAX_LETTERS)
)

_NUMBER = re.compile(r"\d+")
# A single letter in quotes, as statements and programs write a character constant.
_LETTER = re.compile(r"""(['"])([A-Za-z])\1""")
# An integer token in a program: not part of an identifier, a float or a longer number.
CODE_NUMBER = re.compile(r"(?<![\w.])\d+(?![\w.])")
_PLACEHOLDER = re.compile(r"<([NL])(\d+)>")
# 0 and 1 are everywhere in programs (starts, offsets, "-1 if none") for reasons of their
# own: masking them would teach the model that a statement's "1 <= n" is the 1 in `i + 1`.
_UNMASKED_IN_CODE = frozenset({"0", "1"})


@dataclass(frozen=True)
class Literals:
    """What each placeholder stands for: `numbers[i]` is `<Ni>`, `letters[i]` is `<Li>`."""

    numbers: tuple[str, ...] = ()
    letters: tuple[str, ...] = ()


def _collect(texts: list[str]) -> Literals:
    numbers: list[str] = []
    letters: list[str] = []
    for text in texts:
        for m in _LETTER.finditer(text):
            if m.group(2) not in letters and len(letters) < MAX_LETTERS:
                letters.append(m.group(2))
        for m in _NUMBER.finditer(text):
            if m.group() not in numbers and len(numbers) < MAX_NUMBERS:
                numbers.append(m.group())
    return Literals(tuple(numbers), tuple(letters))


def _mask(text: str, literals: Literals, numbers: re.Pattern[str], keep: frozenset[str]) -> str:
    letter_ids = {v: i for i, v in enumerate(literals.letters)}
    number_ids = {v: i for i, v in enumerate(literals.numbers) if v not in keep}

    def letter(m: re.Match[str]) -> str:
        i = letter_ids.get(m.group(2))
        return m.group() if i is None else f"{m.group(1)}<L{i}>{m.group(1)}"

    def number(m: re.Match[str]) -> str:
        i = number_ids.get(m.group())
        return m.group() if i is None else f"<N{i}>"

    # Numbers first: a letter placeholder's own digit (`<L1>`) must not be masked again.
    return _LETTER.sub(letter, numbers.sub(number, text))


def mask_text(text: str, literals: Literals) -> str:
    """`text` with every number and quoted letter that `literals` knows replaced."""
    return _mask(text, literals, _NUMBER, frozenset())


def mask_problem(problem: Problem, rng: random.Random | None = None) -> tuple[Problem, Literals]:
    """The problem with its prose masked (placeholders numbered in reading order, equal
    values sharing one), and the mapping back.

    With `rng`, the numbers and the letters are numbered in a random order instead (still
    <N0>..<Nk-1>). Why: numbered in reading order, "the second number is the multiplier" is a
    shortcut training rewards, and the model takes it: on nested filters ("not equal to
    966433 and not divisible by 35; multiply by 72") it wrote `x * <N1>` (35), where one filter
    puts the multiplier. A random numbering leaves only the words around a placeholder to
    tell which constant it is."""
    fields = ("name", "statement", "input_spec", "output_spec", "notes")
    literals = _collect([getattr(problem, f) for f in fields])
    if rng is not None:
        numbers, letters = list(literals.numbers), list(literals.letters)
        rng.shuffle(numbers)
        rng.shuffle(letters)
        literals = Literals(tuple(numbers), tuple(letters))
    masked = {f: mask_text(getattr(problem, f), literals) for f in fields}
    return replace(problem, **masked), literals


def mask_program(code: str, literals: Literals) -> str:
    """A training target in the masked model's terms: each integer token and quoted letter
    whose exact value the statement states becomes its placeholder (except 0 and 1)."""
    return _mask(code, literals, CODE_NUMBER, _UNMASKED_IN_CODE)


def unmask(text: str, literals: Literals) -> str:
    """Placeholders back to the values they stand for; one the statement does not define
    (a model's invention) is left as written, and the program fails as it should."""

    def value(m: re.Match[str]) -> str:
        pool = literals.numbers if m.group(1) == "N" else literals.letters
        i = int(m.group(2))
        return pool[i] if i < len(pool) else m.group()

    return _PLACEHOLDER.sub(value, text)


def undefined_placeholders(literals: Literals) -> tuple[str, ...]:
    """The placeholder tokens a statement with `literals` does not define. A program using
    one cannot be right (unmask leaves it as written), so the sampler never draws them: a
    statement whose two letters are both 'f' defines only <L0>, and a model used to two
    letters otherwise writes <L1> for the second in most of its samples."""
    return tuple(
        t
        for t in PLACEHOLDER_TOKENS
        if int(t[2:-1]) >= len(literals.numbers if t[1] == "N" else literals.letters)
    )
