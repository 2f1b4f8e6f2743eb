#!/usr/bin/env python3
"""Deterministic test generator for closed-stations (stdlib only, fixed seed).

Writes examples/NN.in and tests/NN.in, and the matching .ans files computed by
solutions/main.py. Re-running it reproduces exactly the same files.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOLUTION = HERE / "solutions" / "main.py"
SEED = 20241128
MAXN = 10**5
MAXM = 10**5


def answer(text: str) -> bytes:
    return subprocess.run(
        [sys.executable, str(SOLUTION)], input=text.encode(), stdout=subprocess.PIPE, check=True
    ).stdout


def write_all(folder: str, cases: list[str]) -> None:
    d = HERE / folder
    d.mkdir(exist_ok=True)
    for old in [*d.glob("*.in"), *d.glob("*.ans")]:
        old.unlink()
    for i, text in enumerate(cases, 1):
        (d / f"{i:02d}.in").write_bytes(text.encode())
        (d / f"{i:02d}.ans").write_bytes(answer(text))


def fmt(n: int, closed: set[int], edges: list[tuple[int, int]]) -> str:
    assert 2 <= n <= MAXN and 0 <= len(edges) <= MAXM and 1 not in closed
    assert all(1 <= u <= n and 1 <= v <= n and u != v for u, v in edges)
    s = "".join("1" if i in closed else "0" for i in range(1, n + 1))
    return f"{n} {len(edges)}\n{s}\n" + "".join(f"{u} {v}\n" for u, v in edges)


EXAMPLES = [
    fmt(5, {3}, [(1, 2), (2, 3), (3, 4), (1, 4), (4, 5)]),
    fmt(4, set(), [(1, 2), (3, 4)]),
]


def relabel(rng: random.Random, n: int, closed: set[int], edges: list[tuple[int, int]]):
    """Shuffle station numbers (keeping station 1 in place), edge order and edge directions."""
    perm = list(range(2, n + 1))
    rng.shuffle(perm)
    mp = {1: 1, **{i: perm[i - 2] for i in range(2, n + 1)}}
    new_edges = [(mp[u], mp[v]) if rng.random() < 0.5 else (mp[v], mp[u]) for u, v in edges]
    rng.shuffle(new_edges)
    return {mp[c] for c in closed}, new_edges


def random_graph(rng: random.Random, n: int, m: int, p_closed: float) -> str:
    edges = []
    for _ in range(m):
        u = rng.randint(1, n)
        v = rng.randint(1, n - 1)
        edges.append((u, v if v < u else v + 1))
    closed = {i for i in range(2, n + 1) if rng.random() < p_closed}
    return fmt(n, closed, edges)


def grid_maze(rng: random.Random, rows: int, cols: int, p_closed: float) -> str:
    """Stations on a grid, tunnels between neighbouring cells: shortest paths wind around."""
    idx = lambda r, c: r * cols + c + 1  # noqa: E731
    edges = []
    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols:
                edges.append((idx(r, c), idx(r, c + 1)))
            if r + 1 < rows:
                edges.append((idx(r, c), idx(r + 1, c)))
    closed = {i for i in range(2, rows * cols + 1) if rng.random() < p_closed}
    closed, edges = relabel(rng, rows * cols, closed, edges)
    return fmt(rows * cols, closed, edges)


def build_tests(rng: random.Random) -> list[str]:
    tests = []
    # 01: two stations, no tunnels
    tests.append(fmt(2, set(), []))
    # 02: two stations, one tunnel listed twice
    tests.append(fmt(2, set(), [(2, 1), (1, 2)]))
    # 03: every station except the central one closed
    tests.append(fmt(6, {2, 3, 4, 5, 6}, [(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (1, 6)]))
    # 04: a cycle where depth-first search walks the long way round
    n = 1000
    tests.append(fmt(n, set(), [(i, i + 1) for i in range(1, n)] + [(n, 1)]))
    # 05: a closed station cuts a cycle into a path
    tests.append(fmt(n, {n // 2}, [(1, n)] + [(i, i + 1) for i in range(1, n)]))
    # 06: small dense random graph, many parallel tunnels, some closed stations
    tests.append(random_graph(rng, 30, 300, 0.2))
    # 07: medium random sparse graph with closed stations
    tests.append(random_graph(rng, 5000, 7000, 0.1))
    # 08: a star around station 1, every second leaf closed
    n = 20000
    tests.append(fmt(n, set(range(3, n + 1, 2)), [(1, i) for i in range(2, n + 1)]))
    # 09: grid maze with closed cells
    tests.append(grid_maze(rng, 80, 100, 0.3))
    # 10: grid maze, few closed cells
    tests.append(grid_maze(rng, 100, 100, 0.05))
    # 11: maximal n: one long path whose tunnels are listed from the far end
    n = MAXN
    tests.append(fmt(n, set(), [(i + 1, i) for i in range(n - 1, 0, -1)]))
    # 12: random graph, m = 2n, a third of the stations closed
    tests.append(random_graph(rng, 10000, 20000, 0.33))
    # 13: a random tree, relabelled
    n = 20000
    edges = [(rng.randint(max(1, i - 50), i - 1), i) for i in range(2, n + 1)]
    closed, edges = relabel(rng, n, {i for i in range(2, n + 1) if rng.random() < 0.02}, edges)
    tests.append(fmt(n, closed, edges))
    return tests


def main() -> None:
    write_all("examples", EXAMPLES)
    write_all("tests", build_tests(random.Random(SEED)))


if __name__ == "__main__":
    main()
