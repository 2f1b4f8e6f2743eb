"""Character pipelines over a string (or all cells of a letter grid):
[filter [and filter]] -> [map] -> aggregate, the string twin of elem.py.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import lits as L
from .holdout import drawable
from .model import Profile, Spec
from .shapes import SHAPES

VOWELS = "aeiou"
# the blocks that tell vowels apart, and small alphabets with vowels and consonants for them
VOWEL_BLOCKS = frozenset({"c_vowel", "c_cons", "cm_vowel"})
VOWEL_ALPHABETS = ("abcde", "aeiouxyz", "abcdefghij", "klmnopqrstu")


@dataclass(frozen=True)
class CFilt:
    id: str
    kinds: tuple[str, ...]
    py: str
    cpp: str
    fn: Callable[[str, tuple], bool]
    phrases: tuple[str, ...]
    swap: str | None = None


CFILTERS: dict[str, CFilt] = {
    f.id: f
    for f in (
        CFilt(
            "c_eq",
            ("letter",),
            "c == {0}",
            "c == {0}",
            lambda c, k: c == k[0],
            ("{0}", "equal to {0}"),
        ),
        CFilt(
            "c_ne",
            ("letter",),
            "c != {0}",
            "c != {0}",
            lambda c, k: c != k[0],
            ("different from {0}", "not {0}"),
        ),
        CFilt(
            "c_vowel",
            (),
            'c in "aeiou"',
            'string("aeiou").find(c) != string::npos',
            lambda c, k: c in VOWELS,
            ("a vowel (a, e, i, o, u)", "one of the vowels a, e, i, o, u"),
        ),
        CFilt(
            "c_cons",
            (),
            'c not in "aeiou"',
            'string("aeiou").find(c) == string::npos',
            lambda c, k: c not in VOWELS,
            ("a consonant (any letter except a, e, i, o, u)",),
        ),
        CFilt(
            "c_after",
            ("letter",),
            "c > {0}",
            "c > {0}",
            lambda c, k: c > k[0],
            ("alphabetically after {0}", "later in the alphabet than {0}"),
            "c_from",
        ),
        CFilt(
            "c_from",
            ("letter",),
            "c >= {0}",
            "c >= {0}",
            lambda c, k: c >= k[0],
            ("{0} or alphabetically later", "not alphabetically before {0}"),
            "c_after",
        ),
        CFilt(
            "c_before",
            ("letter",),
            "c < {0}",
            "c < {0}",
            lambda c, k: c < k[0],
            ("alphabetically before {0}", "earlier in the alphabet than {0}"),
            "c_upto",
        ),
        CFilt(
            "c_upto",
            ("letter",),
            "c <= {0}",
            "c <= {0}",
            lambda c, k: c <= k[0],
            ("{0} or alphabetically earlier", "not alphabetically after {0}"),
            "c_before",
        ),
    )
}


@dataclass(frozen=True)
class CMap:
    id: str
    kinds: tuple[str, ...]
    py: str
    cpp: str
    fn: Callable[[str, tuple], str]
    phrases: tuple[str, ...]


CMAPS: dict[str, CMap] = {
    m.id: m
    for m in (
        CMap(
            "cm_shift",
            ("shift",),
            "chr((ord(c) - 97 + {0}) % 26 + 97)",
            "char((c - 'a' + {0}) % 26 + 'a')",
            lambda c, k: chr((ord(c) - 97 + k[0]) % 26 + 97),
            ("shifted {0} positions forward in the alphabet (after 'z' comes 'a')",),
        ),
        CMap(
            "cm_replace",
            ("letter", "letter"),
            "{1} if c == {0} else c",
            "(c == {0} ? {1} : c)",
            lambda c, k: k[1] if c == k[0] else c,
            ("that is {0} is replaced by {1}",),
        ),
        # Not a bijection (unlike the shift), so it can change whether a string is a
        # palindrome, its runs and its distinct letters: the map those operations see in train.
        CMap(
            "cm_vowel",
            ("letter",),
            '{0} if c in "aeiou" else c',
            '(string("aeiou").find(c) != string::npos ? {0} : c)',
            lambda c, k: k[0] if c in VOWELS else c,
            (
                "that is a vowel (a, e, i, o, u) is replaced by {0}",
                "that is a vowel is replaced by {0}",
            ),
        ),
    )
}

# values: uses mapped letters; bare: allowed without a filter; empty: prints -1 on nothing;
# seq: needs the letters' order (not for a grid, whose cells are read row by row).
CAGGS: dict[str, dict[str, bool]] = {
    "ca_count": dict(values=False, bare=False, empty=False, seq=False),
    "ca_first": dict(values=False, bare=False, empty=True, seq=True),
    "ca_last": dict(values=False, bare=False, empty=True, seq=True),
    "ca_any": dict(values=False, bare=False, empty=False, seq=False),
    "ca_all": dict(values=False, bare=False, empty=False, seq=False),
    "ca_keep": dict(values=True, bare=True, empty=True, seq=True),
    "ca_distinct": dict(values=True, bare=True, empty=False, seq=False),
    "ca_longest": dict(values=False, bare=False, empty=False, seq=True),
    "ca_blocks": dict(values=False, bare=False, empty=False, seq=True),
    # the letters kept, in alphabetical order: the second aggregate a shift can precede
    "ca_sorted": dict(values=True, bare=True, empty=True, seq=True),
}

_CLASS = ("c_vowel", "c_cons")
_ORDER = ("c_ne", "c_after", "c_from", "c_before", "c_upto")
NESTED: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {tuple(sorted((a, b))) for a in _CLASS for b in _ORDER}
        | {tuple(sorted((a, b))) for a in ("c_after", "c_from") for b in ("c_before", "c_upto")}
    )
)  # type: ignore[misc]

SHAPE_IDS = ("string", "multi_string", "grid_char")
BLOCKS = (*CFILTERS, *CMAPS, *CAGGS)


def _kinds(b: str) -> tuple[str, ...]:
    if b in CFILTERS:
        return CFILTERS[b].kinds
    if b in CMAPS:
        return CMAPS[b].kinds
    return ()


def valid(shape: str, blocks: tuple[str, ...], lit_src: str) -> bool:
    fs = [b for b in blocks if b in CFILTERS]
    mp = [b for b in blocks if b in CMAPS]
    agg = blocks[-1]
    if lit_src != "stmt" or agg not in CAGGS or len(mp) > 1 or len(fs) > 2:
        return False
    a = CAGGS[agg]
    if (mp and not a["values"]) or (not fs and not a["bare"]):
        return False
    if agg == "ca_keep" and not fs and not mp:
        return False
    if agg == "ca_distinct" and mp == ["cm_shift"]:
        return False  # a shift is a bijection: it cannot change how many letters are distinct
    if len(fs) == 2 and tuple(sorted(fs)) not in NESTED:
        return False
    return not (shape == "grid_char" and a["seq"])


def meanings() -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    filt_sets: list[tuple[str, ...]] = [(), *((f,) for f in CFILTERS), *NESTED]
    for shape in SHAPE_IDS:
        for fs in filt_sets:
            for mp in ((), *((m,) for m in CMAPS)):
                for agg in CAGGS:
                    blocks = (*fs, *mp, agg)
                    if valid(shape, blocks, "stmt"):
                        yield ("chr", shape, "stmt", blocks)


def sample_blocks(rng: random.Random, train_only: bool) -> tuple[str, ...]:
    """train_only: also draw the blocks that only train problems use (holdout.py)."""
    maps, aggs = drawable(CMAPS, train_only), drawable(CAGGS, train_only)
    r = rng.random()
    fs: tuple[str, ...] = (
        () if r < 0.15 else ((rng.choice(list(CFILTERS)),) if r < 0.8 else rng.choice(NESTED))
    )
    mp = (rng.choice(maps),) if rng.random() < 0.35 else ()
    return (*fs, *mp, rng.choice(aggs))


def instantiate(rng: random.Random, shape: str, blocks: tuple[str, ...], lit_src: str) -> Spec:
    # A small alphabet makes the filter's letters, repeats and runs actually occur.
    size = rng.choice((3, 5, 8, 26))
    start = rng.randint(0, 26 - size)
    alphabet = "abcdefghijklmnopqrstuvwxyz"[start : start + size]
    if VOWEL_BLOCKS & set(blocks) and size < 8:
        alphabet = rng.choice(VOWEL_ALPHABETS)
    n_max = rng.choice((10, 20, 50)) if shape == "grid_char" else rng.choice((10, 100, 1000, 10**5))
    p = Profile(
        lo=0,
        hi=0,
        n_max=n_max,
        t_max=rng.choice((10, 100, 1000)) if SHAPES[shape].multi else 1,
        alphabet=alphabet,
    )
    groups: list[tuple] = []
    for b in blocks:
        got: tuple = ()
        for kind in _kinds(b):
            lit = L.draw(kind, rng, p, got)
            if b == "cm_replace" and not got:  # replace a letter that can pass the filters
                ok = [
                    c
                    for c in string.ascii_lowercase
                    if all(
                        CFILTERS[f].fn(c, lt)
                        for f, lt in zip(blocks, groups, strict=False)
                        if f in CFILTERS
                    )
                ]
                lit = rng.choice([c for c in ok if c in alphabet] or ok or [lit])
            if b == "cm_replace" and got:
                while lit == got[0]:
                    lit = rng.choice(string.ascii_lowercase)
            got = (*got, lit)
        groups.append(got)
    return Spec("chr", shape, blocks, tuple(groups), p, lit_src)
