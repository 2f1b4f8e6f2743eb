"""Start-up checks that need no cluster: an address nobody answers, a model directory that
cannot reach a sampler node. (Those that need several nodes are in test_solve_cluster.py.)"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO


def dead_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_address_nobody_answers_fails_fast_in_one_line(tmp_path: Path) -> None:
    from alphasolve.pipeline.preflight import PreflightError, check_address

    port = dead_port()
    for address in (f"127.0.0.1:{port}", f"ray://127.0.0.1:{port}"):
        with pytest.raises(PreflightError, match=rf"no Ray cluster answers at {address} "):
            check_address(address)
    with pytest.raises(PreflightError, match="expected HOST:PORT"):
        check_address("nonsense")
    check_address("local")  # starts its own Ray: nothing to check

    # Through the CLI: exit 2 with one line within seconds, where ray.init alone retries
    # for minutes.
    cmd = [sys.executable, "-m", "alphasolve.cli", "solve", str(REPO / "problems" / "rope-teams"),
           "--samples", "8", "--sampler", "fake", "--out", str(tmp_path / "run"),
           "--address", f"127.0.0.1:{port}"]  # fmt: skip
    start = time.monotonic()
    env = dict(os.environ, RAY_AUTH_MODE="disabled")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert time.monotonic() - start < 60
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr.strip().splitlines() == [
        f"alphasolve: error: no Ray cluster answers at 127.0.0.1:{port} (127.0.0.1:{port}: "
        "Connection refused); start one with `ray start --head` or fix --address"
    ]


def test_a_model_directory_that_cannot_reach_a_sampler_node_is_named(tmp_path: Path) -> None:
    from alphasolve.pipeline.preflight import ClusterNode, PreflightError, model_source

    node = ClusterNode("0123456789abcdef", "10.0.0.7")
    model = tmp_path / "model"
    with pytest.raises(
        PreflightError,
        match=rf"^sampler node 10.0.0.7 \(01234567\): model directory {model} is missing there "
        "and on this machine",
    ):
        model_source(model, [node], ship_limit=2**20)
    model.mkdir()
    (model / "weights.bin").write_bytes(bytes(4096))
    with pytest.raises(
        PreflightError,
        match=rf"^sampler node 10.0.0.7 \(01234567\): model directory {model} is missing there, "
        "and at 4096 bytes it is over the 1024 bytes shipped through Ray",
    ):
        model_source(model, [node], ship_limit=1024)
    # every sampler node has it: nothing travels
    source = model_source(model, [], ship_limit=1024)
    assert source.path == str(model) and source.ref is None


def test_an_actor_that_fails_to_start_is_one_line(tmp_path: Path, ray_local: None) -> None:
    import ray

    from alphasolve.formats import load_problem
    from alphasolve.model.sampler import SamplingConfig
    from alphasolve.pipeline.payload import ModelSource
    from alphasolve.pipeline.preflight import actor_failure
    from alphasolve.pipeline.workers import SamplerWorker

    missing = tmp_path / "model"  # no such directory, and nothing shipped
    actor = ray.remote(num_cpus=0)(SamplerWorker).remote("fake", ModelSource(str(missing)))
    problem = load_problem(REPO / "problems" / "rope-teams")
    with pytest.raises(ray.exceptions.RayError) as caught:
        ray.get(actor.inputs.remote(problem, 1, 0, SamplingConfig()), timeout=120)
    message = str(actor_failure("sampler", caught.value))
    assert message.startswith("a sampler actor failed to start: ModelMissing: sampler node ")
    assert message.endswith(f"model directory {missing} is missing") and "\n" not in message
