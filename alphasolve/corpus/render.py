"""Statements: a story that introduces the input, a task composed from the blocks'
phrases, and input / output sections with explicit constraints.

Every template has an id; holdout.TEMPLATES lists the ids that only held-out problems use.
Literals are written exactly as the programs write them (7, 'c'), so copying one from the
statement into code is an identity.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from . import chars, elem
from . import lits as L
from .model import Spec
from .shapes import SHAPES
from .snippets import REGISTRY
from .templates import (
    ADJ,
    IN_GROUP,
    IN_TEMPLATES,
    MULTI_TEMPLATES,
    NAMES,
    NONNEG_STORIES,
    OUT_TEMPLATES,
    PLACES,
    STORIES,
    STORY_GROUP,
)


@dataclass
class Statement:
    name: str
    legend: str
    input_spec: str
    output_spec: str
    templates: list[str]


Allowed = Callable[[str], bool]


def _pick(rng: random.Random, ids: list[str], allowed: Allowed, force: bool) -> str:
    pool = [i for i in ids if allowed(i)]
    if force:
        pool = [i for i in ids if not allowed(i)] or pool
    return rng.choice(pool)


def _lit(spec: Spec, i: int, j: int) -> str:
    return "k" if spec.lit_src == "input" else L.show(spec.lits[i][j])


def _fill(text: str, spec: Spec, i: int) -> str:
    n = len(spec.lits[i]) if spec.lit_src == "stmt" else 1
    return text.format(*(_lit(spec, i, j) for j in range(n))) if n else text


def _sel(spec: Spec, rng: random.Random, table: dict) -> str:
    parts = [
        _fill(rng.choice(table[b].phrases), spec, i)
        for i, b in enumerate(spec.blocks)
        if b in table
    ]
    rng.shuffle(parts)
    return " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _map_phrase(spec: Spec, rng: random.Random, subj: str) -> str | None:
    for i, b in enumerate(spec.blocks):
        m = elem.MAPS.get(b) or chars.CMAPS.get(b)
        if m:
            ph = _fill(rng.choice(m.phrases), spec, i)
            return f"{subj} {ph if ph.startswith('that') else 'is ' + ph}."
    return None


def _elem_task(
    spec: Spec, rng: random.Random, w: tuple[str, str, str], ch: bool
) -> tuple[str, str | None]:
    sg, pl, val = w
    table = chars.CFILTERS if ch else elem.FILTERS
    agg = spec.blocks[-1].split("_", 1)[1]
    sel = _sel(spec, rng, table)
    has_map = any(b in elem.MAPS or b in chars.CMAPS for b in spec.blocks)
    out: list[str] = []
    if agg == "all":
        return f"Determine whether the {val} of every {sg} is {sel}.", None
    if sel:
        style = rng.randrange(3)
        out.append(
            (
                f"Consider only the {pl} whose {val} is {sel}.",
                f"Call a {sg} good if its {val} is {sel}.",
                f"We are interested only in the {pl} whose {val} is {sel}.",
            )[style]
        )
        r_pl, r_sg = (
            ("good " if style == 1 else "such ") + pl,
            ("good " if style == 1 else "such ") + sg,
        )
        r_the = f"the good {pl}" if style == 1 else f"these {pl}"
    else:
        r_pl, r_sg, r_the = pl, sg, f"all {pl}"
    unit = "letter" if ch else val
    if has_map:
        subj = ("Every chosen " if sel else "Every ") + unit
        if sel and rng.random() < 0.5:
            subj = "Then every chosen " + unit
        out.append(_map_phrase(spec, rng, subj) or "")
        v = (
            "the resulting letters"
            if ch
            else rng.choice(("the resulting values", "the new values"))
        )
    else:
        v = f"the {val}s of {r_the}"
    k = _lit(spec, len(spec.blocks) - 1, 0) if spec.lits[-1] else ""
    none = f"If there are no {r_pl}, print -1."
    match agg:
        case "sum":
            out.append(
                rng.choice((f"Find the sum of {v}.", f"Compute the total of {v}."))
                + (" An empty sum is 0." if sel else "")
            )
        case "count":
            out.append(rng.choice((f"Find the number of {r_pl}.", f"Count the {r_pl}.")))
        case "min" | "max":
            word = {"min": ("smallest", "minimum"), "max": ("largest", "maximum")}[agg]
            out.append(
                rng.choice((f"Find the {word[0]} of {v}.", f"Find the {word[1]} among {v}."))
            )
            return " ".join(out), none if sel else None
        case "prodmod":
            out.append(
                f"Find the product of {v} modulo {k}."
                + (" The product of no values is 1." if sel else "")
            )
        case "first" | "last":
            idx = "index" if ch else "position"
            out.append(f"Find the {idx} of the {agg} {r_sg} ({idx}s are numbered from 1).")
            return " ".join(out), none
        case "any":
            out.append(f"Determine whether at least one {r_sg} exists.")
        case "list":
            out.append(
                rng.choice(
                    (f"Print {v} in their original order.", f"List {v}, keeping their order.")
                )
            )
            return " ".join(out), "If there are none, print -1." if sel else None
        case "keep":
            if sel:
                out.append(f"Keep only the letters at {r_the} and print them in their order.")
            else:
                out.append("Print the resulting string.")
            return " ".join(out), "If nothing remains, print -1." if sel else None
        case "sorted":
            if sel:
                out.append(
                    f"Keep only the letters at {r_the} and print them in alphabetical order."
                )
            else:
                what = "the resulting string" if has_map else "the string"
                out.append(
                    rng.choice(
                        (
                            f"Print the letters of {what} in alphabetical order.",
                            f"Sort the letters of {what} and print them.",
                        )
                    )
                )
            return " ".join(out), "If nothing remains, print -1." if sel else None
        case "distinct":
            out.append(
                f"Find how many distinct {'letters' if ch else 'values'} there are among {v}."
            )
        case "atleast":
            out.append(f"Determine whether there are at least {k} {r_pl}.")
        case "range":
            out.append(f"Find the difference between the largest and the smallest of {v}.")
            return " ".join(out), none if sel else None
        case "longest":
            out.append(
                f"Find the length of the longest block of consecutive {r_pl} (0 if there are none)."
            )
        case "blocks":
            out.append(f"Find the number of maximal blocks of consecutive {r_pl}.")
    return " ".join(x for x in out if x), None


def _snippet_task(spec: Spec, rng: random.Random) -> str:
    op = REGISTRY[spec.blocks[-1]]
    text = rng.choice(op.phrases)
    lits = {
        "K": _lit(spec, len(spec.blocks) - 1, 0) if op.kinds else "",
        "M": _lit(spec, len(spec.blocks) - 1, 1) if len(op.kinds) > 1 else "",
    }
    text = (
        text.replace("$K", lits["K"]).replace("$M", lits["M"]).replace("<=", "≤").replace(">=", "≥")
    )
    pre = _map_phrase(
        spec, rng, "First, every a_i" if op.family == "seq" else "First, every letter of s"
    )
    return f"{pre} {text}" if pre else text


def _constraints(spec: Spec) -> dict[str, str]:
    p, sh = spec.profile, SHAPES[spec.shape]
    c = {
        "nc": f"1 ≤ n ≤ {L.num(p.n_max)}",
        "ac": f"{L.num(p.lo)} ≤ a_i ≤ {L.num(p.hi)}",
        "tc": f"1 ≤ t ≤ {L.num(p.t_max)}",
        "lc": f"1 ≤ |s| ≤ {L.num(p.n_max)}",
    }
    if sh.domain in ("ints", "igrid", "cgrid", "chars") and IN_GROUP.get(spec.shape) == "grid":
        c["nc"] = f"1 ≤ n, m ≤ {L.num(p.n_max)}"
    if spec.lit_src == "input":
        from .gen_inputs import _k_kind

        lo, hi = L.k_range(_k_kind(spec), p)
        c["nk"] = f"two integers n and k ({c['nc']}, {L.num(lo)} ≤ k ≤ {L.num(hi)})"
    else:
        c["nk"] = f"an integer n ({c['nc']})"
    return c


def _num_input(spec: Spec) -> tuple[str, str]:
    p, sh = spec.profile, SHAPES[spec.shape]
    names = {1: ["n"], 2: ["a", "b"], 3: ["a", "b", "c"]}[sh.arity]
    what = {1: "an integer n", 2: "two integers a and b", 3: "three integers a, b and c"}[sh.arity]
    notes = REGISTRY[spec.blocks[-1]].notes if spec.blocks[-1] in REGISTRY else {}
    if notes.get("ranges"):
        vc = ", ".join(
            f"{L.num(lo)} ≤ {v} ≤ {L.num(hi)}"
            for v, (lo, hi) in zip(names, notes["ranges"], strict=True)
        )
    elif notes.get("sorted"):
        vc = f"{L.num(p.lo)} ≤ " + " ≤ ".join(names) + f" ≤ {L.num(p.hi)}"
    else:
        vc = f"{L.num(p.lo)} ≤ {', '.join(names)} ≤ {L.num(p.hi)}"
    return what, vc


def input_section(spec: Spec, rng: random.Random, allowed: Allowed, force: bool) -> tuple[str, str]:
    sh, p = SHAPES[spec.shape], spec.profile
    group = IN_GROUP.get(spec.shape, "num")
    tid = _pick(rng, [f"in_{group}_{i}" for i in range(3)], allowed, force)
    tpl = IN_TEMPLATES[group][int(tid[-1])]
    c = _constraints(spec)
    if group == "grid":
        c["row"] = {
            "ints": f"m integers ({L.num(p.lo)} ≤ a_ij ≤ {L.num(p.hi)})",
            "igrid": f"m integers ({L.num(p.lo)} ≤ a_ij ≤ {L.num(p.hi)})",
            "chars": "a string of m lowercase letters",
            "cgrid": "a string of m characters, each '.' or '#'",
        }[sh.domain]
    elif group == "num":
        c["what"], c["vc"] = _num_input(spec)
    if sh.multi:
        tpl = MULTI_TEMPLATES[group][int(tid[-1])]
        text = (
            f"The first line contains an integer t ({c['tc']}) — the number of test cases. "
            + tpl.format(**c)
        )
        if group == "seq" and p.n_max * p.t_max > 2 * 10**5:
            text += " The sum of n over all test cases does not exceed 2·10^5."
    else:
        text = tpl.format(**c)
    return text, tid


def output_section(
    spec: Spec, form: str, none: str | None, rng: random.Random, allowed: Allowed, force: bool
) -> tuple[str, str]:
    key = {"int_neg1": "int", "str_neg1": "str", "lines": "int"}.get(form, form)
    tid = _pick(rng, [f"out_{key}_{i}" for i in range(4)], allowed, force)
    text = OUT_TEMPLATES[key][int(tid[-1])]
    sh = SHAPES[spec.shape]
    lower = text[0].lower() + text[1:]
    if sh.multi:
        text = f"For each test case, {lower}"
    elif sh.per_row:
        text = f"For each row, from top to bottom, {lower} Print every answer on its own line."
    if none:
        text += " " + none
    return text, tid


def out_form(spec: Spec) -> str:
    if spec.family in ("elem", "chr"):
        agg = spec.blocks[-1]
        if agg.endswith(("_any", "_all", "atleast")):
            return "yesno"
        if agg.endswith("_list"):
            return "list"
        if agg.endswith(("_keep", "_sorted")):
            return "str"
        return "int"
    return REGISTRY[spec.blocks[-1]].out


def render(spec: Spec, rng: random.Random, allowed: Allowed, force: bool = False) -> Statement:
    sh = SHAPES[spec.shape]
    group = STORY_GROUP[spec.shape]
    ids = sorted(STORIES[group])
    if spec.profile.lo < 0 and spec.family in ("elem", "seq", "grid"):
        ids = [i for i in ids if i not in NONNEG_STORIES]
    sid = _pick(rng, ids, allowed, force)
    text, sg, pl, val = STORIES[group][sid]
    name, place = rng.choice(NAMES), rng.choice(PLACES)
    text = text.format(
        name=name,
        place=place,
        count="two" if sh.arity == 2 else "three",
        vars="a and b" if sh.arity == 2 else "a, b and c",
    )
    none = None
    if spec.family in ("elem", "chr"):
        task, none = _elem_task(spec, rng, (sg, pl, val), spec.family == "chr")
    else:
        task = _snippet_task(spec, rng)
    if sh.per_row:
        text += " Solve the following task for every row separately."
    legend = f"{text} {task}"
    inp, iid = input_section(spec, rng, allowed, force)
    out, oid = output_section(spec, out_form(spec), none, rng, allowed, force)
    noun = pl or {
        "cgrid": "cells",
        "igrid": "blocks",
        "int": "numbers",
        "pair": "numbers",
        "triple": "sticks",
    }.get(group, "things")
    title = (
        f"{rng.choice(ADJ)} {noun.capitalize()}"
        if rng.random() < 0.6
        else f"{name} and the {noun.capitalize()}"
    )
    return Statement(title, legend, inp, out, [sid, iid, oid])
