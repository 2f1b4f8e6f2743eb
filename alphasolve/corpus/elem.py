"""Element-wise integer pipelines: [filter [and filter [and filter]]] -> [map] -> aggregate.

The family that carries most of the compositional signal: the same filter is written the
same way (`x > 7`) whether it feeds a sum, a count or a list, on an array, a grid or a pair
of numbers, so a model that has seen each piece can assemble an unseen combination.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import lits as L
from .model import Profile, Spec
from .shapes import K_SHAPES, SHAPES


@dataclass(frozen=True)
class Filt:
    id: str
    kinds: tuple[str, ...]  # literal kinds
    py: str  # expression over x; {0}, {1} are the literals
    cpp: str
    fn: Callable[[int, tuple], bool]
    phrases: tuple[str, ...]
    signs: frozenset[str]  # value classes it makes sense on: signed (lo<0), zero (lo=0), pos
    swap: tuple[str, tuple[int, ...] | None] | None = (
        None  # (filter, literals) of the wrong operator
    )


ALL = frozenset({"signed", "zero", "pos"})
NONNEG = frozenset({"zero", "pos"})

FILTERS: dict[str, Filt] = {
    f.id: f
    for f in (
        Filt(
            "f_gt",
            ("thr",),
            "x > {0}",
            "x > {0}",
            lambda x, k: x > k[0],
            ("greater than {0}", "strictly greater than {0}", "more than {0}"),
            ALL,
            ("f_ge", None),
        ),
        Filt(
            "f_ge",
            ("thr",),
            "x >= {0}",
            "x >= {0}",
            lambda x, k: x >= k[0],
            ("at least {0}", "not less than {0}", "greater than or equal to {0}"),
            ALL,
            ("f_gt", None),
        ),
        Filt(
            "f_lt",
            ("thr",),
            "x < {0}",
            "x < {0}",
            lambda x, k: x < k[0],
            ("less than {0}", "smaller than {0}", "strictly less than {0}"),
            ALL,
            ("f_le", None),
        ),
        Filt(
            "f_le",
            ("thr",),
            "x <= {0}",
            "x <= {0}",
            lambda x, k: x <= k[0],
            ("at most {0}", "not greater than {0}", "less than or equal to {0}"),
            ALL,
            ("f_lt", None),
        ),
        Filt(
            "f_eq",
            ("thr",),
            "x == {0}",
            "x == {0}",
            lambda x, k: x == k[0],
            ("equal to {0}", "exactly {0}"),
            ALL,
        ),
        Filt(
            "f_ne",
            ("thr",),
            "x != {0}",
            "x != {0}",
            lambda x, k: x != k[0],
            ("not equal to {0}", "different from {0}"),
            ALL,
        ),
        Filt(
            "f_div",
            ("div",),
            "x % {0} == 0",
            "x % {0} == 0",
            lambda x, k: x % k[0] == 0,
            ("divisible by {0}", "a multiple of {0}"),
            ALL,
        ),
        Filt(
            "f_ndiv",
            ("div",),
            "x % {0} != 0",
            "x % {0} != 0",
            lambda x, k: x % k[0] != 0,
            ("not divisible by {0}", "not a multiple of {0}"),
            ALL,
        ),
        Filt(
            "f_modr",
            ("div", "rem"),
            "x % {0} == {1}",
            "x % {0} == {1}",
            lambda x, k: x % k[0] == k[1],
            ("congruent to {1} modulo {0}", "giving remainder {1} when divided by {0}"),
            NONNEG,
        ),
        Filt("f_even", (), "x % 2 == 0", "x % 2 == 0", lambda x, k: x % 2 == 0, ("even",), ALL),
        Filt("f_odd", (), "x % 2 != 0", "x % 2 != 0", lambda x, k: x % 2 != 0, ("odd",), ALL),
        Filt(
            "f_pos",
            (),
            "x > 0",
            "x > 0",
            lambda x, k: x > 0,
            ("positive",),
            frozenset({"signed", "zero"}),
            ("f_ge", (0,)),
        ),
        Filt(
            "f_neg",
            (),
            "x < 0",
            "x < 0",
            lambda x, k: x < 0,
            ("negative",),
            frozenset({"signed"}),
            ("f_le", (0,)),
        ),
        Filt(
            "f_between",
            ("thr", "thr2"),
            "{0} <= x <= {1}",
            "x >= {0} && x <= {1}",
            lambda x, k: k[0] <= x <= k[1],
            ("between {0} and {1} inclusive", "in the range from {0} to {1}, inclusive"),
            ALL,
        ),
    )
}


@dataclass(frozen=True)
class Map:
    id: str
    kinds: tuple[str, ...]
    py: str
    cpp: str
    fn: Callable[[int, tuple], int]
    phrases: tuple[str, ...]
    signs: frozenset[str]
    keeps_nonneg: bool  # maps values >= 0 to values >= 0


MAPS: dict[str, Map] = {
    m.id: m
    for m in (
        Map(
            "m_mul",
            ("mul",),
            "x * {0}",
            "x * {0}",
            lambda x, k: x * k[0],
            ("multiplied by {0}",),
            ALL,
            True,
        ),
        Map(
            "m_add",
            ("add",),
            "x + {0}",
            "x + {0}",
            lambda x, k: x + k[0],
            ("increased by {0}",),
            ALL,
            True,
        ),
        Map(
            "m_sub",
            ("add",),
            "x - {0}",
            "x - {0}",
            lambda x, k: x - k[0],
            ("decreased by {0}",),
            ALL,
            False,
        ),
        Map(
            "m_mod",
            ("div",),
            "x % {0}",
            "x % {0}",
            lambda x, k: x % k[0],
            ("replaced by its remainder modulo {0}",),
            NONNEG,
            True,
        ),
        Map(
            "m_abs",
            (),
            "abs(x)",
            "abs(x)",
            lambda x, k: abs(x),
            ("replaced by its absolute value",),
            frozenset({"signed"}),
            True,
        ),
        Map(
            "m_sq",
            (),
            "x * x",
            "x * x",
            lambda x, k: x * x,
            ("squared", "replaced by its square"),
            ALL,
            True,
        ),
        Map(
            "m_cap",
            ("thr",),
            "min(x, {0})",
            "min(x, {0}LL)",
            lambda x, k: min(x, k[0]),
            ("replaced by min(x, {0}), where x is the old value",),
            ALL,
            True,
        ),
        Map(
            "m_lastdig",
            (),
            "x % 10",
            "x % 10",
            lambda x, k: x % 10,
            ("replaced by its last digit",),
            NONNEG,
            True,
        ),
    )
}

# Aggregates. `values`: uses the mapped values (so a map is allowed); `bare`: allowed without
# a filter; `empty`: prints -1 when nothing is selected; `small`: allowed on a pair/triple.
AGGS: dict[str, dict[str, bool]] = {
    "a_sum": dict(values=True, bare=True, empty=False, small=True),
    "a_count": dict(values=False, bare=False, empty=False, small=True),
    "a_min": dict(values=True, bare=True, empty=True, small=True),
    "a_max": dict(values=True, bare=True, empty=True, small=True),
    "a_prodmod": dict(values=True, bare=True, empty=False, small=False),
    "a_first": dict(values=False, bare=False, empty=True, small=False),
    "a_last": dict(values=False, bare=False, empty=True, small=False),
    "a_any": dict(values=False, bare=False, empty=False, small=True),
    "a_all": dict(values=False, bare=False, empty=False, small=True),
    "a_list": dict(values=True, bare=False, empty=True, small=True),
    "a_distinct": dict(values=True, bare=True, empty=False, small=False),
    "a_atleast": dict(values=False, bare=False, empty=False, small=False),
    "a_range": dict(values=True, bare=True, empty=True, small=False),
}
AGG_KINDS = {"a_prodmod": ("mod",), "a_atleast": ("small",)}

_LOWER = ("f_gt", "f_ge", "f_pos")
_UPPER = ("f_lt", "f_le")
_CMP = ("f_gt", "f_ge", "f_lt", "f_le", "f_ne", "f_pos", "f_neg")
_DIVIS = ("f_div", "f_ndiv", "f_modr", "f_even", "f_odd")
# Two filters combine only where the pair reads naturally and is neither empty nor redundant.
NESTED: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {tuple(sorted((a, b))) for a in _LOWER for b in _UPPER}
        | {tuple(sorted((a, b))) for a in _CMP for b in _DIVIS} - {("f_even", "f_odd")}
    )
)  # type: ignore[misc]

# Three filters, one from each of three different roles (a lower bound, an upper bound, a
# divisibility test, an exclusion), drawn only for train problems (sample_blocks, like
# holdout.TRAIN_ONLY_BLOCKS): a small model given a held-out pair tends to drop one of its two
# conditions, and chains of three teach it to write one condition per phrase, however many
# there are. meanings() does not list them, so the held-out pools (and the committed splits
# drawn from them) are what they were; a triple holding a held-out pair is rejected by
# holdout.composition_kinds like the pair itself.
_ROLES = {
    **dict.fromkeys(("f_gt", "f_ge", "f_pos"), "lower"),
    **dict.fromkeys(("f_lt", "f_le", "f_neg"), "upper"),
    **dict.fromkeys(_DIVIS, "divis"),
    "f_ne": "exclude",
}
TRIPLES: tuple[tuple[str, str, str], ...] = tuple(
    sorted(
        t  # type: ignore[misc]
        for t in {tuple(sorted((a, b, c))) for a in _ROLES for b in _ROLES for c in _ROLES}
        if len({_ROLES[f] for f in t}) == 3 and not {"f_pos", "f_neg"} <= set(t)
    )
)
TRIPLE_SHARE = 0.5  # of the multi-filter draws for train

INJECTIVE = ("m_mul", "m_add", "m_sub")
SHAPE_IDS = ("array", "multi_array", "grid_int", "grid_rows", "pair", "triple")
BLOCKS = (*FILTERS, *MAPS, *AGGS)


def _signs(blocks: tuple[str, ...]) -> frozenset[str]:
    """Value classes (sign of the smallest value) on which this pipeline is well defined."""
    ok = set(ALL)
    fs = [b for b in blocks if b in FILTERS]
    mp = next((b for b in blocks if b in MAPS), None)
    agg = blocks[-1]
    for f in fs:
        ok &= FILTERS[f].signs
    if mp:
        ok &= MAPS[mp].signs
    # -1 (or an empty product) must not be confusable with a real value: keep values >= 0
    needs_nonneg = agg == "a_prodmod" or (
        AGGS[agg]["empty"] and fs and agg not in ("a_first", "a_last", "a_range")
    )
    if needs_nonneg:
        if mp in ("m_sub",):
            return frozenset()
        if mp not in ("m_abs", "m_sq"):
            ok &= NONNEG
    return frozenset(ok)


def valid(shape: str, blocks: tuple[str, ...], lit_src: str) -> bool:
    fs = [b for b in blocks if b in FILTERS]
    mp = [b for b in blocks if b in MAPS]
    agg = blocks[-1]
    if agg not in AGGS or len(mp) > 1 or len(fs) > 3:
        return False
    a = AGGS[agg]
    if mp and not a["values"]:
        return False
    if not fs and not a["bare"]:
        return False
    if agg == "a_list" and not fs and not mp:
        return False
    if agg == "a_distinct" and mp and mp[0] in INJECTIVE:
        return False  # an injective map cannot change how many values are distinct
    if len(fs) == 2 and tuple(sorted(fs)) not in NESTED:
        return False
    if len(fs) == 3 and tuple(sorted(fs)) not in TRIPLES:
        return False
    if SHAPES[shape].arity and not a["small"]:
        return False
    if lit_src == "input":
        n = sum(len(_kinds(b)) for b in blocks)
        if shape not in K_SHAPES or n != 1:
            return False
    return bool(_signs(blocks))


def _kinds(block: str) -> tuple[str, ...]:
    if block in FILTERS:
        return FILTERS[block].kinds
    if block in MAPS:
        return MAPS[block].kinds
    return AGG_KINDS.get(block, ())


def meanings() -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    filt_sets: list[tuple[str, ...]] = [(), *((f,) for f in FILTERS), *NESTED]
    for shape in SHAPE_IDS:
        for fs in filt_sets:
            for mp in ((), *((m,) for m in MAPS)):
                for agg in AGGS:
                    blocks = (*fs, *mp, agg)
                    for src in ("stmt", "input"):
                        if valid(shape, blocks, src):
                            yield ("elem", shape, src, blocks)


def _mapped_range(spec_blocks: tuple[str, ...], lits: tuple, lo: int, hi: int) -> tuple[int, int]:
    for b, lt in zip(spec_blocks, lits, strict=True):
        if b in MAPS:
            vals = [MAPS[b].fn(v, lt) for v in (lo, hi, 0) if lo <= v <= hi]
            if b in ("m_mod", "m_lastdig"):
                vals += [0, min(hi, (lt[0] if lt else 10) - 1)]
            return min(vals), max(vals)
    return lo, hi


def _fits(shape: str, blocks: tuple[str, ...], lits: tuple, p: Profile) -> bool:
    """The answer fits in a signed 64-bit integer at every step, as in the C++ program."""
    mlo, mhi = _mapped_range(blocks, lits, p.lo, p.hi)
    big = max(abs(mlo), abs(mhi))
    cells = p.n_max * p.n_max if shape == "grid_int" else p.n_max
    if blocks[-1] == "a_prodmod":
        return big * int(lits[-1][0]) < 4 * 10**18 and mlo >= 0
    return big * cells < 4 * 10**18


def sample_profile(rng: random.Random, shape: str, signs: frozenset[str]) -> Profile:
    v = rng.choice((9, 20, 50, 100, 100, 1000, 1000, 10**4, 10**5, 10**6, 10**9))
    sign = rng.choice(sorted(signs))
    lo = {"signed": -v, "zero": 0, "pos": 1}[sign]
    sh = SHAPES[shape]
    if shape in ("grid_int", "grid_rows"):
        n_max = rng.choice((10, 20, 50, 100))
    elif sh.arity:
        n_max = sh.arity
    else:
        n_max = rng.choice((10, 50, 100, 1000, 10**5, 2 * 10**5))
    t_max = rng.choice((10, 100, 10**4)) if sh.multi else 1
    return Profile(lo=lo, hi=v, n_max=n_max, t_max=t_max)


def instantiate(rng: random.Random, shape: str, blocks: tuple[str, ...], lit_src: str) -> Spec:
    signs = _signs(blocks)
    for _ in range(50):
        p = sample_profile(rng, shape, signs)
        groups: list[tuple] = []
        for b in blocks:
            got: tuple = ()
            for kind in _kinds(b):
                got = (*got, L.draw(kind, rng, p, got))
            groups.append(got)
        check = tuple(groups)
        if lit_src == "input":  # the statement allows k up to its bound, so check that one
            check = tuple((L.k_range(_kinds(b)[0], p)[1],) if _kinds(b) else () for b in blocks)
        if _fits(shape, blocks, check, p):
            return Spec("elem", shape, blocks, tuple(groups), p, lit_src)
    raise ValueError(f"no profile fits {shape} {blocks}")


def sample_blocks(rng: random.Random, train_only: bool) -> tuple[str, ...]:
    """A random pipeline, weighted towards one filter and towards maps before aggregates.
    train_only: some multi-filter draws are TRIPLES (the random numbers drawn otherwise are
    the same, so held-out draws are what they were before triples existed)."""
    r = rng.random()
    if r < 0.15:
        fs: tuple[str, ...] = ()
    elif r < 0.75:
        fs = (rng.choice(list(FILTERS)),)
    elif train_only and rng.random() < TRIPLE_SHARE:
        fs = rng.choice(TRIPLES)
    else:
        fs = rng.choice(NESTED)
    mp = (rng.choice(list(MAPS)),) if rng.random() < 0.4 else ()
    return (*fs, *mp, rng.choice(list(AGGS)))
