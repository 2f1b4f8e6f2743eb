"""Literals: how they are drawn, how they are nudged into a nearly-right wrong value, and
how numbers are written in statements.

Literals are drawn from wide ranges on purpose: the model must copy them from the
statement, and a narrow range would let it succeed by guessing a common constant.
"""

from __future__ import annotations

import random

from .model import Lit, Profile

MODULI = (
    7,
    11,
    13,
    17,
    19,
    23,
    97,
    101,
    127,
    997,
    1009,
    9973,
    10007,
    65537,
    100003,
    1000003,
    998244353,
    1000000007,
)


def draw(kind: str, rng: random.Random, p: Profile, taken: tuple[Lit, ...] = ()) -> Lit:
    """A literal of `kind` that makes the operation non-trivial on values in [p.lo, p.hi]."""
    lo, hi = p.lo, p.hi
    match kind:
        case "thr":  # a threshold strictly inside the value range, so both sides occur
            return rng.randint(lo + 1, hi - 1) if hi - lo >= 2 else lo
        case "thr2":  # upper end of an inclusive range whose lower end is taken[-1]
            base = int(taken[-1])
            return rng.randint(base + 1, max(base + 1, min(hi, base + max(2, (hi - lo) // 2))))
        case "div":
            top = max(3, min(hi, rng.choice((9, 20, 50, 100, 1000))))
            return rng.randint(2, top)
        case "rem":
            return rng.randint(1, int(taken[-1]) - 1)
        case "digit":
            return rng.randint(0, 9)
        case "nb":  # a number of side neighbours
            return rng.randint(0, 4)
        case "mul":
            return rng.randint(2, rng.choice((9, 20, 100)))
        case "add":
            return rng.randint(1, rng.choice((9, 100, 1000, max(10, hi))))
        case "mod":
            return rng.choice(MODULI) if rng.random() < 0.6 else rng.randint(2, 10**6)
        case "small":  # k-th, window length, count threshold
            return rng.randint(2, rng.choice((5, 10, 20)))
        case "letter":
            return rng.choice(p.alphabet)
        case "shift":
            return rng.randint(1, 25)
        case "count":  # a count or sum target inside a wide range
            return rng.randint(max(1, lo), max(2, hi))
        case "sum2":  # a target for the sum of two values
            return rng.randint(2 * lo + 1, 2 * hi - 1) if hi > lo else 2 * lo
        case "target":  # a target for the sum of several positive values
            return rng.randint(max(2, hi // 2), 6 * max(hi, 2))
    raise KeyError(kind)


def nudge(kind: str, value: Lit, delta: int, taken: tuple[Lit, ...] = ()) -> Lit | None:
    """`value` moved by `delta` (a wrong constant), or None where that is not valid."""
    if isinstance(value, str):
        c = chr(ord(value) + delta)
        return c if "a" <= c <= "z" else None
    v = value + delta
    if kind in ("div", "mod", "mul") and v < 2:
        return None
    if kind == "rem" and not (0 <= v < int(taken[-1])):
        return None
    if kind in ("small", "shift") and v < 1:
        return None
    if kind == "digit" and not (0 <= v <= 9):
        return None
    if kind == "nb" and not (0 <= v <= 4):
        return None
    if kind == "thr2" and v <= int(taken[-1]):
        return None
    return v


def num(v: int) -> str:
    """A bound as Codeforces writes it: 1000, 2·10^5, 10^9, -10^9."""
    if v < 0:
        return "-" + num(-v)
    if v >= 10**5:
        for e in range(18, 4, -1):
            for c in range(1, 10):
                if v == c * 10**e:
                    return f"10^{e}" if c == 1 else f"{c}·10^{e}"
    return str(v)


def show(v: Lit) -> str:
    """A literal as written in a statement: digits, or a quoted letter as in code."""
    return f"'{v}'" if isinstance(v, str) else str(v)


def code(v: Lit) -> str:
    """A literal as written in Python and C++ code (identical text to `show`)."""
    return f"'{v}'" if isinstance(v, str) else str(v)


def k_range(kind: str, p: Profile) -> tuple[int, int]:
    """Bounds of a parameter k read from the input instead of written in the statement."""
    match kind:
        case "thr" | "count":
            return p.lo, p.hi
        case "sum2":
            return 2 * p.lo, 2 * p.hi
        case "target":
            return 1, 10 * max(p.hi, 2)
        case "div":
            return 2, max(3, min(p.hi, 1000))
        case "mul":
            return 2, 100
        case "add":
            return 1, 1000
        case "mod":
            return 2, 10**9 + 7
        case "small":
            return 1, 20
    raise KeyError(kind)
