"""A whole node lost mid-run (not one actor killed): the actors it held restart on another
node, the calls they had in flight are retried or sent again, and the run completes with
every sample exactly once and the same picks as a run that lost nothing."""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from pathlib import Path

import pytest

from alphasolve.formats import load_problem
from tests.conftest import REPO, steady

os.environ.setdefault("RAY_AUTH_MODE", "disabled")

NODE = {"num_cpus": 2, "resources": {"judge": 2}}


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_a_node_removed_mid_run(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import ray
    from ray.cluster_utils import Cluster

    from alphasolve.pipeline.solve import SolveConfig, solve

    if ray.is_initialized():
        ray.shutdown()
    # The head offers nothing to the actors: they all live on the worker node that is lost.
    cluster = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 0, "include_dashboard": False}
    )
    doomed = cluster.add_node(**NODE)
    ray.init(address=cluster.address, log_to_driver=False)
    try:
        problems = [
            steady(load_problem(REPO / "problems" / p)) for p in ("rope-teams", "two-gifts")
        ]
        cfg = SolveConfig(samples=384, sampler="fake", languages="python3:1", model_inputs=4,
                          mutated_inputs=8, sampler_actors=2, filter_batch=4)  # fmt: skip
        whole = tmp_path / "whole"
        solve(problems, whole, cfg)

        cut = tmp_path / "cut"
        moved: list[str] = []
        drawn_so_far = [0]

        def lose_the_node(stage: str, n: int) -> None:
            """Once the run is under way, a fresh node joins (as an autoscaler would add
            one) and the node holding every actor goes, its processes killed. (In the
            driver's progress callback: Ray adds nodes from the main thread only.)"""
            drawn_so_far[0] += n if stage == "sample" else 0
            if drawn_so_far[0] >= 200 and not moved:
                cluster.add_node(**NODE)
                cluster.remove_node(doomed, allow_graceful=False)  # killed, not shut down
                moved.append(doomed.node_id)

        with caplog.at_level(logging.WARNING, logger="alphasolve.pipeline.scheduler"):
            solve(problems, cut, cfg, progress=lose_the_node)
        assert moved, "the node was never removed"
        assert any("call lost" in r.getMessage() for r in caplog.records), "nothing was lost"

        def drawn(run: Path) -> Counter:
            return Counter(
                (r["problem_id"], r["chunk"], r["candidate_id"])
                for r in lines(run / "samples.jsonl")
            )

        # every sample exactly once, and every distinct program judged exactly once
        assert drawn(cut) == drawn(whole) and sum(drawn(cut).values()) == 2 * 384
        judged = Counter((r["problem_id"], r["candidate_id"]) for r in lines(cut / "filter.jsonl"))
        assert max(judged.values()) == 1
        assert set(judged) == {(p, c) for p, _, c in drawn(cut)}

        def picks(run: Path) -> list[dict]:  # problems finish in any order, ranks in order
            return sorted(lines(run / "picks.jsonl"), key=lambda r: (r["problem_id"], r["rank"]))

        assert picks(cut) == picks(whole)
        assert {p["problem_id"] for p in picks(cut)} == {p.id for p in problems}
        # run.json says where the actors ended: none on the node that is gone
        actors = json.loads((cut / "run.json").read_text())["actors"]
        assert {a["role"] for a in actors} == {"sampler", "judge"}
        assert all(a["node_id"] != moved[0] for a in actors)
    finally:
        ray.shutdown()
        cluster.shutdown()
