"""One problem from (split, seed, index): meaning, spec, tests, statement and programs.

Everything is drawn from a `random.Random` seeded by the string "seed:split:index", so a
problem does not depend on which other problems were generated, in what order, or in
which process.
"""

from __future__ import annotations

import random
import re

from . import elem, grammar
from . import holdout as H
from .disjoint import Avoid
from .model import BuiltProblem, Spec, meaning_id
from .render import render
from .shapes import SHAPES
from .snippets import REGISTRY
from .tests_build import build_tests

LANGS = ("python3", "cpp17")
HELDOUT_SPLITS = ("valid", "test")
# Redraws of a held-out meaning that an `Avoid` rules out; the held-out pools hold hundreds
# of meanings per kind, so running out means the avoided set covers a whole pool.
MAX_REDRAWS = 1000


def _train_allowed(template_id: str) -> bool:
    return template_id not in H.TEMPLATES


def tags_and_rating(spec: Spec) -> tuple[list[str], int]:
    tags: set[str] = set()
    rating = 800
    if spec.family in ("elem", "chr"):
        tags.add("implementation")
        fs = [b for b in spec.blocks if b.startswith(("f_", "c_"))]
        rating += 100 * max(0, len(fs) - 1)
        if any(b in ("f_div", "f_ndiv", "f_modr", "m_mod", "a_prodmod") for b in spec.blocks):
            tags.add("math")
        if "f_modr" in spec.blocks:
            tags.add("number theory")
            rating += 100
        if any(b in elem.MAPS or b.startswith("cm_") for b in spec.blocks):
            rating += 100
        if spec.blocks[-1] in ("a_prodmod", "a_distinct", "ca_longest", "ca_blocks", "a_range"):
            rating += 100
        if spec.family == "chr":
            tags.add("strings")
        if spec.blocks[-1] == "ca_sorted":
            tags.add("sortings")
        if spec.blocks[-1] == "a_distinct":
            tags.add("data structures")
    else:
        op = REGISTRY[spec.blocks[-1]]
        tags.update(op.tags)
        rating = op.rating + (100 if len(spec.blocks) == 2 else 0)
    if SHAPES[spec.shape].multi:
        rating += 100
    if spec.profile.big_n or spec.profile.n_max >= 10**5:
        rating += 100
    return sorted(tags), max(800, min(2000, rating))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def choose(
    split: str, rng: random.Random, index: int, avoid: Avoid | None = None
) -> tuple[grammar.Meaning, str | None, bool | None]:
    """(meaning, primary hold-out kind, whether a literal is wanted) for this problem; a
    held-out meaning in `avoid` is drawn again (without `avoid`, one draw, as always)."""
    if split not in HELDOUT_SPLITS:
        return grammar.sample_train(rng, train_only=True), None, None
    kind = H.KINDS[index % len(H.KINDS)]
    literal = (index // len(H.KINDS)) % 3 != 2  # two in three problems copy a constant
    for _ in range(MAX_REDRAWS):
        meaning = grammar.sample_heldout(rng, kind, literal)
        if avoid is None or meaning_id(meaning) not in avoid.meanings:
            return meaning, kind, literal
    raise RuntimeError(f"{split} problem {index}: every {kind} meaning drawn is avoided")


def build(split: str, seed: int, index: int, avoid: Avoid | None = None) -> BuiltProblem:
    """Problem `index` of a split. With `avoid` (held-out splits only) its meaning and
    reference programs are none of those; the problem then records `avoid.sources`."""
    if avoid is not None and split not in HELDOUT_SPLITS:
        raise ValueError(f"only a held-out split avoids other problems, not {split!r}")
    rng = random.Random(f"alphasolve-corpus:{seed}:{split}:{index}")
    full = split in HELDOUT_SPLITS
    for _attempt in range(20):
        meaning, kind, _lit = choose(split, rng, index, avoid)
        try:
            spec = grammar.instantiate_meaningful(rng, meaning)
        except ValueError:
            continue
        if spec is None:
            continue
        if avoid is not None and any(grammar.code(spec, lang) in avoid.programs for lang in LANGS):
            continue
        ts = build_tests(spec, rng, full=full, budget=150 if full else 40)
        if ts.variants and len(ts.examples) >= 2 and (not ts.dead_literals or _attempt >= 10):
            break
    else:
        raise RuntimeError(f"could not build {split} problem {index}")
    force = kind == "unseen_template"
    st = render(spec, rng, _train_allowed, force=force)
    holdout = H.composition_kinds(meaning) + H.template_kinds(st.templates)
    if split == "train" and holdout:
        raise AssertionError(f"train problem {index} has held-out pieces {holdout}")
    solutions = {lang: grammar.code(spec, lang) for lang in LANGS}
    incorrect = []
    for v in ts.variants:
        langs = v.languages
        if full and len(langs) > 1:  # committed splits: one language each, alternating
            langs = (rng.choice(langs),)
        incorrect.append((v, {lang: grammar.code(v.spec, lang) for lang in langs}))
    tags, rating = tags_and_rating(spec)
    pid = f"{split}-{index:04d}-{_slug(st.name)}" if full else f"{split}-{index:06d}"
    meta: dict[str, object] = {
        "split": split,
        "family": spec.family_id(),
        "kind": spec.family,
        "shape": spec.shape,
        "ops": list(spec.blocks),
        "lit_src": spec.lit_src,
        "templates": st.templates,
        "holdout": holdout,
        "primary_holdout": kind,
        "has_literal": bool(spec.literals()),
        "literals": list(spec.literals()),
        "seed": seed,
        "index": index,
        "mutants": ts.mutants_total,
        "mutants_killed": ts.mutants_killed,
    }
    if avoid is not None:
        meta["disjoint_from"] = list(avoid.sources)
    return BuiltProblem(
        id=pid,
        name=st.name,
        legend=st.legend,
        input_spec=st.input_spec,
        output_spec=st.output_spec,
        examples=ts.examples,
        tests=ts.tests,
        solutions=solutions,
        incorrect=incorrect,
        time_limit=2.0 if ts.slow_test else 1.0,
        rating=rating,
        tags=tags,
        meta=meta,
        gen_inputs=ts.gen_inputs,
    )
