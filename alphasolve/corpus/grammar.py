"""The grammar as a whole: every family's meanings, sampling a meaning for a split, and one
dispatch point for semantics, code and wrong programs."""

from __future__ import annotations

import random
from functools import cache

from . import (  # noqa: F401  (ops register themselves)
    chars,
    chars_prog,
    elem,
    elem_prog,
    gridops,
    numops,
    seqops,
    seqsteps,
    snippets,
    strops,
)
from . import holdout as H
from .model import Outcome, Spec

Meaning = H.Meaning
SNIPPET_FAMILIES = ("seq", "str", "grid", "num")
# How often each family is drawn for train: element pipelines carry most of the
# compositional signal, the snippet families add breadth.
FAMILY_WEIGHTS = {"elem": 0.38, "chr": 0.14, "seq": 0.22, "str": 0.08, "grid": 0.06, "num": 0.12}
ELEM_SHAPES = {
    "array": 0.3,
    "multi_array": 0.2,
    "grid_int": 0.12,
    "grid_rows": 0.12,
    "pair": 0.13,
    "triple": 0.13,
}
CHR_SHAPES = {"string": 0.5, "multi_string": 0.3, "grid_char": 0.2}


def blocks() -> list[str]:
    """Every building block: filters, maps, aggregates and whole operations."""
    return [*elem.BLOCKS, *chars.BLOCKS, *snippets.REGISTRY]


@cache
def all_meanings() -> tuple[Meaning, ...]:
    out = [*elem.meanings(), *chars.meanings()]
    for fam in SNIPPET_FAMILIES:
        out += snippets.meanings(fam)
    return tuple(sorted(set(out)))


def block_kinds(b: str) -> tuple[str, ...]:
    if b in elem.FILTERS or b in elem.MAPS or b in elem.AGGS:
        return elem._kinds(b)
    if b in chars.CFILTERS or b in chars.CMAPS or b in chars.CAGGS:
        return chars._kinds(b)
    return snippets.REGISTRY[b].kinds


def has_literal(m: Meaning) -> bool:
    return m[2] == "stmt" and any(block_kinds(b) for b in m[3])


def _space(family: str):  # the module with meanings and instantiation
    return {"elem": elem, "chr": chars}.get(family, snippets)


def _prog(family: str):  # the module with semantics, code, wrong programs
    return {"elem": elem_prog, "chr": chars_prog}.get(family, snippets)


def instantiate(rng: random.Random, m: Meaning) -> Spec:
    return _space(m[0]).instantiate(rng, m[1], m[3], m[2])


# Literal draws per chain of three filters: drawn independently, the three conditions leave
# one implied by the others (or nothing selected) about three times in four.
TRIPLE_TRIES = 6


def instantiate_meaningful(rng: random.Random, m: Meaning) -> Spec | None:
    """A problem of meaning m whose every filter matters (meaningful), or None. Raises
    ValueError like instantiate when no value profile fits."""
    n_filters = sum(b in elem.FILTERS for b in m[3]) if m[0] == "elem" else 0
    for _ in range(TRIPLE_TRIES if n_filters == 3 else 1):
        spec = instantiate(rng, m)
        if meaningful(spec):
            return spec
    return None


def evaluate(spec: Spec, value: object, k: int | None) -> str:
    return _prog(spec.family).evaluate(spec, value, k)


def code(spec: Spec, lang: str) -> str:
    return _prog(spec.family).code(spec, lang)


def mutants(spec: Spec) -> list[tuple[str, Outcome, Spec, tuple[str, ...]]]:
    return _prog(spec.family).mutants(spec)


