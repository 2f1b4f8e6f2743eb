"""Input generators: random inputs and the edge cases that make tests strong (smallest
sizes, all-equal values, values next to every literal, nothing / everything passing the
filter, extreme values for overflow, op-specific structures, and big inputs for too-slow
programs). Every input respects the constraints the statement states."""

from __future__ import annotations

import math
import random
import string
from collections.abc import Callable

from . import chars_prog, elem, elem_prog
from . import lits as L
from .model import Spec
from .shapes import SHAPES, Case
from .snippets import REGISTRY

INT_MODES = (
    "random",
    "hot",
    "equal",
    "extreme",
    "sorted",
    "repeat",
    "narrow",
    "none",
    "all",
    "special",
)
STR_MODES = ("random", "hot", "equal", "palindrome", "runs", "distinct", "none", "all")
GRID_MODES = ("random", "empty", "full", "sparse", "dense", "equal", "narrow")
PRIMES = (
    2,
    3,
    5,
    7,
    11,
    13,
    97,
    101,
    7919,
    104729,
    999983,
    1000003,
    998244353,
    1000000007,
    999999999989,
)


def _k_kind(spec: Spec) -> str:
    for b in spec.blocks:
        kinds = (
            elem._kinds(b)
            if spec.family == "elem"
            else (REGISTRY[b].kinds if b in REGISTRY else ())
        )
        if kinds:
            return kinds[0]
    raise ValueError("no literal to read from the input")


def draw_k(spec: Spec, rng: random.Random) -> int:
    lo, hi = L.k_range(_k_kind(spec), spec.profile)
    if rng.random() < 0.3:
        return rng.choice((lo, hi, min(hi, lo + 1)))
    return rng.randint(lo, min(hi, lo + rng.choice((5, 20, 10**3, 10**9))))


