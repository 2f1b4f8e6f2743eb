"""Hidden tests, examples and incorrect variants for one spec.

Tests start from a plan of edge cases and random inputs, then are STRENGTHENED against the
spec's mutants (every literal moved by one, every operator swapped, every known slip): a
mutant that passes all tests gets a random input that tells it apart added as a test;
one that no input tells apart is equivalent and is dropped. So a nearly-right program
fails a hidden test by construction, and the real judge run (verify.py) confirms it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import grammar
from .gen_inputs import make_cases, modes_for
from .model import Outcome, Spec, Test, Variant
from .shapes import SHAPES, Case, serialize, units

PLANS = {
    "ints": [
        ("one", "random"),
        ("small", "random"),
        ("small", "hot"),
        ("small", "equal"),
        ("small", "none"),
        ("small", "all"),
        ("medium", "random"),
        ("medium", "hot"),
        ("medium", "repeat"),
        ("medium", "extreme"),
        ("medium", "special"),
        ("large", "random"),
        ("large", "hot"),
        ("small", "sorted"),
        ("small", "narrow"),
    ],
    "chars": [
        ("one", "random"),
        ("small", "random"),
        ("small", "hot"),
        ("small", "equal"),
        ("small", "palindrome"),
        ("small", "runs"),
        ("small", "none"),
        ("small", "all"),
        ("medium", "random"),
        ("medium", "hot"),
        ("medium", "runs"),
        ("large", "random"),
        ("small", "distinct"),
    ],
    "cgrid": [
        ("one", "random"),
        ("small", "empty"),
        ("small", "full"),
        ("small", "sparse"),
        ("small", "dense"),
        ("medium", "random"),
        ("medium", "sparse"),
        ("large", "random"),
        ("small", "random"),
        ("medium", "dense"),
    ],
    "igrid": [
        ("one", "random"),
        ("small", "random"),
        ("small", "equal"),
        ("small", "narrow"),
        ("medium", "random"),
        ("medium", "extreme"),
        ("medium", "narrow"),
        ("large", "random"),
        ("small", "hot"),
        ("medium", "repeat"),
    ],
    "num": [
        ("one", "small"),
        ("x", "random"),
        ("x", "random"),
        ("x", "random"),
        ("x", "extreme"),
        ("x", "extreme"),
        ("x", "special"),
        ("x", "special"),
        ("x", "special"),
        ("x", "special"),
        ("x", "small"),
    ],
}
TRAIN_PLAN = {d: p[:4] + p[6:8] for d, p in PLANS.items()}


@dataclass
class TestSet:
    examples: list[Test]
    tests: list[Test]
    variants: list[Variant]
    mutants_total: int = 0
    mutants_killed: int = 0
    slow_test: bool = False
    gen_inputs: list[str] = field(default_factory=list)
    dead_literals: int = 0  # literals no nudged value changes the answer of (dead code)


def answer(spec: Spec, cases: list[Case]) -> str:
    return (
        "\n".join(grammar.evaluate(spec, v, k) for v, k in units(SHAPES[spec.shape], cases)) + "\n"
    )


def _input(spec: Spec, rng: random.Random, size: str, mode: str) -> tuple[str, list[Case]]:
    cases = make_cases(spec, rng, size, mode)
    return serialize(SHAPES[spec.shape], cases), cases


def build_tests(spec: Spec, rng: random.Random, *, full: bool, budget: int = 150) -> TestSet:
    """full: the committed splits' tests (plan + big tests); else a light set for train."""
    dom = SHAPES[spec.shape].domain
    plan = (PLANS if full else TRAIN_PLAN)[dom]
    tests: dict[str, list[Case]] = {}
    for size, mode in plan:
        text, cases = _input(spec, rng, size, mode)
        tests.setdefault(text, cases)
    modes = modes_for(spec)
    want = 12 if full else 6
    for _ in range(300):  # small input spaces repeat inputs: top up with fresh random ones
        if len(tests) >= want:
            break
        text, cases = _input(
            spec, rng, rng.choice(("tiny", "small", "medium", "large")), rng.choice(modes)
        )
        tests.setdefault(text, cases)
    muts = grammar.mutants(spec)
    slow = False
    if not full:  # train: a quadratic program is too slow whenever the constraints allow big inputs
        slow = (
            bool(spec.profile.big_n)
            or (spec.profile.n_max >= 10**5 and spec.family == "seq")
            or (dom == "num" and spec.profile.hi >= 10**9)
        )
    if full and any(m[1] is Outcome.TIME_LIMIT for m in muts):
        if spec.profile.big_n:
            text, cases = _input(spec, rng, "big", "random")
            tests[text], slow = cases, True
        elif dom == "num":
            text, cases = _input(spec, rng, "x", "slow")
            tests[text], slow = cases, True
    expected = {t: answer(spec, c) for t, c in tests.items()}
    kept: list[tuple[str, Outcome, Spec, tuple[str, ...]]] = []
    killed = 0
    for m in muts:
        _name, outcome, mspec, _langs = m
        if outcome is Outcome.TIME_LIMIT:
            if slow:
                kept.append(m)
            continue
        if any(answer(mspec, tests[t]) != expected[t] for t in tests if len(t) < 200_000):
            kept.append(m)
            killed += 1
            continue
        for _ in range(budget):  # strengthen: look for an input that tells this mutant apart
            # mostly tiny inputs made only of values next to the literals: they separate
            # nearly-equal constants fastest
            mode = (
                "hotonly" if dom in ("ints", "chars") and rng.random() < 0.4 else rng.choice(modes)
            )
            text, cases = _input(spec, rng, rng.choice(("tiny", "tiny", "small", "medium")), mode)
            good = answer(spec, cases)
            if answer(mspec, cases) != good:
                tests[text], expected[text] = cases, good
                kept.append(m)
                killed += 1
                break
    examples = _examples(spec, rng, [m for m in kept if m[1] is Outcome.WRONG_ANSWER])
    dead = _dead_literals(spec, muts, kept)
    ordered = sorted(tests, key=len)
    hidden = [Test(f"{i + 1:02d}", t, expected[t]) for i, t in enumerate(ordered)]
    variants = _choose_variants(rng, kept)
    gen = [_input(spec, rng, s, rng.choice(modes))[0] for s in ("tiny", "small", "medium")]
    n_wa = sum(1 for m in muts if m[1] is Outcome.WRONG_ANSWER)
    return TestSet(examples, hidden, variants, n_wa, killed, slow, gen, dead)


