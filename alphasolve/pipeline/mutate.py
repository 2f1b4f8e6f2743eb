"""Test inputs made by mutating the example inputs: same structure (lines, token counts,
lengths), new values. They are cheap, nearly always valid, and complement the model's
TEST INPUT samples; input trust (clustering.trust) still guards against invalid ones."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

__all__ = ["mutate_inputs"]

_INT = re.compile(r"[+-]?\d+\Z")


def _mutate_line(
    tokens: list[str], rng: random.Random, lo: int, hi: int, letters: str
) -> list[str]:
    out = []
    for tok in tokens:
        if _INT.match(tok):
            choice = rng.random()
            value = int(tok)
            if choice < 0.3:
                value += rng.choice((-1, 1))
            elif choice < 0.8:
                value = rng.randint(lo, hi)
            value = min(max(value, lo), hi)  # stay in the range the examples show
            out.append(str(value))
        elif tok.isalpha() and len(tok) > 1 and letters:
            out.append("".join(rng.choice(letters) for _ in tok))
        else:
            out.append(tok)
    if len(out) > 1 and rng.random() < 0.3:
        rng.shuffle(out)
    return out


def mutate_inputs(examples: Sequence[str], n: int, seed: int) -> list[str]:
    """`n` distinct mutations of the example inputs. The first line (usually sizes and counts)
    is kept as it is, so that the structure it announces stays true."""
    rng = random.Random(seed)
    pool = [e for e in examples if e.strip()]
    if not pool:
        return []
    numbers = [
        int(t) for e in pool for line in e.splitlines()[1:] for t in line.split() if _INT.match(t)
    ]
    lo, hi = (min(numbers), max(numbers)) if numbers else (0, 10)
    letters = "".join(sorted({c for e in pool for c in e if c.isalpha()}))
    seen: set[str] = set(pool)
    out: list[str] = []
    for _ in range(n * 20):
        if len(out) >= n:
            break
        lines = rng.choice(pool).splitlines()
        head, body = lines[:1], lines[1:]
        mutated = head + [
            " ".join(_mutate_line(line.split(), rng, lo, hi, letters)) for line in body
        ]
        text = "\n".join(mutated) + "\n"
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out
