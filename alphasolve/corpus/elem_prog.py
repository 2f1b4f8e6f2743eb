"""Programs of the element-wise integer pipelines (elem.py): the answer computed in
process, the Python and C++ code, and the nearly-right wrong programs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from . import lits as L
from .elem import AGGS, FILTERS, MAPS, _kinds, _mapped_range
from .model import Outcome, Spec
from .shapes import SHAPES, program

# ---- semantics -------------------------------------------------------------------------


def _pred(spec: Spec, k: int | None) -> Callable[[int], bool]:
    fs = [(FILTERS[b], _lv(spec, i, k)) for i, b in enumerate(spec.blocks) if b in FILTERS]
    return lambda x: all(f.fn(x, lt) for f, lt in fs)


def _lv(spec: Spec, i: int, k: int | None) -> tuple:
    """Literals of block i, with the input parameter k in place when it is read from input."""
    if spec.lit_src == "input" and spec.lits[i]:
        return (k,)
    return spec.lits[i]


def evaluate(spec: Spec, value: object, k: int | None) -> str:
    a: list[int] = value  # type: ignore[assignment]
    pred = _pred(spec, k)
    mi = next((i for i, b in enumerate(spec.blocks) if b in MAPS), None)
    mfn = (lambda x: x) if mi is None else (lambda x: MAPS[spec.blocks[mi]].fn(x, _lv(spec, mi, k)))
    agg, bug = spec.blocks[-1], spec.bug
    b = [mfn(x) for x in a if pred(x)]
    empty = "0" if bug == "missed_edge" else "-1"
    match agg:
        case "a_sum":
            s = sum(b)
            if bug == "overflow":  # 32-bit accumulator: wraps around like the C++ int
                s = 0
                for v in b:
                    s = (s + v + 2**31) % 2**32 - 2**31
            return str(s)
        case "a_count":
            return str(len(b))
        case "a_min":
            return str(min(b)) if b else empty
        case "a_max":
            if bug == "init_zero":
                return str(max([0, *b]))
            return str(max(b)) if b else empty
        case "a_prodmod":
            m, p = _lv(spec, len(spec.blocks) - 1, k)[0], 1
            for v in b:
                p = p * v % m
            return str(p)
        case "a_first" | "a_last":
            idx = [i + (0 if bug == "off_by_one" else 1) for i, x in enumerate(a) if pred(x)]
            return str(idx[0] if agg == "a_first" else idx[-1]) if idx else empty
        case "a_any":
            return "YES" if b else "NO"
        case "a_all":
            return "YES" if len(b) == len(a) else "NO"
        case "a_list":
            return " ".join(map(str, b)) if b else ("" if bug == "missed_edge" else "-1")
        case "a_distinct":
            return str(len(set(b)))
        case "a_atleast":
            need = _lv(spec, len(spec.blocks) - 1, k)[0]
            return "YES" if (len(b) > need if bug == "off_by_one" else len(b) >= need) else "NO"
        case "a_range":
            return str(max(b) - min(b)) if b else empty
    raise KeyError(agg)


# ---- code ------------------------------------------------------------------------------


def _fmt(spec: Spec, i: int, template: str, lang: str) -> str:
    vals = (
        ["k"] * len(spec.lits[i]) if spec.lit_src == "input" else [L.code(v) for v in spec.lits[i]]
    )
    if lang == "cpp17" and spec.lit_src == "input":
        template = template.replace("{0}LL", "{0}")
    return template.format(*vals)


def _cond(spec: Spec, lang: str) -> str | None:
    parts = [
        _fmt(spec, i, getattr(FILTERS[b], "py" if lang == "python3" else "cpp"), lang)
        for i, b in enumerate(spec.blocks)
        if b in FILTERS
    ]
    if not parts:
        return None
    return (" and " if lang == "python3" else " && ").join(parts)


def _mexpr(spec: Spec, lang: str) -> str | None:
    for i, b in enumerate(spec.blocks):
        if b in MAPS:
            return _fmt(spec, i, getattr(MAPS[b], "py" if lang == "python3" else "cpp"), lang)
    return None


def code(spec: Spec, lang: str) -> str:
    body = _py_body(spec) if lang == "python3" else _cpp_body(spec)
    return program(SHAPES[spec.shape], lang, body, has_k=spec.lit_src == "input")


def _agg_lit(spec: Spec) -> str:
    return "k" if spec.lit_src == "input" else str(spec.lits[-1][0])


def _py_body(spec: Spec) -> list[str]:
    cond, mexpr, agg, bug = (
        _cond(spec, "python3"),
        _mexpr(spec, "python3"),
        spec.blocks[-1],
        spec.bug,
    )
    empty = "0" if bug == "missed_edge" else "-1"
    if agg in ("a_first", "a_last"):
        pos = "i" if bug == "off_by_one" else "i + 1"
        lines = [
            f"ans = {empty}",
            "for i, x in enumerate(a):",
            f"    if {cond}:",
            f"        ans = {pos}",
        ]
        if agg == "a_first":
            lines.append("        break")
        return [*lines, "print(ans)"]
    if agg == "a_any":
        return [f'print("YES" if any({cond} for x in a) else "NO")']
    if agg == "a_all":
        return [f'print("YES" if all({cond} for x in a) else "NO")']
    if cond or mexpr:
        lines = [f"b = [{mexpr or 'x'} for x in a" + (f" if {cond}]" if cond else "]")]
        v = "b"
    else:
        lines, v = [], "a"
    guard = f" if {v} else {empty}" if (cond and AGGS[agg]["empty"]) else ""
    match agg:
        case "a_sum":
            return [*lines, f"print(sum({v}))"]
        case "a_count":
            return [*lines, f"print(len({v}))"]
        case "a_min" | "a_max":
            f = agg[2:]
            if bug == "init_zero":
                return [
                    *lines,
                    "best = 0",
                    f"for v in {v}:",
                    "    best = max(best, v)",
                    "print(best)",
                ]
            return [*lines, f"print({f}({v}){guard})"]
        case "a_prodmod":
            return [
                *lines,
                "p = 1",
                f"for v in {v}:",
                f"    p = p * v % {_agg_lit(spec)}",
                "print(p)",
            ]
        case "a_list":
            if bug == "missed_edge":
                return [*lines, f"print(*{v})"]
            return [*lines, f'print(" ".join(map(str, {v})) if {v} else -1)']
        case "a_distinct":
            return [*lines, f"print(len(set({v})))"]
        case "a_atleast":
            op = ">" if bug == "off_by_one" else ">="
            return [*lines, f'print("YES" if len({v}) {op} {_agg_lit(spec)} else "NO")']
        case "a_range":
            if guard:
                return [*lines, f"print(max({v}) - min({v}) if {v} else {empty})"]
            return [*lines, f"print(max({v}) - min({v}))"]
    raise KeyError(agg)


def _cpp_body(spec: Spec) -> list[str]:
    cond, mexpr, agg, bug = _cond(spec, "cpp17"), _mexpr(spec, "cpp17"), spec.blocks[-1], spec.bug
    empty = "0" if bug == "missed_edge" else "-1"
    if agg in ("a_first", "a_last"):
        pos = "i" if bug == "off_by_one" else "i + 1"
        lines = [
            f"int ans = {empty};",
            "for (int i = 0; i < (int)a.size(); i++) {",
            "    long long x = a[i];",
            f"    if ({cond}) {{",
            f"        ans = {pos};",
        ]
        if agg == "a_first":
            lines.append("        break;")
        return [*lines, "    }", "}", 'cout << ans << "\\n";']
    if agg in ("a_any", "a_all"):
        init, cnd, val = (
            ("false", cond, "true") if agg == "a_any" else ("true", f"!({cond})", "false")
        )
        return [
            f"bool ok = {init};",
            "for (long long x : a) {",
            f"    if ({cnd}) ok = {val};",
            "}",
            'cout << (ok ? "YES" : "NO") << "\\n";',
        ]
    if cond or mexpr:
        push = f"b.push_back({mexpr or 'x'});"
        lines = [
            "vector<long long> b;",
            "for (long long x : a) {",
            f"    if ({cond}) {push}" if cond else f"    {push}",
            "}",
        ]
        v = "b"
    else:
        lines, v = [], "a"
    can_empty = bool(cond) and AGGS[agg]["empty"]
    rng_ = f"{v}.begin(), {v}.end()"
    match agg:
        case "a_sum":
            if bug == "overflow":
                return [
                    *lines,
                    "int ans = 0;",
                    f"for (long long v : {v}) ans += v;",
                    'cout << ans << "\\n";',
                ]
            return [*lines, f'cout << accumulate({rng_}, 0LL) << "\\n";']
        case "a_count":
            return [*lines, f'cout << {v}.size() << "\\n";']
        case "a_min" | "a_max":
            f = agg[2:]
            if bug == "init_zero":
                return [
                    *lines,
                    "long long best = 0;",
                    f"for (long long v : {v}) best = max(best, v);",
                    'cout << best << "\\n";',
                ]
            out = f'cout << *{f}_element({rng_}) << "\\n";'
            if can_empty:
                return [*lines, f'if ({v}.empty()) cout << {empty} << "\\n";', f"else {out}"]
            return [*lines, out]
        case "a_prodmod":
            return [
                *lines,
                "long long p = 1;",
                f"for (long long v : {v}) p = p * v % {_agg_lit(spec)};",
                'cout << p << "\\n";',
            ]
        case "a_list":
            head = [] if bug == "missed_edge" else [f"if ({v}.empty()) cout << -1;"]
            return [*lines, *head, f"for (long long v : {v}) cout << v << ' ';", 'cout << "\\n";']
        case "a_distinct":
            return [*lines, f'cout << set<long long>({rng_}).size() << "\\n";']
        case "a_atleast":
            op = ">" if bug == "off_by_one" else ">="
            return [
                *lines,
                f'cout << ((long long){v}.size() {op} {_agg_lit(spec)} ? "YES" : "NO") << "\\n";',
            ]
        case "a_range":
            out = f'cout << *max_element({rng_}) - *min_element({rng_}) << "\\n";'
            if can_empty:
                return [*lines, f'if ({v}.empty()) cout << {empty} << "\\n";', f"else {out}"]
            return [*lines, out]
    raise KeyError(agg)


# ---- wrong programs ---------------------------------------------------------------------


def mutants(spec: Spec) -> list[tuple[str, Outcome, Spec, tuple[str, ...]]]:
    """Nearly-right programs: (name, expected outcome, spec, languages)."""
    both = ("python3", "cpp17")
    out: list[tuple[str, Outcome, Spec, tuple[str, ...]]] = []
    wa = Outcome.WRONG_ANSWER
    if spec.lit_src == "stmt":
        for i, b in enumerate(spec.blocks):
            for j, kind in enumerate(_kinds(b)):
                for d in (1, -1):
                    v = L.nudge(kind, spec.lits[i][j], d, spec.lits[i][:j])
                    if v is None:
                        continue
                    group = (*spec.lits[i][:j], v, *spec.lits[i][j + 1 :])
                    if b == "f_modr" and j == 0 and not (0 <= int(group[1]) < int(v)):
                        continue
                    new = (*spec.lits[:i], group, *spec.lits[i + 1 :])
                    out.append(("wrong_literal", wa, replace(spec, lits=new), both))
    for i, b in enumerate(spec.blocks):
        f = FILTERS.get(b)
        if f and f.swap:
            nb, nl = f.swap
            blocks = (*spec.blocks[:i], nb, *spec.blocks[i + 1 :])
            new_l = spec.lits if nl is None else (*spec.lits[:i], nl, *spec.lits[i + 1 :])
            if nl is not None and spec.lit_src == "input":
                continue  # the swapped filter would bring a second literal
            out.append(("wrong_operator", wa, replace(spec, blocks=blocks, lits=new_l), both))
    agg = spec.blocks[-1]
    has_filter = any(b in FILTERS for b in spec.blocks)
    if agg in ("a_first", "a_last", "a_atleast"):
        out.append(("off_by_one", wa, replace(spec, bug="off_by_one"), both))
    if has_filter and AGGS[agg]["empty"]:
        out.append(("missed_edge", wa, replace(spec, bug="missed_edge"), both))
    mlo, _ = _mapped_range(spec.blocks, spec.lits, spec.profile.lo, spec.profile.hi)
    if (
        agg == "a_max"
        and not has_filter
        and (mlo < 0 or (spec.lit_src == "input" and spec.profile.lo < 0))
    ):
        out.append(("missed_edge", wa, replace(spec, bug="init_zero"), both))
    if agg == "a_sum" and not SHAPES[spec.shape].arity:
        out.append(("overflow", wa, replace(spec, bug="overflow"), ("cpp17",)))
    return out
