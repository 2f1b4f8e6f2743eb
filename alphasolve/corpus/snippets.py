"""Whole-input operations written as code snippets: sequence algorithms (seqops.py), string
transforms (strops.py), grid scans (gridops.py) and number theory (numops.py).

Each `Op` carries its Python and C++ body as a `string.Template` ($K is its first literal,
$M its second), its semantics, and its nearly-right `Bug`s: textual replacements of the
correct body (or a whole other body) with the semantics of the resulting wrong program,
so wrong programs stay as close to the right one as a contestant's slip would.
Sequence and string operations may be preceded by an element map (a "map, then operate"
composition) taken from elem.py / chars.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from string import Template

from . import chars, elem
from . import lits as L
from .model import Outcome, Profile, Spec
from .shapes import SHAPES, program

BOTH = ("python3", "cpp17")


@dataclass(frozen=True)
class Bug:
    name: str  # wrong_literal | wrong_operator | off_by_one | missed_edge | quadratic
    sem: Callable[[object, tuple], str] | None  # None: same answers, only too slow
    py: tuple[tuple[str, str], ...] | str = ()  # replacements in the body, or a whole body
    cpp: tuple[tuple[str, str], ...] | str = ()
    langs: tuple[str, ...] = BOTH

    @property
    def outcome(self) -> Outcome:
        return Outcome.TIME_LIMIT if self.sem is None else Outcome.WRONG_ANSWER


@dataclass(frozen=True)
class Op:
    id: str
    family: str  # seq | str | grid | num
    shapes: tuple[str, ...]
    py: str
    cpp: str
    sem: Callable[[object, tuple], str]
    phrases: tuple[str, ...]  # task sentences; $K/$M are the literals
    out: str  # int | int_neg1 | yesno | list | str | str_neg1 | lines
    tags: tuple[str, ...]
    rating: int
    bugs: tuple[Bug, ...]
    kinds: tuple[str, ...] = ()
    signs: frozenset[str] = elem.ALL  # value classes the op is stated for
    premap: bool = False  # may be preceded by an element map
    premaps: tuple[str, ...] | None = None  # the maps that change its answer (None: all of them)
    big: bool = False  # a big test exists to make the quadratic variant time out
    k_input: bool = False  # its single literal may be read from the input as k
    vmax: tuple[int, ...] = (9, 100, 1000, 10**4, 10**6, 10**9)  # value bounds to choose from
    nmax: tuple[int, ...] = (10, 100, 1000, 10**5)
    py_helpers: tuple[str, ...] = ()
    notes: dict[str, object] = field(default_factory=dict)  # generator hints (hot values etc.)


REGISTRY: dict[str, Op] = {}


def register(*ops: Op) -> None:
    for op in ops:
        if op.id in REGISTRY:
            raise ValueError(f"duplicate op {op.id}")
        REGISTRY[op.id] = op


_NAMES = ("K", "M")


def subst(template: str, spec: Spec, i: int) -> str:
    """Fill $K/$M with block i's literals (or with k, read from the input)."""
    if spec.lit_src == "input":
        vals = {"K": "k"}
    else:
        vals = {n: L.code(v) for n, v in zip(_NAMES, spec.lits[i], strict=False)}
    return Template(template).substitute(vals)


def _premap(spec: Spec) -> str | None:
    return spec.blocks[0] if len(spec.blocks) == 2 else None


def _maps_for(op: Op) -> tuple[str, ...]:
    if not op.premap:
        return ()
    if op.premaps is not None:
        return op.premaps
    return tuple(elem.MAPS) if op.family == "seq" else tuple(chars.CMAPS)


def valid(op: Op, shape: str, blocks: tuple[str, ...], lit_src: str) -> bool:
    if shape not in op.shapes:
        return False
    if lit_src == "input" and not (
        op.k_input and len(op.kinds) == 1 and shape in ("array", "multi_array")
    ):
        return False
    if len(blocks) == 2:
        mp = blocks[0]
        if mp not in _maps_for(op):
            return False
        if lit_src == "input" and mp in elem.MAPS and elem.MAPS[mp].kinds:
            return False
        if mp in elem.MAPS and not (elem.MAPS[mp].signs & op.signs):
            return False
    return True


def meanings(family: str) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    for op in REGISTRY.values():
        if op.family != family:
            continue
        for shape in op.shapes:
            for mp in ((), *((m,) for m in _maps_for(op))):
                for src in ("stmt", "input"):
                    if valid(op, shape, (*mp, op.id), src):
                        yield (family, shape, src, (*mp, op.id))


