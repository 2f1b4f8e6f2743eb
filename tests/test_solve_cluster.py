"""solve on a Ray cluster of several nodes on one machine (`ray.cluster_utils.Cluster`): a head
that samples and a judge node, as on a real cluster.

The problem directory is deleted once the driver has opened the problem and before anything
is judged, so no node can read a path into it: the judge node judges from the object store
alone, and verdicts, clusters and picks must equal a one-node run's. The start-up checks
that need a cluster are here too: no node with the `judge` resource, a judge node without g++.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from alphasolve.formats import load_problem
from tests.conftest import REPO

if TYPE_CHECKING:
    from alphasolve.pipeline.solve import SolveConfig

os.environ.setdefault("RAY_AUTH_MODE", "disabled")

PROBLEM = "flower-row"  # examples in files and a custom checker program: all must travel


def config() -> SolveConfig:
    from alphasolve.pipeline.solve import SolveConfig

    return SolveConfig(samples=64, sampler="fake", model_inputs=4, mutated_inputs=8)


def rows(run: Path, stage: str) -> list[dict]:
    path = run / f"{stage}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every node's payload cache in one temporary directory (the raylets started below
    inherit the variable), not in the home directory."""
    root = tmp_path_factory.mktemp("cluster")
    before = os.environ.get("ALPHASOLVE_CACHE")
    os.environ["ALPHASOLVE_CACHE"] = str(root / "cache")
    yield root
    if before is None:
        os.environ.pop("ALPHASOLVE_CACHE")
    else:
        os.environ["ALPHASOLVE_CACHE"] = before


@pytest.fixture(scope="module")
def reference(workdir: Path) -> Path:
    """The one-node run to match (an embedded Ray, started and stopped here)."""
    import ray

    from alphasolve.pipeline.solve import solve

    if ray.is_initialized():
        ray.shutdown()
    ray.init(address="local", num_cpus=2, include_dashboard=False, resources={"judge": 2},
             object_store_memory=200 * 2**20, log_to_driver=False)  # fmt: skip
    try:
        solve([load_problem(REPO / "problems" / PROBLEM)], workdir / "one-node", config())
    finally:
        ray.shutdown()
    return workdir / "one-node"


@pytest.fixture(scope="module")
def cluster(reference: Path) -> Iterator[object]:
    """A head with one CPU (the sampler's) and no judge resource; tests add judge nodes."""
    import ray
    from ray.cluster_utils import Cluster

    cluster = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    ray.init(address=cluster.address, log_to_driver=False)
    try:
        yield cluster
    finally:
        ray.shutdown()
        cluster.shutdown()


def test_a_cluster_without_a_judge_node_stops_at_start_up(cluster: object) -> None:
    from alphasolve.pipeline.preflight import PreflightError, preflight

    with pytest.raises(PreflightError, match=r"^no node offers the 'judge' resource \(nodes: node"):
        preflight(languages=("python3",), model_dir=None, sampler_resources={"CPU": 1})


def test_a_judge_node_without_gxx_is_named(
    cluster: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alphasolve.pipeline.preflight import PreflightError, preflight

    (tmp_path / "bin").mkdir()  # a PATH with no compiler on it, for that node's processes
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    node = cluster.add_node(num_cpus=0, resources={"judge": 1})  # type: ignore[attr-defined]
    monkeypatch.undo()
    try:
        cluster.wait_for_nodes()  # type: ignore[attr-defined]
        with pytest.raises(PreflightError) as caught:
            preflight(languages=("python3", "cpp17"), model_dir=None, sampler_resources={"CPU": 1})
        message = str(caught.value)
        assert message.startswith(f"judge node {node.node_ip_address} ({node.node_id[:8]}): ")
        assert "cpp17" in message and "g++ not found" in message and "\n" not in message
    finally:
        cluster.remove_node(node)  # type: ignore[attr-defined]


def test_a_judge_node_without_the_problem_directory_judges_as_one_node_does(
    cluster: object, reference: Path, tmp_path: Path
) -> None:
    import ray

    from alphasolve.pipeline.payload import sampler_view
    from alphasolve.pipeline.solve import solve

    # The judge node has no CPU for a sampler: samplers stay on the head.
    judge_node = cluster.add_node(num_cpus=0, resources={"judge": 1})  # type: ignore[attr-defined]
    try:
        cluster.wait_for_nodes()  # type: ignore[attr-defined]
        shutil.copytree(REPO / "problems" / PROBLEM, tmp_path / PROBLEM)
        run = tmp_path / "run"
        gone: list[bool] = []

        def hide(stage: str, n: int) -> None:
            """Once the problem is open and sampling (its payload in the object store) and
            before anything is judged: gone, so no node can read it by path."""
            if not gone:
                assert stage == "sample" and not (run / "filter.jsonl").exists()
                shutil.rmtree(tmp_path / PROBLEM)
                gone.append(True)

        # The driver's own copy of what it reads after opening (the examples), in memory:
        # on a real cluster the driver keeps the files; here they go for every node at once.
        problem = sampler_view(load_problem(tmp_path / PROBLEM))
        solve([problem], run, config(), progress=hide)
        assert gone and not (tmp_path / PROBLEM).exists()
    finally:
        cluster.remove_node(judge_node)  # type: ignore[attr-defined]

    def verdicts(r: Path) -> dict[str, tuple]:
        return {x["candidate_id"]: (x["verdict"], x["examples_passed"]) for x in rows(r, "filter")}

    assert verdicts(run) == verdicts(reference)
    assert "AC" in {v for v, _ in verdicts(run).values()}  # the checker ran: not all JE
    assert rows(run, "clusters") == rows(reference, "clusters")
    assert rows(run, "picks") == rows(reference, "picks")
    assert not rows(run, "picks")[0]["fallback"]

    head = cluster.head_node.node_id  # type: ignore[attr-defined]
    actors = json.loads((run / "run.json").read_text())["actors"]
    assert {a["role"]: a["node_id"] for a in actors} == {
        "sampler": head,
        "judge": judge_node.node_id,
    }
    assert all(a["node_address"] for a in actors)
    assert ray.get_runtime_context().get_node_id() == head  # the driver is on the head
