"""Input trust: generated inputs are never validated, so an input on which most surviving
programs break, or that does not look like the examples, must not split clusters."""

from __future__ import annotations

import re
from collections.abc import Sequence

from clustering.signature import BAD_CODES

__all__ = ["input_shape_ok", "trusted_inputs"]

_INT = re.compile(r"[+-]?\d+\Z")
_FLOAT = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?\Z")


def _kind(tok: str) -> str:
    if _INT.match(tok):
        return "int"
    if _FLOAT.match(tok):
        return "float"
    return "word"


def _line_kinds(text: str) -> list[frozenset[str]]:
    return [frozenset(_kind(t) for t in line.split()) for line in text.strip().splitlines()]


def input_shape_ok(text: str, examples: Sequence[str]) -> bool:
    """A format check inferred from the examples: the input is non-empty, its first line has
    the token kinds of the examples' first lines, and it uses no kind of token the examples
    never use. Cheap, and enough to reject prose, empty or truncated inputs."""
    lines = _line_kinds(text)
    if not lines or not examples:
        return bool(lines)
    example_lines = [_line_kinds(e) for e in examples]
    first_ok = any(lines[0] == ex[0] for ex in example_lines if ex)
    seen = frozenset().union(*(k for ex in example_lines for k in ex))
    used = frozenset().union(*lines)
    return first_ok and used <= seen


def trusted_inputs(
    signatures: Sequence[Sequence[str]],
    shape_ok: Sequence[bool],
    max_bad_share: float = 0.5,
    min_trusted: int = 5,
) -> list[bool]:
    """Per input: trusted unless it fails the format check or more than `max_bad_share` of the
    surviving programs crash / time out on it. With fewer than `min_trusted` trusted inputs
    all are used (AlphaCode: even invalid inputs help grouping)."""
    n_inputs = len(shape_ok)
    if not signatures:
        return [True] * n_inputs
    trusted = []
    for j in range(n_inputs):
        bad = sum(1 for sig in signatures if sig[j] in BAD_CODES) / len(signatures)
        trusted.append(bool(shape_ok[j]) and bad <= max_bad_share)
    if sum(trusted) < min(min_trusted, n_inputs):
        return [True] * n_inputs
    return trusted
