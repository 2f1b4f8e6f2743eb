"""A solve on a two-node Ray cluster on one machine: the judge resource lives on one node,
sampling on the other, exactly as on a real cluster."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from alphasolve.formats import load_problem
from tests.conftest import REPO

os.environ.setdefault("RAY_AUTH_MODE", "disabled")


@pytest.fixture(scope="module")
def two_nodes() -> Iterator[object]:
    import ray
    from ray.cluster_utils import Cluster

    if ray.is_initialized():
        ray.shutdown()
    cluster = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    judge_node = cluster.add_node(num_cpus=1, resources={"judge": 1})
    ray.init(address=cluster.address, log_to_driver=False)
    try:
        yield judge_node
    finally:
        ray.shutdown()
        cluster.shutdown()


def test_solve_across_two_nodes(tmp_path: Path, two_nodes: object) -> None:
    import ray

    from alphasolve.pipeline.solve import SolveConfig, solve

    assert len([n for n in ray.nodes() if n["Alive"]]) == 2
    problem = load_problem(REPO / "problems" / "rover-return")
    summaries = solve(
        [problem],
        tmp_path / "run",
        SolveConfig(samples=64, sampler="fake", model_inputs=4, mutated_inputs=8),
    )
    assert summaries[0].picks
    picks = [
        json.loads(line) for line in (tmp_path / "run" / "picks.jsonl").read_text().splitlines()
    ]
    assert picks and picks[0]["problem_id"] == "rover-return"
    # run.json says where each actor ran: the judge where the judge resource is (auto: one
    # actor per judge node), the sampler on one of the two nodes (either has a CPU free)
    judge_nodes = {n["NodeID"] for n in ray.nodes() if n["Alive"] and n["Resources"].get("judge")}
    assert judge_nodes == {two_nodes.node_id}
    actors = json.loads((tmp_path / "run" / "run.json").read_text())["actors"]
    assert [a["node_id"] for a in actors if a["role"] == "judge"] == [two_nodes.node_id]
    samplers = [a["node_id"] for a in actors if a["role"] == "sampler"]
    assert len(samplers) == 1 and samplers[0] in {n["NodeID"] for n in ray.nodes()}
    assert all(a["node_address"] for a in actors)
