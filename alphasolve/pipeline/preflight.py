"""Start-up checks of a Ray cluster, before any sampling: a bad setup is one line naming the
node, not a hang, a traceback from inside an actor, or ten wrong picks.

`check_address` runs before `ray.init` (Ray retries an address nobody answers for minutes);
`preflight` after it, as one small task pinned to each node that will hold an actor: judge
nodes run the judge's executor self-test for the run's languages, sampler nodes look for the
model directory. A model directory that some sampler node lacks is shipped through the
object store when it is small enough (`payload.ship_model`), else the run stops here.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ray
from ray.exceptions import GetTimeoutError, RayError, RayTaskError
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from alphasolve.errors import AlphasolveError
from alphasolve.pipeline.payload import (
    ModelSource,
    directory_size,
    has_model,
    model_manifest,
    node_label,
    ship_model,
)

__all__ = [
    "MODEL_SHIP_LIMIT",
    "ClusterNode",
    "NodeFacts",
    "PreflightError",
    "PreflightReport",
    "actor_failure",
    "check_address",
    "model_source",
    "preflight",
]

# A model directory up to this size travels through the object store to sampler nodes that
# lack it (one copy per node); larger ones belong on storage every sampler node mounts.
MODEL_SHIP_LIMIT = 512 * 2**20
RAY_CLIENT_PORT = 10001  # `ray://host` without a port
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # Ray colours the actor names in its messages


class PreflightError(AlphasolveError):
    """The cluster cannot run this job as set up; the message names the node."""


@dataclass(frozen=True)
class ClusterNode:
    node_id: str
    address: str
    resources: Mapping[str, float] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return node_label(self.node_id, self.address)


@dataclass(frozen=True)
class NodeFacts:
    """What a node's start-up check found."""

    node_id: str
    unavailable: Mapping[str, str] = field(default_factory=dict)  # language -> why (judges)
    isolation: str = ""  # the judge's isolation level there (judges)
    has_model: bool | None = None  # the model directory is there (samplers; None: not asked)


@dataclass(frozen=True)
class PreflightReport:
    judge_nodes: tuple[ClusterNode, ...]
    sampler_nodes: tuple[ClusterNode, ...]
    facts: Mapping[str, NodeFacts]  # node id -> facts
    model: ModelSource  # what sampler actors load (the path, and the shipped copy if any)


def check_address(address: str | None, timeout: float = 5.0) -> None:
    """Fail in seconds, in one line, when nothing answers at the Ray address (`ray.init`
    would retry for minutes). `local` (the default) starts Ray and needs no check."""
    address = address or os.environ.get("RAY_ADDRESS") or "local"
    if address == "local":
        return
    host, port = _bootstrap(address)
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        why = exc.strerror or str(exc) or type(exc).__name__
        raise PreflightError(
            f"no Ray cluster answers at {address} ({host}:{port}: {why}); start one with "
            "`ray start --head` or fix --address"
        ) from None


def _bootstrap(address: str) -> tuple[str, int]:
    """(host, port) that the Ray address connects to first."""
    if address.startswith("ray://"):
        rest = address.removeprefix("ray://").split("/")[0]
        host, _, port = rest.rpartition(":") if ":" in rest else (rest, "", str(RAY_CLIENT_PORT))
    else:
        if address == "auto":
            # Ray's own lookup (RAY_ADDRESS, then the newest cluster started on this machine).
            from ray._private.services import canonicalize_bootstrap_address

            try:
                address = canonicalize_bootstrap_address("auto") or "local"
            except (ConnectionError, ValueError) as exc:
                raise PreflightError(
                    f"--address auto: {str(exc).strip().splitlines()[0]}; start one with "
                    "`ray start --head`"
                ) from None
        host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise PreflightError(f"--address {address}: expected HOST:PORT, auto, or ray://HOST:PORT")
    return host, int(port)


def preflight(
    *,
    languages: Sequence[str],
    model_dir: Path | None,
    sampler_resources: Mapping[str, float],
    ship_limit: int = MODEL_SHIP_LIMIT,
    timeout: float = 300.0,
) -> PreflightReport:
    """Check every node that may hold a judge (the `judge` resource) or a sampler (it has
    `sampler_resources`) on the connected cluster; raise PreflightError naming the node for
    anything that would make the run fail or judge wrongly."""
    nodes = live_nodes(ray.nodes())
    judges = judge_nodes(nodes)
    samplers = tuple(
        n
        for n in nodes
        if all(n.resources.get(k, 0) >= v for k, v in sampler_resources.items() if v)
    )
    if not samplers:
        need = ", ".join(f"{k} {v:g}" for k, v in sampler_resources.items() if v)
        raise PreflightError(f"no node can hold a sampler actor (needs {need}; {_shape(nodes)})")
    manifest = model_manifest(model_dir) if model_dir is not None else ()
    facts = _probe_all(judges, samplers, tuple(languages), model_dir, manifest, timeout)
    problems = [
        f"judge {n.label}: {why}" for n in judges for why in facts[n.node_id].unavailable.values()
    ]
    if problems:
        raise PreflightError("; ".join(problems))
    lacking = [n for n in samplers if facts[n.node_id].has_model is False]
    source = model_source(model_dir, lacking, ship_limit)
    return PreflightReport(judges, samplers, facts, source)


def live_nodes(nodes: Sequence[Mapping[str, Any]]) -> tuple[ClusterNode, ...]:
    """The live nodes of `ray.nodes()`."""
    return tuple(
        ClusterNode(n["NodeID"], n.get("NodeManagerAddress", "?"), dict(n.get("Resources", {})))
        for n in nodes
        if n.get("Alive")
    )


