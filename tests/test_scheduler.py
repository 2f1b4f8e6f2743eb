"""The scheduler without Ray: an in-process cluster runs each call when the scheduler waits
for it (the real sampler and judge stages), so the order of work and the handling of lost
calls can be checked exactly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from alphasolve.formats import load_problem
from alphasolve.model.fake import FakeSampler
from alphasolve.pipeline.config import SolveConfig
from alphasolve.pipeline.scheduler import Scheduler, WorkLost
from alphasolve.pipeline.stages import behaviour, filter_on_examples
from alphasolve.rundir import RunDir
from judges import Judge
from tests.conftest import REPO, steady

PROBLEMS = ("rope-teams", "two-gifts", "rover-return")


class InlineCluster:
    """Calls are recorded when sent and run, oldest first, when waited for. `lose` names
    (kind of call, problem) pairs whose first call loses its actor: it raises WorkLost
    instead of a result."""

    def __init__(
        self, judge: Judge, samplers: int, judges: int, lose: set[tuple[str, str]] = frozenset()
    ):
        self.judge, self.samplers, self.judges = judge, samplers, judges
        self.fake = FakeSampler()
        self.calls: list[tuple[int, str, str, int]] = []  # (ref, kind, problem, actor)
        self.work: dict[int, Any] = {}
        self.lose = lose
        self.lost: list[int] = []  # the calls that raised WorkLost

    def _call(self, kind: str, problem: Any, actor: int, run: Any) -> int:
        ref = len(self.calls)
        self.calls.append((ref, kind, problem.id, actor))
        self.work[ref] = run
        return ref

    def open(self, problem: Any) -> Any:
        return problem

    def close(self, handle: Any) -> None:
        pass

    def sample(self, actor: int, p: Any, chunk: int, seed: int, config: Any) -> int:
        return self._call(
            "sample", p, actor, lambda: (chunk, self.fake.sample(p, 64, seed, config))
        )

    def inputs(self, actor: int, p: Any, n: int, seed: int, config: Any) -> int:
        return self._call("inputs", p, actor, lambda: self.fake.sample_inputs(p, n, seed, config))

    def filter(self, actor: int, p: Any, candidates: list) -> int:
        return self._call("filter", p, actor, lambda: filter_on_examples(self.judge, p, candidates))

    def behaviour(self, actor: int, p: Any, survivors: list, inputs: list) -> int:
        return self._call(
            "behaviour", p, actor, lambda: behaviour(self.judge, p, survivors, inputs)
        )

    def wait(self, refs: list[int]) -> int:
        return min(refs)

    def get(self, ref: int) -> Any:
        call = self.calls[ref][1:3]
        if call in self.lose and all(self.calls[r][1:3] != call for r in self.lost):
            self.lost.append(ref)
            raise WorkLost(f"call {ref}: its actor's node is gone")
        return self.work.pop(ref)()


def solve_inline(
    judge: Judge, out: Path, cfg: SolveConfig, **kw: Any
) -> tuple[Scheduler, InlineCluster]:
    cluster = InlineCluster(judge, **kw)
    scheduler = Scheduler(RunDir(out), cfg, cluster)
    problems = (steady(load_problem(REPO / "problems" / p)) for p in PROBLEMS)
    summaries = list(scheduler.solve(problems))
    assert [s.problem_id for s in summaries] == list(PROBLEMS)  # oldest first: in order
    return scheduler, cluster


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


CFG = SolveConfig(samples=192, sampler="fake", languages="python3:1", temperature=1.0, model_inputs=4,
                  mutated_inputs=4, max_open_problems=2, filter_batch=8, max_buffered=16)  # fmt: skip


def test_order_of_work_and_the_open_limit(judge: Judge, tmp_path: Path) -> None:
    scheduler, cluster = solve_inline(judge, tmp_path, CFG, samplers=2, judges=1)
    assert scheduler.most_open == 2  # three problems, never more than two open
    calls = cluster.calls
    # samplers draw the oldest open problem's chunks first: problem order in the samples
    chunks = [p for _, kind, p, _ in calls if kind == "sample"]
    assert chunks == sorted(chunks, key=PROBLEMS.index) and len(chunks) == 3 * 3
    # each problem's behaviour comes after all of its filtering
    for p in PROBLEMS:
        kinds = [kind for _, kind, q, _ in calls if q == p]
        assert "behaviour" in kinds
        assert max(i for i, k in enumerate(kinds) if k == "filter") < kinds.index("behaviour")
    # both samplers worked, and the busy shares cover every actor
    assert {a for _, kind, _, a in calls if kind == "sample"} == {0, 1}
    busy = scheduler.utilisation()
    assert len(busy["sampler"]) == 2 and len(busy["judge"]) == 1
    picks = Counter(r["problem_id"] for r in lines(tmp_path / "picks.jsonl"))
    assert set(picks) == set(PROBLEMS)


def test_lost_calls_are_sent_again_and_change_nothing(judge: Judge, tmp_path: Path) -> None:
    _, whole = solve_inline(judge, tmp_path / "whole", CFG, samplers=2, judges=1)
    # lose one call of every kind, all the last problem's (its delay keeps the order in which
    # problems finish): its first sample, filter, inputs and behaviour calls
    kinds = ("sample", "filter", "inputs", "behaviour")
    lose = {(kind, PROBLEMS[-1]) for kind in kinds}
    _, cut = solve_inline(judge, tmp_path / "cut", CFG, samplers=2, judges=1, lose=lose)
    assert sorted(cut.calls[r][1] for r in cut.lost) == sorted(kinds)
    assert len(cut.calls) == len(whole.calls) + 4  # each lost call sent once more
    for stage in ("samples", "filter", "inputs", "behaviour", "clusters", "picks"):
        a, b = (
            lines(tmp_path / "whole" / f"{stage}.jsonl"),
            lines(tmp_path / "cut" / f"{stage}.jsonl"),
        )
        key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
        assert sorted(a, key=key) == sorted(b, key=key), stage  # every row once, the same rows


class _DeadSampler(InlineCluster):
    """Every sample call of one problem loses its actor, every time."""

    def get(self, ref: int) -> Any:
        if self.calls[ref][1:3] == ("sample", PROBLEMS[-1]):
            raise WorkLost(f"call {ref}: its actor's node is gone")
        return super().get(ref)


def test_work_lost_again_and_again_stops_the_run(
    judge: Judge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alphasolve.pipeline.scheduler as scheduler_module
    from alphasolve.errors import AlphasolveError

    monkeypatch.setattr(scheduler_module, "LOST_BACKOFF_S", (0.0, 0.0))
    cluster = _DeadSampler(judge, samplers=1, judges=1)
    scheduler = Scheduler(RunDir(tmp_path), CFG, cluster)
    problems = [load_problem(REPO / "problems" / p) for p in PROBLEMS]
    with pytest.raises(AlphasolveError, match=rf"^{PROBLEMS[-1]}: 9 calls lost with their actors"):
        list(scheduler.solve(problems))
