"""Plain records shared by the corpus modules: a problem's meaning (`Spec`), its value
profile, and the finished problem with tests and programs.

A `Spec` is everything that decides what a correct program prints; the statement's wording
is chosen separately (render.py), so two problems with the same spec but different
templates have the same meaning. A wrong program is a `Spec` too: the same spec with one
literal moved, one operator swapped or one `bug` flag set, so its output can be computed in
process with the same semantics code that computes the reference answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Lit = int | str  # an integer literal or a single lowercase letter


class Outcome(StrEnum):
    """What an incorrect variant is expected to get (names match solutions/ sub-dirs)."""

    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT = "time_limit_exceeded"


@dataclass(frozen=True)
class Profile:
    """Value ranges and sizes a problem states and its tests respect."""

    lo: int = 1  # smallest element / number value
    hi: int = 100  # largest element / number value
    n_max: int = 100  # stated max length (array, string) or side (grid)
    t_max: int = 1  # stated max number of test cases (1 = single test)
    big_n: int = 0  # length of the large test for too-slow variants (0 = none)
    alphabet: str = "abcdefghijklmnopqrstuvwxyz"  # letters strings are drawn from


def meaning_id(m: tuple[str, str, str, tuple[str, ...]]) -> str:
    """A meaning as one string, as problems record it (meta.family): "elem:array:stmt:f_div+a_sum"."""
    family, shape, lit_src, blocks = m
    return f"{family}:{shape}:{lit_src}:{'+'.join(blocks)}"


@dataclass(frozen=True)
class Spec:
    """A problem's meaning: family, input shape, pipeline of blocks and their literals.

    `lits[i]` holds the literals of `blocks[i]`. `lit_src == "input"` means the (single)
    literal is read from the input as `k` instead of being written in the statement.
    `bug` names a code-level mistake (off by one, missed edge case, quadratic loop) that the
    family knows how to write and to evaluate; None for a correct program.
    """

    family: str
    shape: str
    blocks: tuple[str, ...]
    lits: tuple[tuple[Lit, ...], ...]
    profile: Profile
    lit_src: str = "stmt"
    bug: str | None = None

    def meaning(self) -> tuple[str, str, str, tuple[str, ...]]:
        """The literal-free identity used to count meanings and to hold compositions out."""
        return (self.family, self.shape, self.lit_src, self.blocks)

    def family_id(self) -> str:
        return meaning_id(self.meaning())

    def literals(self) -> list[Lit]:
        """Literals written in the statement (none when they come from the input)."""
        if self.lit_src == "input":
            return []
        return [v for group in self.lits for v in group]


@dataclass(frozen=True)
class Variant:
    """An incorrect program: a mutated spec, the outcome it must get, and its language."""

    name: str  # e.g. "wrong_literal", "wrong_operator", "off_by_one", "missed_edge", "quadratic"
    spec: Spec | None  # None when read back from files
    outcome: Outcome
    languages: tuple[str, ...]  # languages it is written in ("python3", "cpp17")


@dataclass(frozen=True)
class Test:
    name: str
    input: str
    answer: str


@dataclass
class BuiltProblem:
    """A finished problem: statement parts, tests, programs and metadata."""

    id: str
    name: str
    legend: str
    input_spec: str
    output_spec: str
    examples: list[Test]
    tests: list[Test]
    solutions: dict[str, str]  # language -> code
    incorrect: list[tuple[Variant, dict[str, str]]]  # variant, language -> code
    time_limit: float
    rating: int
    tags: list[str]
    meta: dict[str, object] = field(default_factory=dict)
    gen_inputs: list[str] = field(default_factory=list)  # extra valid inputs (TEST INPUT task)

    def full_statement(self) -> str:
        """The text the model reads; same layout as alphasolve's Problem.full_statement()."""
        parts = [self.name, "", self.legend.strip()]
        parts += ["", "Input", self.input_spec.strip()]
        parts += ["", "Output", self.output_spec.strip()]
        for i, ex in enumerate(self.examples, 1):
            parts += ["", f"Example {i}", "Input:", ex.input.rstrip("\n")]
            parts += ["Output:", ex.answer.rstrip("\n")]
        return "\n".join(parts) + "\n"