def instantiate(rng: random.Random, shape: str, blocks: tuple[str, ...], lit_src: str) -> Spec:
    op = REGISTRY[blocks[-1]]
    mp = blocks[0] if len(blocks) == 2 else None
    sh = SHAPES[shape]
    for _ in range(50):
        v = rng.choice(op.vmax)
        signs = op.signs & (elem.MAPS[mp].signs if mp in elem.MAPS else elem.ALL)
        sign = rng.choice(sorted(signs))
        lo = {"signed": -v, "zero": 0, "pos": 1}[sign]
        n_max = 2 * 10**5 if op.big and op.family == "seq" else rng.choice(op.nmax)
        if sh.domain in ("cgrid", "igrid"):
            n_max = rng.choice((5, 10, 20, 50))
        p = Profile(
            lo=lo,
            hi=v,
            n_max=n_max,
            t_max=rng.choice((10, 100, 10**4)) if sh.multi else 1,
            big_n=40000 if op.big and op.family == "seq" else 0,
        )
        if op.family == "str":
            c = chars.instantiate(rng, shape, ("ca_count",), "stmt").profile
            p = replace(c, n_max=rng.choice(op.nmax))
            if mp in chars.VOWEL_BLOCKS and not set(p.alphabet) & set(chars.VOWELS):
                p = replace(p, alphabet=rng.choice(chars.VOWEL_ALPHABETS))  # else the map is dead
        groups: list[tuple] = []
        if mp:
            kinds = elem.MAPS[mp].kinds if mp in elem.MAPS else chars.CMAPS[mp].kinds
            got: tuple = ()
            for kind in kinds:
                lit = L.draw(kind, rng, p, got)
                if mp == "cm_replace" and got:
                    while lit == got[0]:
                        lit = rng.choice("abcdefghijklmnopqrstuvwxyz")
                got = (*got, lit)
            groups.append(got)
        mlo, mhi = (
            elem._mapped_range(tuple(blocks[:-1]), tuple(groups), lo, v)
            if mp in elem.MAPS
            else (lo, v)
        )
        if mlo < 0 and "signed" not in op.signs:
            continue
        if op.family == "seq" and max(abs(mlo), abs(mhi)) * n_max >= 10**18 // 2:
            continue  # sums of n values must fit in a 64-bit integer
        q = replace(p, lo=mlo, hi=mhi)
        got = ()
        for kind in op.kinds:
            got = (*got, L.draw(kind, rng, q, got))
        groups.append(got)
        return Spec(op.family, shape, blocks, tuple(groups), p, lit_src)
    raise ValueError(f"no profile for {blocks}")


def _mapped(spec: Spec, value: object) -> object:
    mp = _premap(spec)
    if mp is None:
        return value
    if mp in elem.MAPS:
        return [elem.MAPS[mp].fn(x, spec.lits[0]) for x in value]  # type: ignore[attr-defined]
    return "".join(chars.CMAPS[mp].fn(c, spec.lits[0]) for c in value)  # type: ignore[attr-defined]


def evaluate(spec: Spec, value: object, k: int | None) -> str:
    op = REGISTRY[spec.blocks[-1]]
    lits = (k,) if spec.lit_src == "input" else spec.lits[-1]
    fn = op.sem
    if spec.bug:
        bug = next(b for b in op.bugs if b.name == spec.bug)
        fn = bug.sem or op.sem
    try:
        return fn(_mapped(spec, value), lits)
    except (IndexError, ZeroDivisionError, ValueError):
        return "<runtime error>"


def _apply(body: str, change: tuple[tuple[str, str], ...] | str) -> str:
    if isinstance(change, str):
        return change
    for old, new in change:
        if old not in body:
            raise ValueError(f"bug replacement {old!r} not in body")
        body = body.replace(old, new, 1)
    return body


def code(spec: Spec, lang: str) -> str:
    op = REGISTRY[spec.blocks[-1]]
    body = op.py if lang == "python3" else op.cpp
    if spec.bug:
        bug = next(b for b in op.bugs if b.name == spec.bug)
        body = _apply(body, bug.py if lang == "python3" else bug.cpp)
    lines = subst(body, spec, len(spec.blocks) - 1).split("\n")
    mp = _premap(spec)
    if mp in elem.MAPS:
        e = elem.MAPS[mp]
        expr = subst((e.py if lang == "python3" else e.cpp).replace("{0}", "${K}"), spec, 0)
        lines = (
            [f"a = [{expr} for x in a]"]
            if lang == "python3"
            else [f"for (auto &x : a) x = {expr};"]
        ) + lines
    elif mp in chars.CMAPS:
        c = chars.CMAPS[mp]
        expr = subst(
            (c.py if lang == "python3" else c.cpp).replace("{0}", "${K}").replace("{1}", "${M}"),
            spec,
            0,
        )
        lines = (
            [f's = "".join({expr} for c in s)']
            if lang == "python3"
            else [f"for (auto &c : s) c = {expr};"]
        ) + lines
    helpers = list(op.py_helpers) if lang == "python3" and op.py_helpers else None
    return program(SHAPES[spec.shape], lang, lines, has_k=spec.lit_src == "input", helpers=helpers)


def mutants(spec: Spec) -> list[tuple[str, Outcome, Spec, tuple[str, ...]]]:
    op = REGISTRY[spec.blocks[-1]]
    out: list[tuple[str, Outcome, Spec, tuple[str, ...]]] = []
    if spec.lit_src == "stmt":
        for i, b in enumerate(spec.blocks):
            kinds = (
                op.kinds
                if b == op.id
                else (elem.MAPS[b].kinds if b in elem.MAPS else chars.CMAPS[b].kinds)
            )
            for j, kind in enumerate(kinds):
                for d in (1, -1):
                    v = L.nudge(kind, spec.lits[i][j], d, spec.lits[i][:j])
                    if v is None or (b == "cm_replace" and v in spec.lits[i]):
                        continue
                    group = (*spec.lits[i][:j], v, *spec.lits[i][j + 1 :])
                    new = (*spec.lits[:i], group, *spec.lits[i + 1 :])
                    out.append(
                        ("wrong_literal", Outcome.WRONG_ANSWER, replace(spec, lits=new), BOTH)
                    )
    for bug in op.bugs:
        if bug.sem is None and not spec.profile.big_n and op.family == "seq":
            continue  # no big test to make it time out
        out.append((bug.name, bug.outcome, replace(spec, bug=bug.name), bug.langs))
    return out
