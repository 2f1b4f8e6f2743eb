"""Many problems in one run: the scheduler keeps a bounded number open, every problem gets its
picks, and the driver's memory does not grow with the number of problems."""

from __future__ import annotations

import json
import os
import tracemalloc
from collections import Counter
from pathlib import Path

from alphasolve.formats import iter_problems
from alphasolve.problem import Problem

os.environ.setdefault("RAY_AUTH_MODE", "disabled")

SOLUTION = "a, b = map(int, input().split())\nprint(a + b + {k})\n"


def write_problems(root: Path, n: int) -> Path:
    """`n` tiny native problems: add two numbers (and problem k's own constant, so that
    no two problems share programs)."""
    for k in range(n):
        d = root / f"p{k:04d}"
        (d / "examples").mkdir(parents=True)
        (d / "tests").mkdir()
        (d / "solutions").mkdir()
        (d / "problem.yaml").write_text(f"name: Sum {k}\ntime_limit: 1.0\nmemory_limit: 64\n")
        (d / "statement.md").write_text(
            f"Print a + b + {k}.\n\n## Input\na b\n\n## Output\nOne number.\n"
        )
        (d / "examples" / "1.in").write_text("1 2\n")
        (d / "examples" / "1.ans").write_text(f"{3 + k}\n")
        (d / "tests" / "1.in").write_text("5 7\n")
        (d / "tests" / "1.ans").write_text(f"{12 + k}\n")
        (d / "solutions" / "main.py").write_text(SOLUTION.format(k=k))
    return root


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_200_problems_with_8_open(tmp_path: Path, ray_local: None) -> None:
    from alphasolve.pipeline.solve import SolveConfig, solve

    n = 200
    root = write_problems(tmp_path / "problems", n)
    opened: list[str] = []

    def lazily() -> object:
        """The problems as the CLI reads them: one directory at a time, when asked."""
        for item in iter_problems([root]):
            assert isinstance(item, Problem)
            opened.append(item.id)
            yield item

    # Python allocations only, so Ray's own buffers (outside the heap) do not blur it.
    memory: list[int] = []
    opened_at_first_done: list[int] = []

    def done(summary: object) -> None:
        memory.append(tracemalloc.get_traced_memory()[0])
        if not opened_at_first_done:
            opened_at_first_done.append(len(opened))

    cfg = SolveConfig(samples=32, sampler="fake", model_inputs=0, mutated_inputs=2,
                      max_open_problems=8)  # fmt: skip
    out = tmp_path / "run"
    tracemalloc.start()
    try:
        summaries = solve(
            lazily(), out, cfg,
            on_done=done,
        )  # fmt: skip
    finally:
        tracemalloc.stop()

    assert len(summaries) == n and len(opened) == n
    # read lazily: when the first problem finished, at most the open ones (and the next
    # one asked for) had been read, not all 200
    assert opened_at_first_done[0] <= cfg.max_open_problems + 1, opened_at_first_done
    picks = Counter(r["problem_id"] for r in lines(out / "picks.jsonl"))
    assert set(picks) == {f"p{k:04d}" for k in range(n)}
    assert all(not s.fallback for s in summaries)  # every problem's own solution survives
    info = json.loads((out / "run.json").read_text())
    assert info["scheduler"]["max_open_problems"] == 8
    assert 1 < info["scheduler"]["most_open"] <= 8
    # Flat: what the driver holds after the 200th problem is what it held after the 50th,
    # give or take its summaries and the run index's offsets (a few KB per problem).
    # Keeping each finished problem's state (its samples) would add about 20 KB per
    # problem here, 3 MB over 150 problems.
    growth = memory[-1] - memory[49]
    assert growth < 1_000_000, f"driver memory grew {growth} bytes over 150 problems"