def _weighted(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


def _sample_any(rng: random.Random, train_only: bool) -> Meaning:
    fam = _weighted(rng, FAMILY_WEIGHTS)
    if fam in ("elem", "chr"):
        mod, shapes = (elem, ELEM_SHAPES) if fam == "elem" else (chars, CHR_SHAPES)
        shape = _weighted(rng, shapes)
        while True:
            b = (chars if fam == "chr" else elem).sample_blocks(rng, train_only)
            src = "input" if rng.random() < 0.3 else "stmt"
            if mod.valid(shape, b, src):
                return (fam, shape, src, b)
            if mod.valid(shape, b, "stmt"):
                return (fam, shape, "stmt", b)
    ops = [op for op in snippets.REGISTRY.values() if op.family == fam]
    while True:
        if train_only:
            op, shape = _train_op_shape(rng, ops)
        else:  # the held-out splits' unseen-template draws stay what their seed wrote
            op = rng.choice(ops)
            shape = rng.choice(op.shapes)
        maps = H.drawable(snippets._maps_for(op), train_only)
        pre = (rng.choice(maps),) if maps and rng.random() < 0.3 else ()
        src = "input" if rng.random() < 0.3 else "stmt"
        for s in (src, "stmt"):
            if snippets.valid(op, shape, (*pre, op.id), s):
                return (fam, shape, s, (*pre, op.id))


# Train-only weight of a snippet operation that the hold-out pairs with an unseen shape. Such an
# operation is in train on its other shapes only, and uniform draws (the whole draw thrown
# away when it landed on the held-out shape) gave it fewer problems than an operation with no
# held-out shape (half, for q_kadane: one of its two shapes), and the seventh round's model
# answered the held-out (multi_array, q_kadane) with the prefix maximum it knew better.
HELDOUT_OP_WEIGHT = 2.0


def _train_op_shape(rng: random.Random, ops: list[snippets.Op]) -> tuple[snippets.Op, str]:
    """An operation and a shape for a train draw: only shapes the hold-out leaves to train,
    and operations with a held-out shape drawn HELDOUT_OP_WEIGHT times as often."""
    held = {op for _, op in H.SHAPE_OP}
    weights = [HELDOUT_OP_WEIGHT if op.id in held else 1.0 for op in ops]
    while True:
        op = rng.choices(ops, weights=weights)[0]
        shapes = [s for s in op.shapes if (s, op.id) not in H.SHAPE_OP]
        if shapes:
            return op, rng.choice(shapes)


def sample_train(rng: random.Random, literal: bool | None = None, *, train_only: bool) -> Meaning:
    """A meaning allowed in train: no held-out composition. train_only: may use the blocks
    only train draws (True for train problems; False for the unseen-template problems of the
    held-out splits, which must stay what their seed wrote before those blocks existed)."""
    while True:
        m = _sample_any(rng, train_only)
        if not H.composition_kinds(m) and (literal is None or has_literal(m) == literal):
            return m


@cache
def heldout_pool(kind: str, literal: bool | None) -> dict[str, tuple[Meaning, ...]]:
    """Meanings held out for exactly this kind (and no other), grouped by family."""
    out: dict[str, list[Meaning]] = {}
    for m in all_meanings():
        if (
            H.composition_kinds(m) == [kind]
            and (literal is None or has_literal(m) == literal)
            and not H.TRAIN_ONLY_BLOCKS & set(m[3])
        ):
            out.setdefault(m[0], []).append(m)
    return {f: tuple(v) for f, v in out.items()}


def sample_heldout(rng: random.Random, kind: str, literal: bool | None) -> Meaning:
    if kind == "unseen_template":
        return sample_train(rng, literal, train_only=False)
    pool = heldout_pool(kind, literal) or heldout_pool(kind, None)
    # families first, so the few snippet compositions are not drowned by element pipelines
    fam = rng.choice(sorted(pool))
    by_key: dict[tuple, list[Meaning]] = {}
    for m in pool[fam]:
        key = (*sorted(set(m[3]) & _kind_blocks(kind)), m[1])
        by_key.setdefault(key, []).append(m)
    return rng.choice(by_key[rng.choice(sorted(by_key))])


def _kind_blocks(kind: str) -> set[str]:
    if kind == "unseen_shape_op":
        return {b for _, b in H.SHAPE_OP}
    if kind == "nested_filter":
        return {b for p in H.NESTED for b in p}
    return {b for p in H.MAP_AGG for b in p}


def meaningful(spec: Spec) -> bool:
    """Every filter matters: the selection keeps some values and drops others, and in a
    nested filter neither condition implies the other (so the statement has no dead words)."""
    if spec.family not in ("elem", "chr") or spec.lit_src == "input":
        return True
    if spec.family == "chr":
        table: dict = chars.CFILTERS
        universe: list = list("abcdefghijklmnopqrstuvwxyz")
    else:
        table, p = elem.FILTERS, spec.profile
        rng = random.Random(0)
        universe = sorted(
            {
                p.lo,
                p.hi,
                *(rng.randint(p.lo, p.hi) for _ in range(400)),
                *(
                    v + d
                    for g in spec.lits
                    for v in g
                    if isinstance(v, int)
                    for d in (-1, 0, 1)
                    if p.lo <= v + d <= p.hi
                ),
            }
        )
    fs = [(table[b], spec.lits[i]) for i, b in enumerate(spec.blocks) if b in table]
    alone = [frozenset(x for x in universe if f.fn(x, lt)) for f, lt in fs] or [frozenset(universe)]
    both = frozenset.intersection(*alone)
    if not both or (fs and len(both) == len(universe)):
        return False
    # no filter is implied by the others (for two filters: neither implies the other)
    if len(alone) >= 2 and any(
        frozenset.intersection(*alone[:i], *alone[i + 1 :]) == both for i in range(len(alone))
    ):
        return False
    # a map must change some selected value (|x| after "positive" would be dead words)
    for i, b in enumerate(spec.blocks):
        m = elem.MAPS.get(b) or chars.CMAPS.get(b)
        if m and all(m.fn(x, spec.lits[i]) == x for x in both):
            return False
    return True