def _changed(spec: Spec, other: Spec) -> tuple[int, int] | None:
    for i, (a, b) in enumerate(zip(spec.lits, other.lits, strict=False)):
        for j, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return i, j
    return None


def _dead_literals(spec: Spec, muts: list, kept: list) -> int:
    """Literals whose every nudge is equivalent: the statement would mention a constant that
    does not matter (a cap above every value that passes the filter, say)."""
    tried = {_changed(spec, m[2]) for m in muts if m[0] == "wrong_literal"}
    alive = {_changed(spec, m[2]) for m in kept if m[0] == "wrong_literal"}
    return len(tried - alive - {None})


def _examples(spec: Spec, rng: random.Random, wrong: list) -> list[Test]:
    """2-3 small examples chosen to tell apart as many nearly-right programs as possible,
    so filtering samples on the examples already rejects most wrong constants."""
    cands: dict[str, tuple[list[Case], str]] = {}
    dom = SHAPES[spec.shape].domain
    extra = [("tiny", "hotonly")] * 3 if dom in ("ints", "chars") else [("tiny", "special")] * 3
    for size, mode in [
        *(("tiny", m) for m in modes_for(spec)[:6]),
        ("tiny", "random"),
        ("tiny", "hot"),
        *extra,
        ("small", "hot"),
        ("small", "random"),
    ]:
        text, cases = _input(spec, rng, size, mode)
        if len(text) <= 80:
            cands.setdefault(text, (cases, answer(spec, cases)))
    want = 3 if rng.random() < 0.5 else 2
    chosen: list[str] = []
    alive = list(wrong)
    while len(chosen) < want and len(chosen) < len(cands):
        best = max(
            (t for t in cands if t not in chosen),
            key=lambda t, live=alive: _score(t, cands, live, chosen),
        )
        chosen.append(best)
        cases, good = cands[best]
        alive = [m for m in alive if answer(m[2], cases) == good]
    return [Test(str(i + 1), t, cands[t][1]) for i, t in enumerate(chosen)]


def _score(t: str, cands: dict, alive: list, chosen: list[str]) -> tuple[int, int]:
    # a new kind of answer (YES after NO, a value after -1) counts like a killed mutant;
    # then prefer inputs of about 30 characters (big enough to show the task, short to read)
    cases, good = cands[t]
    kills = sum(1 for m in alive if answer(m[2], cases) != good)
    fresh = good not in {cands[c][1] for c in chosen}
    return (kills + int(fresh), -abs(len(t) - 30))


def _choose_variants(rng: random.Random, kept: list) -> list[Variant]:
    """Up to four incorrect programs of different kinds (a too-slow one when there is one)."""
    by_name: dict[str, list] = {}
    for m in kept:
        by_name.setdefault(m[0], []).append(m)
    names = sorted(by_name)
    rng.shuffle(names)
    if "quadratic" in names:
        names.remove("quadratic")
        names.insert(0, "quadratic")
    out = []
    for name in names[:4]:
        m = rng.choice(by_name[name])
        out.append(Variant(name, m[2], m[1], m[3]))
    return out