def judge_nodes(nodes: Sequence[ClusterNode]) -> tuple[ClusterNode, ...]:
    """The nodes that can hold a judge actor (at least one `judge` slot); PreflightError
    showing the cluster's shape when there is none."""
    judges = tuple(n for n in nodes if n.resources.get("judge", 0) >= 1)
    if not judges:
        raise PreflightError(
            f"no node offers the 'judge' resource ({_shape(nodes)}); start judge nodes with "
            "`ray start --address HEAD:PORT --resources '{\"judge\": N}'`"
        )
    return judges


def _shape(nodes: Sequence[ClusterNode]) -> str:
    def one(n: ClusterNode) -> str:
        shown = {
            k: v for k, v in sorted(n.resources.items()) if "node:" not in k and "memory" not in k
        }
        return f"{n.label}: " + ", ".join(f"{k} {v:g}" for k, v in shown.items())

    return "nodes: " + "; ".join(one(n) for n in nodes) if nodes else "no live nodes"


def model_source(
    model_dir: Path | None, lacking: Sequence[ClusterNode], ship_limit: int
) -> ModelSource:
    """What sampler actors load, given the sampler nodes that lack `model_dir`: the path
    alone, or the path and a shipped copy; PreflightError where it cannot be shipped."""
    if model_dir is None:
        return ModelSource(None)
    if not lacking:
        return ModelSource(str(model_dir), model_manifest(model_dir))
    where = ", ".join(n.label for n in lacking)
    if not model_dir.is_dir():
        raise PreflightError(
            f"sampler {where}: model directory {model_dir} is missing there and on this "
            "machine, so it cannot be shipped; put it at that path on every sampler node"
        )
    size = directory_size(model_dir)
    if size > ship_limit:
        raise PreflightError(
            f"sampler {where}: model directory {model_dir} is missing there, and at "
            f"{_size(size)} it is over the {_size(ship_limit)} shipped "
            "through Ray; put it at that path on every sampler node (shared storage)"
        )
    return ship_model(model_dir)


def actor_failure(role: str, exc: BaseException) -> PreflightError:
    """An actor whose start-up raised on its node (its __init__), as one line."""
    return PreflightError(f"a {role} actor failed to start: {_first_line(exc)}")


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n} bytes"


def _probe_all(
    judges: Sequence[ClusterNode],
    samplers: Sequence[ClusterNode],
    languages: tuple[str, ...],
    model_dir: Path | None,
    manifest: tuple[tuple[str, int], ...],
    timeout: float,
) -> dict[str, NodeFacts]:
    judge_ids = {n.node_id for n in judges}
    sampler_ids = {n.node_id for n in samplers}
    by_id = {n.node_id: n for n in (*judges, *samplers)}
    probe = ray.remote(num_cpus=0, max_retries=0)(_probe_node)
    refs = {
        probe.options(
            scheduling_strategy=NodeAffinitySchedulingStrategy(node_id, soft=False)
        ).remote(
            languages if node_id in judge_ids else (),
            str(model_dir) if model_dir is not None and node_id in sampler_ids else None,
            manifest,
        ): node_id
        for node_id in by_id
    }
    ready, pending = ray.wait(list(refs), num_returns=len(refs), timeout=timeout)
    if pending:
        late = ", ".join(by_id[refs[r]].label for r in pending)
        for ref in pending:
            ray.cancel(ref, force=True)
        raise PreflightError(f"{late} did not answer the start-up check within {timeout:.0f} s")
    facts: dict[str, NodeFacts] = {}
    for ref in ready:
        try:
            facts[refs[ref]] = ray.get(ref, timeout=timeout)
        except (RayError, GetTimeoutError) as exc:
            raise PreflightError(
                f"{by_id[refs[ref]].label}: the start-up check failed: {_first_line(exc)}"
            ) from None
    return facts


def _first_line(exc: BaseException) -> str:
    """The line of a Ray error that says what went wrong: the remote exception's type and
    message (Ray's own messages end with the remote traceback's final line)."""
    if isinstance(exc, RayTaskError) and exc.cause is not None:
        lines = _lines(exc.cause)
        text = f"{type(exc.cause).__name__}: {lines[-1] if lines else ''}"
    else:
        lines = _lines(exc)
        # "package.module.SomeError: message" -> "SomeError: message"
        text = re.sub(r"^(?:\w+\.)+(\w+: )", r"\1", lines[-1]) if lines else type(exc).__name__
    # A function Ray cannot import on the node arrives wrapped in a RuntimeError.
    hint = " (is alphasolve installed there?)" if "No module named" in text else ""
    return text + hint


def _lines(exc: BaseException) -> list[str]:
    return [line for line in _ANSI.sub("", str(exc)).strip().splitlines() if line.strip()]


def _probe_node(
    languages: tuple[str, ...], model_dir: str | None, manifest: tuple[tuple[str, int], ...]
) -> NodeFacts:
    """Runs on the node (a Ray task): the judge's self-test for `languages`, and whether
    the model in `model_dir` is there (as `manifest` lists it)."""
    unavailable: dict[str, str] = {}
    isolation = ""
    if languages:
        from judges import Judge, JudgeConfig

        with Judge(JudgeConfig(workers=1)) as judge:
            tested = judge.self_test()
            unavailable = {lang: why for lang in languages if (why := tested.get(lang))}
            unknown = [lang for lang in languages if lang not in tested]
            unavailable |= {lang: f"the judge has no executor for {lang}" for lang in unknown}
            isolation = judge.isolation().level
    found = None if model_dir is None else has_model(Path(model_dir), manifest)
    node_id = ray.get_runtime_context().get_node_id()
    return NodeFacts(node_id, unavailable, isolation, found)
