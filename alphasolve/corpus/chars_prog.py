"""Programs of the letter pipelines (chars.py): the answer computed in process, the
Python and C++ code, and the nearly-right wrong programs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from . import lits as L
from .chars import CAGGS, CFILTERS, CMAPS, _kinds
from .model import Outcome, Spec
from .shapes import SHAPES, program

# ---- semantics -------------------------------------------------------------------------


def _pred(spec: Spec) -> Callable[[str], bool]:
    fs = [(CFILTERS[b], spec.lits[i]) for i, b in enumerate(spec.blocks) if b in CFILTERS]
    return lambda c: all(f.fn(c, lt) for f, lt in fs)


def evaluate(spec: Spec, value: object, k: int | None) -> str:
    s: str = value  # type: ignore[assignment]
    pred, agg, bug = _pred(spec), spec.blocks[-1], spec.bug
    mi = next((i for i, b in enumerate(spec.blocks) if b in CMAPS), None)
    b = [c if mi is None else CMAPS[spec.blocks[mi]].fn(c, spec.lits[mi]) for c in s if pred(c)]
    empty = "0" if bug == "missed_edge" else "-1"
    match agg:
        case "ca_count":
            return str(len(b))
        case "ca_first" | "ca_last":
            idx = [i + (0 if bug == "off_by_one" else 1) for i, c in enumerate(s) if pred(c)]
            return str(idx[0] if agg == "ca_first" else idx[-1]) if idx else empty
        case "ca_any":
            return "YES" if b else "NO"
        case "ca_all":
            return "YES" if len(b) == len(s) else "NO"
        case "ca_keep" | "ca_sorted":
            b = sorted(b) if agg == "ca_sorted" else b
            return "".join(b) if b else ("" if bug == "missed_edge" else "-1")
        case "ca_distinct":
            return str(len(set(b)))
        case "ca_longest":
            best = cur = 0
            for c in s:
                cur = cur + 1 if pred(c) else (cur if bug == "no_reset" else 0)
                best = max(best, cur)
            return str(best)
        case "ca_blocks":
            if bug == "missed_edge":  # counts a block only when a non-matching letter ends it
                return str(sum(1 for i in range(len(s) - 1) if pred(s[i]) and not pred(s[i + 1])))
            return str(
                sum(1 for i, c in enumerate(s) if pred(c) and (i == 0 or not pred(s[i - 1])))
            )
    raise KeyError(agg)


# ---- code ------------------------------------------------------------------------------


def _cond(spec: Spec, lang: str) -> str | None:
    parts = [
        getattr(CFILTERS[b], "py" if lang == "python3" else "cpp").format(
            *map(L.code, spec.lits[i])
        )
        for i, b in enumerate(spec.blocks)
        if b in CFILTERS
    ]
    if not parts:
        return None
    return (" and " if lang == "python3" else " && ").join(parts)


def _mexpr(spec: Spec, lang: str) -> str | None:
    for i, b in enumerate(spec.blocks):
        if b in CMAPS:
            return getattr(CMAPS[b], "py" if lang == "python3" else "cpp").format(
                *map(L.code, spec.lits[i])
            )
    return None


def code(spec: Spec, lang: str) -> str:
    body = _py_body(spec) if lang == "python3" else _cpp_body(spec)
    return program(SHAPES[spec.shape], lang, body)


def _py_body(spec: Spec) -> list[str]:
    cond, mexpr, agg, bug = (
        _cond(spec, "python3"),
        _mexpr(spec, "python3"),
        spec.blocks[-1],
        spec.bug,
    )
    empty = "0" if bug == "missed_edge" else "-1"
    match agg:
        case "ca_count":
            return [f"print(sum(1 for c in s if {cond}))"]
        case "ca_first" | "ca_last":
            pos = "i" if bug == "off_by_one" else "i + 1"
            lines = [
                f"ans = {empty}",
                "for i, c in enumerate(s):",
                f"    if {cond}:",
                f"        ans = {pos}",
            ]
            return (
                [*lines, "        break", "print(ans)"]
                if agg == "ca_first"
                else [*lines, "print(ans)"]
            )
        case "ca_any":
            return [f'print("YES" if any({cond} for c in s) else "NO")']
        case "ca_all":
            return [f'print("YES" if all({cond} for c in s) else "NO")']
        case "ca_keep" | "ca_sorted":
            gen = f"{mexpr or 'c'} for c in s" + (f" if {cond}" if cond else "")
            line = f'b = "".join({gen})' if agg == "ca_keep" else f'b = "".join(sorted({gen}))'
            return [line, "print(b)" if bug == "missed_edge" else "print(b if b else -1)"]
        case "ca_distinct":
            gen = f"{mexpr or 'c'} for c in s" + (f" if {cond}" if cond else "")
            return [f"print(len(set({gen})))"]
        case "ca_longest":
            reset = "pass" if bug == "no_reset" else "cur = 0"
            return [
                "best = cur = 0",
                "for c in s:",
                f"    if {cond}:",
                "        cur += 1",
                "        best = max(best, cur)",
                "    else:",
                f"        {reset}",
                "print(best)",
            ]
        case "ca_blocks":
            if bug == "missed_edge":
                return [
                    "ans = 0",
                    "for i in range(len(s) - 1):",
                    "    c = s[i]",
                    f"    if {cond}:",
                    "        c = s[i + 1]",
                    f"        if not ({cond}):",
                    "            ans += 1",
                    "print(ans)",
                ]
            return [
                "ans = 0",
                "inside = False",
                "for c in s:",
                f"    if {cond}:",
                "        if not inside:",
                "            ans += 1",
                "        inside = True",
                "    else:",
                "        inside = False",
                "print(ans)",
            ]
    raise KeyError(agg)


def _cpp_body(spec: Spec) -> list[str]:
    cond, mexpr, agg, bug = _cond(spec, "cpp17"), _mexpr(spec, "cpp17"), spec.blocks[-1], spec.bug
    empty = "0" if bug == "missed_edge" else "-1"
    out = 'cout << ans << "\\n";'
    match agg:
        case "ca_count":
            return ["int ans = 0;", "for (char c : s) {", f"    if ({cond}) ans++;", "}", out]
        case "ca_first" | "ca_last":
            pos = "i" if bug == "off_by_one" else "i + 1"
            lines = [
                f"int ans = {empty};",
                "for (int i = 0; i < (int)s.size(); i++) {",
                "    char c = s[i];",
                f"    if ({cond}) {{",
                f"        ans = {pos};",
            ]
            if agg == "ca_first":
                lines.append("        break;")
            return [*lines, "    }", "}", out]
        case "ca_any" | "ca_all":
            init, cnd, val = (
                ("false", cond, "true") if agg == "ca_any" else ("true", f"!({cond})", "false")
            )
            return [
                f"bool ok = {init};",
                "for (char c : s) {",
                f"    if ({cnd}) ok = {val};",
                "}",
                'cout << (ok ? "YES" : "NO") << "\\n";',
            ]
        case "ca_keep" | "ca_sorted":
            add = f"b += {mexpr or 'c'};"
            lines = [
                "string b;",
                "for (char c : s) {",
                f"    if ({cond}) {add}" if cond else f"    {add}",
                "}",
            ]
            if agg == "ca_sorted":
                lines.append("sort(b.begin(), b.end());")
            if bug == "missed_edge":
                return [*lines, 'cout << b << "\\n";']
            return [*lines, 'if (b.empty()) cout << -1 << "\\n";', 'else cout << b << "\\n";']
        case "ca_distinct":
            add = f"seen.insert({mexpr or 'c'});"
            return [
                "set<char> seen;",
                "for (char c : s) {",
                f"    if ({cond}) {add}" if cond else f"    {add}",
                "}",
                'cout << seen.size() << "\\n";',
            ]
        case "ca_longest":
            reset = "" if bug == "no_reset" else "cur = 0;"
            lines = [
                "int best = 0, cur = 0;",
                "for (char c : s) {",
                f"    if ({cond}) {{",
                "        cur++;",
                "        best = max(best, cur);",
                "    }",
            ]
            if reset:
                lines[-1] = "    } else {"
                lines += [f"        {reset}", "    }"]
            return [*lines, "}", 'cout << best << "\\n";']
        case "ca_blocks":
            if bug == "missed_edge":
                return [
                    "int ans = 0;",
                    "for (int i = 0; i + 1 < (int)s.size(); i++) {",
                    "    char c = s[i];",
                    f"    bool here = {cond};",
                    "    c = s[i + 1];",
                    f"    if (here && !({cond})) ans++;",
                    "}",
                    out,
                ]
            return [
                "int ans = 0;",
                "bool inside = false;",
                "for (char c : s) {",
                f"    if ({cond}) {{",
                "        if (!inside) ans++;",
                "        inside = true;",
                "    } else {",
                "        inside = false;",
                "    }",
                "}",
                out,
            ]
    raise KeyError(agg)


# ---- wrong programs ---------------------------------------------------------------------


def mutants(spec: Spec) -> list[tuple[str, Outcome, Spec, tuple[str, ...]]]:
    both = ("python3", "cpp17")
    wa = Outcome.WRONG_ANSWER
    out: list[tuple[str, Outcome, Spec, tuple[str, ...]]] = []
    for i, b in enumerate(spec.blocks):
        for j, kind in enumerate(_kinds(b)):
            for d in (1, -1):
                v = L.nudge(kind, spec.lits[i][j], d, spec.lits[i][:j])
                if v is None or (b == "cm_replace" and v in spec.lits[i]):
                    continue
                group = (*spec.lits[i][:j], v, *spec.lits[i][j + 1 :])
                out.append(
                    (
                        "wrong_literal",
                        wa,
                        replace(spec, lits=(*spec.lits[:i], group, *spec.lits[i + 1 :])),
                        both,
                    )
                )
        f = CFILTERS.get(b)
        if f and f.swap:
            out.append(
                (
                    "wrong_operator",
                    wa,
                    replace(spec, blocks=(*spec.blocks[:i], f.swap, *spec.blocks[i + 1 :])),
                    both,
                )
            )
    agg = spec.blocks[-1]
    if agg in ("ca_first", "ca_last"):
        out.append(("off_by_one", wa, replace(spec, bug="off_by_one"), both))
    if CAGGS[agg]["empty"] or agg == "ca_blocks":
        out.append(("missed_edge", wa, replace(spec, bug="missed_edge"), both))
    if agg == "ca_longest":
        out.append(("missed_edge", wa, replace(spec, bug="no_reset"), both))
    return out
