"""The encoder's input: AlphaCode's metadata header plus the statement.

One definition used by training (true metadata, CORRECT or INCORRECT) and by sampling
(random rating and tags per prompt group, always CORRECT). Pure functions; randomness comes
in as a `random.Random` so a work unit's seed fixes every draw.

    # RATING: 1200
    # TAGS: greedy,math
    # LANGUAGE IS python3
    # CORRECT SOLUTION
    <Problem.full_statement()>
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from alphasolve.problem import Problem
from judges.executors import get_executor, source_languages

__all__ = [
    "CHAT_NAMES",
    "CORRECT",
    "INCORRECT",
    "LANGUAGES",
    "RATINGS",
    "TAGS",
    "TASK_MARKERS",
    "TEST_INPUT",
    "LanguageSplit",
    "PromptMeta",
    "chat_solution_request",
    "chat_test_input_request",
    "closes_block",
    "draw_meta",
    "first_code_block",
    "solution_prompt",
    "test_input_prompt",
    "training_meta",
]

CORRECT = "CORRECT SOLUTION"
INCORRECT = "INCORRECT SOLUTION"
TEST_INPUT = "TEST INPUT"
# Single tokens in the project's tokenizer (see tokenizer.py), plain text for any other model.
TASK_MARKERS = (CORRECT, INCORRECT, TEST_INPUT)

# The languages programs are sampled in (the executors' source languages, not other
# runtimes of one) and the line-comment prefix each declares.
LANGUAGES = {name: get_executor(name).syntax.comment_prefix for name in source_languages()}

# How a chat turn names each language, and the info string of its fenced code block.
CHAT_NAMES = {"python3": ("Python 3", "python"), "cpp17": ("C++17", "cpp")}

# AlphaCode draws ratings "uniformly from 800 to 3500 in increments of 100".
RATINGS = tuple(range(800, 3501, 100))

# Codeforces problem tags (their spelling: "sortings", "dfs and similar"); AlphaCode joins a
# set with "," and no space. Interactive problems are out of scope, so no "interactive".
TAGS = (
    "2-sat",
    "binary search",
    "bitmasks",
    "brute force",
    "chinese remainder theorem",
    "combinatorics",
    "constructive algorithms",
    "data structures",
    "dfs and similar",
    "divide and conquer",
    "dp",
    "dsu",
    "expression parsing",
    "fft",
    "flows",
    "games",
    "geometry",
    "graph matchings",
    "graphs",
    "greedy",
    "hashing",
    "implementation",
    "math",
    "matrices",
    "meet-in-the-middle",
    "number theory",
    "probabilities",
    "schedules",
    "shortest paths",
    "sortings",
    "string suffix structures",
    "strings",
    "ternary search",
    "trees",
    "two pointers",
)
MAX_RANDOM_TAGS = 3  # a random tag set has 1..3 tags, like most Codeforces problems


@dataclass(frozen=True)
class PromptMeta:
    """The header of a solution prompt."""

    language: str
    rating: int | None = None  # None: the line is left out (a problem without a rating)
    tags: tuple[str, ...] = ()  # empty: the line is left out
    correct: bool = True


@dataclass(frozen=True)
class LanguageSplit:
    """How a sampling budget is split across languages, e.g. python3:0.5,cpp17:0.5."""

    languages: tuple[str, ...]
    weights: tuple[float, ...]  # positive, summing to 1

    @classmethod
    def parse(cls, spec: str) -> LanguageSplit:
        """`"python3:0.5,cpp17:0.5"`; a bare `"cpp17"` means all of the budget."""
        languages: list[str] = []
        weights: list[float] = []
        for part in spec.split(","):
            name, _, weight_text = part.strip().partition(":")
            name = name.strip()
            if name not in LANGUAGES:
                known = ", ".join(LANGUAGES)
                raise ValueError(
                    f"language split {spec!r}: unknown language {name!r} (known: {known})"
                )
            if name in languages:
                raise ValueError(f"language split {spec!r}: {name} appears twice")
            try:
                weight = float(weight_text) if weight_text.strip() else 1.0
            except ValueError:
                raise ValueError(
                    f"language split {spec!r}: weight {weight_text!r} of {name} is not a number"
                ) from None
            if not weight > 0 or weight == float("inf"):
                raise ValueError(f"language split {spec!r}: weight of {name} must be positive")
            languages.append(name)
            weights.append(weight)
        total = sum(weights)
        return cls(tuple(languages), tuple(w / total for w in weights))

    def __str__(self) -> str:
        return ",".join(
            f"{lang}:{w:g}" for lang, w in zip(self.languages, self.weights, strict=True)
        )

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.languages, weights=self.weights)[0]


def draw_meta(rng: random.Random, languages: LanguageSplit) -> PromptMeta:
    """Random sampling-time metadata: AlphaCode found random tags and ratings per sample beat
    the true ones (diversity); the language follows the budget split."""
    language = languages.draw(rng)
    rating = rng.choice(RATINGS)
    tags = tuple(sorted(rng.sample(TAGS, rng.randint(1, MAX_RANDOM_TAGS))))
    return PromptMeta(language=language, rating=rating, tags=tags, correct=True)


def training_meta(problem: Problem, language: str, correct: bool) -> PromptMeta:
    """The header of a training example: the problem's true rating and tags, and whether
    the target program is a correct one (AlphaCode's value conditioning)."""
    return PromptMeta(
        language=language, rating=problem.rating, tags=tuple(problem.tags), correct=correct
    )


def solution_prompt(problem: Problem, meta: PromptMeta) -> str:
    """The encoder input asking for a program in `meta.language`."""
    prefix = LANGUAGES.get(meta.language, "#")
    lines = []
    if meta.rating is not None:
        lines.append(f"RATING: {meta.rating}")
    if meta.tags:
        lines.append(f"TAGS: {','.join(meta.tags)}")
    lines.append(f"LANGUAGE IS {meta.language}")
    lines.append(CORRECT if meta.correct else INCORRECT)
    header = "".join(f"{prefix} {line}\n" for line in lines)
    return header + problem.full_statement()


def test_input_prompt(problem: Problem) -> str:
    """The encoder input asking for one valid test input."""
    return f"{TEST_INPUT}\n{problem.full_statement()}"


def chat_solution_request(problem: Problem, meta: PromptMeta) -> str:
    """The user turn asking an instruction-tuned model for a program: the same metadata as
    the header of solution_prompt, written as instructions."""
    name, _ = CHAT_NAMES.get(meta.language, (meta.language, ""))
    lines = [f"Write a complete {name} program that solves the programming problem below."]
    lines.append("It reads standard input and writes standard output.")
    if meta.rating is not None:
        lines.append(f"The problem's difficulty rating is {meta.rating}.")
    if meta.tags:
        lines.append(f"Its tags are: {', '.join(meta.tags)}.")
    fence = CHAT_NAMES.get(meta.language, ("", ""))[1]
    lines.append(f"Answer with the program in one fenced code block (```{fence}).")
    return "\n".join(lines) + "\n\n" + problem.full_statement()


def chat_test_input_request(problem: Problem) -> str:
    """The user turn asking for one valid test input (the TEST INPUT task)."""
    return (
        "Write one valid test input for the programming problem below, exactly as the "
        "program would read it. Answer with the input alone in one fenced code block.\n\n"
        + problem.full_statement()
    )


# An opening fence (``` and an optional info string) at a line start, then the body, up
# to a closing fence at a line start, or the end of the reply (a block cut off by the token
# limit is kept, unfinished, as a prefix-prompted program cut off is).
_BLOCK = re.compile(r"^ {0,3}```[^\n`]*\n(.*?)(?:^ {0,3}```|\Z)", re.DOTALL | re.MULTILINE)
_CLOSED = re.compile(r"^ {0,3}```[^\n`]*\n.*?^ {0,3}```", re.DOTALL | re.MULTILINE)


def first_code_block(reply: str) -> str | None:
    """The body of the reply's first fenced code block; None when it has none."""
    m = _BLOCK.search(reply)
    return None if m is None else m.group(1)


def closes_block(reply: str) -> bool:
    """Whether the reply's first fenced code block is closed (its sampling can stop)."""
    return _CLOSED.search(reply) is not None
