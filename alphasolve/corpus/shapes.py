"""Input shapes: how a problem's input is laid out, read by each language, and cut into
units (one unit = one answer line: the whole input, a test case, or a grid row).

Every family writes its program body for ONE unit and prints that unit's answer; `program()`
wraps the body in the shape's reading code and test-case loop, so every family gets every
shape it supports for free and the reading idiom is identical across the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

# A case is what the generator makes and the serializer writes: (payload, k) where payload is
# a list of ints, a string, or a list of rows, and k the parameter read from the input (or None).
Case = tuple[object, int | None]


@dataclass(frozen=True)
class Shape:
    id: str
    domain: str  # ints | chars | cgrid | igrid | num
    multi: bool = False  # t test cases, one answer line each
    per_row: bool = False  # every grid row is a unit (one answer line per row)
    arity: int = 0  # fixed count of numbers (pair 2, triple 3, int 1); 0 = variable


SHAPES: dict[str, Shape] = {
    s.id: s
    for s in (
        Shape("array", "ints"),
        Shape("multi_array", "ints", multi=True),
        Shape("grid_int", "ints"),
        Shape("grid_rows", "ints", per_row=True),
        Shape("pair", "ints", arity=2),
        Shape("triple", "ints", arity=3),
        Shape("string", "chars"),
        Shape("multi_string", "chars", multi=True),
        Shape("grid_char", "chars"),
        Shape("cgrid", "cgrid"),
        Shape("igrid", "igrid"),
        Shape("int", "num", arity=1),
        Shape("multi_int", "num", multi=True, arity=1),
        Shape("num_pair", "num", arity=2),
        Shape("multi_pair", "num", multi=True, arity=2),
        Shape("num_triple", "num", arity=3),
    )
}

K_SHAPES = ("array", "multi_array")  # shapes that can read a parameter k from the input
GRID_SHAPES = ("grid_int", "grid_rows", "grid_char", "cgrid", "igrid")


def units(shape: Shape, cases: list[Case]) -> list[tuple[object, int | None]]:
    """The values each answer line is computed from."""
    out: list[tuple[object, int | None]] = []
    for payload, k in cases:
        if shape.id == "grid_int":
            out.append(([x for row in payload for x in row], k))  # type: ignore[union-attr]
        elif shape.id == "grid_rows":
            out.extend((list(row), k) for row in payload)  # type: ignore[union-attr]
        elif shape.id == "grid_char":
            out.append(("".join(payload), k))  # type: ignore[arg-type]
        else:
            out.append((payload, k))
    return out


def serialize(shape: Shape, cases: list[Case]) -> str:
    """The input file for these cases."""
    lines: list[str] = [str(len(cases))] if shape.multi else []
    for payload, k in cases:
        if shape.domain == "num":
            lines.append(" ".join(map(str, payload)))  # type: ignore[call-overload]
        elif shape.id in GRID_SHAPES:
            rows: list = payload  # type: ignore[assignment]
            lines.append(f"{len(rows)} {len(rows[0])}")
            for row in rows:
                lines.append(row if isinstance(row, str) else " ".join(map(str, row)))
        elif shape.domain == "chars":
            lines.append(str(payload))
        elif shape.arity:
            lines.append(" ".join(map(str, payload)))  # type: ignore[call-overload]
        else:
            seq: list[int] = payload  # type: ignore[assignment]
            lines.append(f"{len(seq)}" if k is None else f"{len(seq)} {k}")
            lines.append(" ".join(map(str, seq)))
    return "\n".join(lines) + "\n"


def indent(lines: list[str], by: int = 4) -> list[str]:
    pad = " " * by
    return [pad + ln if ln else ln for ln in lines]


def _py_read(shape: Shape, has_k: bool) -> tuple[list[str], list[str]]:
    """(lines before the per-unit loop, lines reading one unit inside it)."""
    nk = "n, k = map(int, input().split())" if has_k else "n = int(input())"
    ints = "list(map(int, input().split()))"
    nm = "n, m = map(int, input().split())"
    match shape.id:
        case "array" | "multi_array":
            return [], [nk, f"a = {ints}"]
        case "grid_int":
            return [], [nm, "a = []", "for _ in range(n):", "    a += map(int, input().split())"]
        case "grid_rows":
            return [nm], [f"a = {ints}"]
        case "pair" | "triple":
            return [], [f"a = {ints}"]
        case "string" | "multi_string":
            return [], ["s = input()"]
        case "grid_char":
            return [], [nm, 's = "".join(input() for _ in range(n))']
        case "cgrid":
            return [], [nm, "g = [input() for _ in range(n)]"]
        case "igrid":
            return [], [nm, f"a = [{ints} for _ in range(n)]"]
        case "int" | "multi_int":
            return [], ["n = int(input())"]
        case "num_pair" | "multi_pair":
            return [], ["a, b = map(int, input().split())"]
        case "num_triple":
            return [], ["a, b, c = map(int, input().split())"]
    raise KeyError(shape.id)


def _cpp_read(shape: Shape, has_k: bool) -> tuple[list[str], list[str]]:
    nk = ["int n;", "long long k;", "cin >> n >> k;"] if has_k else ["int n;", "cin >> n;"]
    vec = ["vector<long long> a(n);", "for (auto &x : a) cin >> x;"]
    nm = ["int n, m;", "cin >> n >> m;"]
    match shape.id:
        case "array" | "multi_array":
            return [], nk + vec
        case "grid_int":
            return [], [*nm, "vector<long long> a(n * m);", "for (auto &x : a) cin >> x;"]
        case "grid_rows":
            return nm, ["vector<long long> a(m);", "for (auto &x : a) cin >> x;"]
        case "pair" | "triple":
            size = 2 if shape.id == "pair" else 3
            return [], [f"vector<long long> a({size});", "for (auto &x : a) cin >> x;"]
        case "string" | "multi_string":
            return [], ["string s;", "cin >> s;"]
        case "grid_char":
            return [], [
                *nm,
                "string s, row;",
                "for (int i = 0; i < n; i++) {",
                "    cin >> row;",
                "    s += row;",
                "}",
            ]
        case "cgrid":
            return [], [*nm, "vector<string> g(n);", "for (auto &row : g) cin >> row;"]
        case "igrid":
            return [], [
                *nm,
                "vector<vector<long long>> a(n, vector<long long>(m));",
                "for (auto &row : a)",
                "    for (auto &x : row) cin >> x;",
            ]
        case "int" | "multi_int":
            return [], ["long long n;", "cin >> n;"]
        case "num_pair" | "multi_pair":
            return [], ["long long a, b;", "cin >> a >> b;"]
        case "num_triple":
            return [], ["long long a, b, c;", "cin >> a >> b >> c;"]
    raise KeyError(shape.id)


def program(
    shape: Shape, lang: str, body: list[str], has_k: bool = False, helpers: list[str] | None = None
) -> str:
    """A whole program: reading code, test-case / row loop, and the per-unit body."""
    if lang == "python3":
        pre, read = _py_read(shape, has_k)
        unit = read + body
        if shape.multi:
            lines = ["t = int(input())", "for _ in range(t):", *indent(unit)]
        elif shape.per_row:
            lines = [*pre, "for _ in range(n):", *indent(unit)]
        else:
            lines = pre + unit
        head = (helpers or []) + ([""] if helpers else [])
        return "\n".join(head + lines) + "\n"
    pre, read = _cpp_read(shape, has_k)
    unit = read + body
    if shape.multi:
        lines = ["int t;", "cin >> t;", "while (t--) {", *indent(unit), "}"]
    elif shape.per_row:
        lines = [*pre, "for (int r = 0; r < n; r++) {", *indent(unit), "}"]
    else:
        lines = pre + unit
    head = ["#include <bits/stdc++.h>", "using namespace std;", ""]
    if helpers:
        head += [*helpers, ""]
    main = [
        "int main() {",
        "    ios::sync_with_stdio(false);",
        "    cin.tie(nullptr);",
        *indent(lines),
        "    return 0;",
        "}",
    ]
    return "\n".join(head + main) + "\n"