def hot_ints(spec: Spec, k: int | None, rng: random.Random, lo: int, hi: int) -> list[int]:
    """Values next to every number that decides the answer: literals, their multiples,
    complements for pair sums, and the ends of the range."""
    vals: list[int] = [lo, hi, 0, 1, -1, 2]
    groups = [(k,)] if spec.lit_src == "input" else spec.lits
    for g in groups:
        for v in g:
            if not isinstance(v, int):
                continue
            vals += [v - 1, v, v + 1, -v]
            if 2 <= abs(v) <= 10**7:
                for _ in range(4):
                    r = rng.randint(lo // v, hi // v) if hi // v >= lo // v else 0
                    vals += [
                        r * v,
                        r * v + 1,
                        r * v - 1,
                        r * v + (g[-1] if len(g) == 2 and isinstance(g[-1], int) else 0),
                    ]
    vals += [x - 1 for x in vals[:8]] + [x + 1 for x in vals[:8]]
    return [x for x in vals if lo <= x <= hi] or [lo]


def _ints(
    rng: random.Random,
    n: int,
    lo: int,
    hi: int,
    mode: str,
    hot: list[int],
    pred: Callable[[int], bool] | None,
) -> list[int]:
    rnd = lambda: rng.randint(lo, hi)  # noqa: E731
    match mode:
        case "hot":
            return [rng.choice(hot) if rng.random() < 0.7 else rnd() for _ in range(n)]
        case "hotonly":
            return [rng.choice(hot) for _ in range(n)]
        case "equal":
            v = rng.choice(hot) if rng.random() < 0.6 else rnd()
            return [v] * n
        case "extreme":
            return [hi if rng.random() < 0.75 else lo for _ in range(n)]
        case "sorted":
            a = sorted(rng.choice(hot) if rng.random() < 0.3 else rnd() for _ in range(n))
            return a[::-1] if rng.random() < 0.3 else a
        case "repeat":
            pool = [
                rng.choice(hot) if rng.random() < 0.5 else rnd() for _ in range(rng.randint(1, 3))
            ]
            return [rng.choice(pool) for _ in range(n)]
        case "narrow":
            c, w = rnd(), rng.randint(1, 4)
            return [rng.randint(max(lo, c - w), min(hi, c + w)) for _ in range(n)]
        case "none" | "all" if pred is not None:
            want, out = mode == "all", []
            for _ in range(n):
                for _ in range(60):
                    x = rng.choice(hot) if rng.random() < 0.5 else rnd()
                    if pred(x) == want:
                        break
                out.append(x)
            return out
    return [rnd() for _ in range(n)]


def _special_seq(spec: Spec, rng: random.Random, n: int, k: int | None) -> list[int] | None:
    op, p = spec.blocks[-1], spec.profile
    lo, hi = p.lo, p.hi
    target = k if spec.lit_src == "input" else (spec.lits[-1][0] if spec.lits[-1] else None)
    if op == "q_pairs_sum" and isinstance(target, int):
        a: list[int] = []
        while len(a) < n:
            x = (
                rng.randint(max(lo, target - hi), min(hi, target - lo))
                if target - hi <= min(hi, target - lo)
                else rng.randint(lo, hi)
            )
            a += [x, target - x] if lo <= target - x <= hi else [x]
        rng.shuffle(a)
        return a[:n]
    if op in ("q_local_max", "q_inc_runs", "q_longest_inc", "q_records"):
        c = rng.randint(lo, hi)
        return [max(lo, min(hi, c + rng.choice((-2, -1, 0, 1, 2)) * (i % 3))) for i in range(n)]
    if op in ("q_take", "q_budget") and isinstance(target, int):
        # values whose total lands right around the target
        each = max(1, min(hi, target // max(1, n)))
        return [max(lo, min(hi, each + rng.randint(-1, 1))) for _ in range(n)]
    return None


def _string(
    rng: random.Random,
    n: int,
    alphabet: str,
    mode: str,
    hot: list[str],
    pred: Callable[[str], bool] | None,
) -> str:
    pick = lambda: rng.choice(alphabet)  # noqa: E731
    match mode:
        case "hot":
            return "".join(rng.choice(hot) if rng.random() < 0.6 else pick() for _ in range(n))
        case "hotonly":
            return "".join(rng.choice(hot) for _ in range(n))
        case "equal":
            return (rng.choice(hot) if rng.random() < 0.5 else pick()) * n
        case "palindrome":
            half = "".join(pick() for _ in range(n // 2))
            return half + ("".join(pick() for _ in range(n % 2))) + half[::-1]
        case "runs":
            out = ""
            while len(out) < n:
                out += (rng.choice(hot) if rng.random() < 0.4 else pick()) * rng.randint(1, 4)
            return out[:n]
        case "distinct":
            letters = list(dict.fromkeys(alphabet + string.ascii_lowercase))
            rng.shuffle(letters)
            return "".join(letters[: min(n, 26)])
        case "none" | "all" if pred is not None:
            want = mode == "all"
            pool = [c for c in string.ascii_lowercase if pred(c) == want]
            return (
                "".join(rng.choice(pool) for _ in range(n))
                if pool
                else "".join(pick() for _ in range(n))
            )
    return "".join(pick() for _ in range(n))


def _hot_letters(spec: Spec) -> list[str]:
    out = list("aeiouz")
    for g in spec.lits:
        for v in g:
            if isinstance(v, str):
                out += [c for c in (chr(ord(v) - 1), v, v, chr(ord(v) + 1)) if "a" <= c <= "z"]
    return out


def _num(spec: Spec, rng: random.Random, mode: str) -> list[int]:
    op = REGISTRY[spec.blocks[-1]]
    p, ar = spec.profile, SHAPES[spec.shape].arity
    ranges = op.notes.get("ranges") or ((p.lo, p.hi),) * ar
    k = spec.lits[-1][0] if spec.lits[-1] else 2

    def val(i: int) -> int:
        lo, hi = ranges[i]
        if mode == "extreme":
            return hi - rng.randint(0, 3) if hi - 3 >= lo else hi
        if mode in ("small", "special") or rng.random() < 0.3:
            return rng.randint(lo, min(hi, lo + 20))
        e = rng.uniform(0, math.log10(max(2, hi - lo + 1)))  # log-uniform: all magnitudes occur
        return min(hi, lo + int(10**e) - 1 + rng.randint(0, 1))

    v = [val(i) for i in range(ar)]
    lo, hi = ranges[0]
    if mode == "special":
        match op.id:
            case "n_multiples" | "n_div_check" | "n_pow_count":
                v = [
                    max(
                        lo,
                        min(
                            hi,
                            int(k) ** rng.randint(0, 6) * rng.randint(1, 50)
                            + rng.choice((0, 0, 1, -1)),
                        ),
                    )
                ]
            case "n_prime":
                v = [
                    rng.choice(
                        [q for q in PRIMES if q <= hi] + [1, 4, 9, 25, 999983 * 999979, 91, 561]
                    )
                ]
            case "n_divisors":
                v = [
                    rng.choice(
                        [
                            q
                            for q in (1, 36, 720720, 735134400, 999999999989, 10**12, 999966000289)
                            if q <= hi
                        ]
                    )
                ]
            case "n_count_digit" | "n_digit_sum":
                v = [
                    min(
                        hi,
                        int(str(k) * rng.randint(1, 12))
                        if isinstance(k, int)
                        else 10 ** rng.randint(0, 17),
                    )
                ]
                v = [max(1, v[0])]
            case "n_gcd" | "n_lcm":
                g = rng.randint(1, 1000)
                v = [
                    max(1, min(hi, g * rng.randint(1, 1000))),
                    max(1, min(hi, g * rng.randint(1, 1000))),
                ]
            case "n_make_div":
                b = rng.randint(1, min(hi, 1000))
                v = [max(1, min(hi, b * rng.randint(1, 100) + rng.choice((0, 0, 1)))), b]
            case "n_triangle" | "n_sum_eq":
                x, y = (
                    rng.randint(max(1, lo), max(1, hi // 2)),
                    rng.randint(max(1, lo), max(1, hi // 2)),
                )
                v = [x, y, x + y + rng.choice((0, 0, 1, -1))]
                rng.shuffle(v)
                v = [max(lo, min(hi, t)) for t in v]
            case "n_powmod":
                v = [
                    rng.choice((1, k, 2 * k, rng.randint(1, 10**9))),
                    rng.choice((0, 1, 2, rng.randint(0, 10**18))),
                ]
                v = [max(1, min(10**9, v[0])), v[1]]
            case _:
                v = [val(i) for i in range(ar)]
    if mode == "slow":
        match op.id:
            case "n_prime" | "n_divisors":
                v = [max(q for q in PRIMES if q <= hi)]
            case "n_gcd":
                v = [hi - rng.randint(0, 5), rng.randint(1, 2)]
            case "n_range_mult" | "n_range_sum":
                v = [lo, hi]
            case "n_powmod":
                v = [rng.randint(2, 10**9), 10**18 - rng.randint(0, 100)]
            case _:
                v = [hi - rng.randint(0, 3)]
    if op.notes.get("sorted"):
        v.sort()
    return v


def make_cases(spec: Spec, rng: random.Random, size: str, mode: str) -> list[Case]:
    """Cases for one input file. size: tiny | small | medium | large | big."""
    sh, p = SHAPES[spec.shape], spec.profile
    if sh.multi:
        t = {"tiny": rng.randint(2, 3), "small": rng.randint(3, 6)}.get(
            size, min(p.t_max, rng.randint(8, 40))
        )
        t = min(t, p.t_max)
        modes = (
            INT_MODES
            if sh.domain == "ints"
            else (STR_MODES if sh.domain == "chars" else ("random", "small", "extreme", "special"))
        )
        # examples stay short: test cases of at most three values each
        sub = "tiny3" if size == "tiny" else "small"
        out: list[Case] = []
        for i in range(t):
            m = mode if i == 0 or rng.random() < 0.3 else rng.choice(modes)
            out += _single(spec, rng, sub if i or size == "tiny" else size, m)
        return out
    return _single(spec, rng, size, mode)


def _length(rng: random.Random, size: str, n_max: int) -> int:
    if size == "one":
        return 1
    top = {"tiny3": 3, "tiny": 6, "small": 12, "medium": 60, "large": 300}.get(size, 300)
    lo = {"tiny": 1, "small": 1, "medium": 13, "large": 100}.get(size, 1)
    top = min(top, n_max)
    return rng.randint(min(lo, top), top)


def _single(spec: Spec, rng: random.Random, size: str, mode: str) -> list[Case]:
    sh, p = SHAPES[spec.shape], spec.profile
    k = draw_k(spec, rng) if spec.lit_src == "input" else None
    if sh.domain == "num":
        return [(_num(spec, rng, mode), None)]
    if sh.domain == "ints":
        pred = elem_prog._pred(spec, k) if spec.family == "elem" else None
        hot = hot_ints(spec, k, rng, p.lo, p.hi)
        if sh.arity:
            return [(_ints(rng, sh.arity, p.lo, p.hi, mode, hot, pred), None)]
        if spec.shape in ("grid_int", "grid_rows"):
            side = {"tiny": 3, "small": 5, "medium": 12, "large": 30}.get(size, 30)
            n, m = rng.randint(1, min(side, p.n_max)), rng.randint(1, min(side + 1, p.n_max))
            if size in ("tiny", "one"):
                n, m = (1, 1) if size == "one" else (rng.randint(1, 3), rng.randint(1, 4))
            return [
                (
                    [
                        _ints(
                            rng, m, p.lo, p.hi, mode if rng.random() < 0.7 else "random", hot, pred
                        )
                        for _ in range(n)
                    ],
                    None,
                )
            ]
        n = p.big_n if size == "big" else _length(rng, size, p.n_max)
        a = _special_seq(spec, rng, n, k) if mode == "special" else None
        return [(a or _ints(rng, n, p.lo, p.hi, mode, hot, pred), k)]
    if sh.domain == "chars":
        pred = chars_prog._pred(spec) if spec.family == "chr" else None
        hot = _hot_letters(spec)
        alphabet = p.alphabet if rng.random() < 0.85 else string.ascii_lowercase
        if spec.shape == "grid_char":
            side = {"tiny": 3, "small": 5}.get(size, 10)
            n, m = rng.randint(1, min(side, p.n_max)), rng.randint(1, min(side + 1, p.n_max))
            if size == "one":
                n, m = 1, 1
            rows = [
                _string(rng, m, alphabet, mode if rng.random() < 0.7 else "random", hot, pred)
                for _ in range(n)
            ]
            return [(rows, None)]
        n = _length(rng, size, p.n_max)
        return [(_string(rng, n, alphabet, mode, hot, pred), None)]
    side = {"tiny": 4, "small": 6, "medium": 12}.get(size, 20)
    n, m = rng.randint(1, min(side, p.n_max)), rng.randint(1, min(side + 1, p.n_max))
    if size == "one":
        n, m = 1, 1
    if sh.domain == "cgrid":
        dens = {"empty": 0.0, "full": 1.0, "sparse": 0.15, "dense": 0.8}.get(mode, rng.random())
        return [
            (
                ["".join("#" if rng.random() < dens else "." for _ in range(m)) for _ in range(n)],
                None,
            )
        ]
    hot = hot_ints(spec, None, rng, p.lo, p.hi)
    return [
        (
            [
                _ints(rng, m, p.lo, p.hi, mode if mode in INT_MODES else "random", hot, None)
                for _ in range(n)
            ],
            None,
        )
    ]


def modes_for(spec: Spec) -> tuple[str, ...]:
    d = SHAPES[spec.shape].domain
    if d == "num":
        return ("random", "small", "extreme", "special", "special")
    if d == "chars":
        return STR_MODES
    if d == "cgrid":
        return GRID_MODES
    return INT_MODES
