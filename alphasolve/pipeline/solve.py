"""The solve pipeline on Ray: actors placed on the cluster, driven by the scheduler.

The only module that imports ray. Sampler actors go where the GPUs are, judge actors where
the `judge` resource is (one per node by default, using that node's slots); the scheduler
(scheduler.py, no Ray) keeps many problems in flight over them. Actors restart when they or
their node die (`max_restarts=-1`) and Ray retries their calls; a call Ray gives up on is
sent again by the scheduler. Re-running the same command resumes from the run directory.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

# Ray reads RAY_AUTH_MODE when it is imported, so the default must be in the environment
# first: token auth (secure, and what Ray makes the default from 2.61) unless the user chose
# otherwise, e.g. RAY_AUTH_MODE=disabled to join an older cluster without tokens. Set at
# connect() time instead, the driver would stay unauthenticated while the GCS it starts
# demands a token: on a machine with no ~/.ray/auth_token, Ray would not start.
os.environ.setdefault("RAY_AUTH_MODE", "token")

import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from alphasolve.candidate import Candidate
from alphasolve.errors import AlphasolveError
from alphasolve.model.settings import resolve_temperature
from alphasolve.pipeline.config import AUTO, SolveConfig, sampling_config
from alphasolve.pipeline.payload import ModelSource, PayloadRef, put_problem
from alphasolve.pipeline.preflight import (
    actor_failure,
    check_address,
    judge_nodes,
    live_nodes,
    preflight,
)
from alphasolve.pipeline.scheduler import ProblemSummary, Scheduler, WorkLost
from alphasolve.pipeline.workers import JudgeWorker, SamplerWorker
from alphasolve.problem import Problem
from alphasolve.rundir import RunDir

__all__ = [
    "Placement",
    "ProblemSummary",
    "SolveConfig",
    "connect",
    "judge_slots",
    "plan_placement",
    "sampling_config",
    "solve",
]

log = logging.getLogger(__name__)

# run.json's timings are rewritten at most this often (and at the end): rewriting the whole
# file after each of 10,000 problems would cost more than solving some of them.
TIMINGS_EVERY_S = 5.0


def connect(address: str | None, num_cpus: int | None = None) -> None:
    """Embedded Ray by default; `auto` or `ray://...` (or RAY_ADDRESS) joins a cluster."""
    if ray.is_initialized():
        return
    address = address or os.environ.get("RAY_ADDRESS") or "local"
    try:
        if address == "local":
            # Token auth (RAY_AUTH_MODE, set before `import ray` above): in token mode
            # ray.init generates ~/.ray/auth_token on first use.
            cpus = num_cpus or len(os.sched_getaffinity(0))
            ray.init(
                address="local",
                num_cpus=cpus,
                include_dashboard=False,
                resources={"judge": cpus},
                object_store_memory=256 * 2**20,
                log_to_driver=False,
            )
        else:
            ray.init(address=address, log_to_driver=False)
    except Exception as exc:  # ray.init raises a bare Exception on a node start-up timeout
        # Ray's own start-up failures (a node or GCS that did not come up in time on an
        # overloaded machine, an unreachable cluster) are the environment's, not a bug: say so
        # in a line.
        where = "start an embedded Ray" if address == "local" else f"connect to Ray at {address}"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise AlphasolveError(f"could not {where}: {first}") from None


def judge_slots(requested: int, actors: int, per_node: Sequence[float]) -> int:
    """Slots per judge actor. `requested` > 0 is taken as is; 0 shares the cluster's
    `judge` resource evenly among the actors, never more than one node holds (an actor
    lives on one node). On one machine that is a slot per core: when sampling ends the
    judges' backlog then uses every core, not one."""
    if requested > 0:
        return requested
    biggest = int(max(per_node, default=0))
    return max(1, min(biggest, int(sum(per_node)) // max(1, actors)))


@dataclass(frozen=True)
class Placement:
    """Where the actors go, decided once from the cluster's shape."""

    samplers: int
    sampler_gpus: float  # per sampler actor; 0 on a cluster without GPUs
    judges: tuple[tuple[str | None, int], ...]  # (node to prefer, slots) per judge actor


def plan_placement(cfg: SolveConfig, nodes: Sequence[Mapping[str, Any]]) -> Placement:
    """The actors for this cluster (`ray.nodes()`), as the flags ask: samplers one per GPU
    share (one without GPUs), judges one per `judge` node with that node's slots."""
    alive = live_nodes(nodes)
    gpus = sum(float(n.resources.get("GPU", 0)) for n in alive)
    if cfg.load.device == "cpu":  # --device cpu: the samplers ask for no GPU
        gpus = 0.0
    if gpus > 0:
        if not cfg.sampler_gpus > 0:
            raise AlphasolveError(f"--sampler-gpus must be > 0, not {cfg.sampler_gpus}")
        share = cfg.sampler_gpus
        samplers = cfg.sampler_actors or max(1, int(gpus / share + 1e-9))
        if samplers * share > gpus + 1e-9:
            raise AlphasolveError(
                f"--sampler-actors {samplers} x --sampler-gpus {share:g} need "
                f"{samplers * share:g} GPUs; the cluster has {gpus:g}"
            )
    else:
        share, samplers = 0.0, cfg.sampler_actors or 1
    judging = judge_nodes(alive)  # one line naming the cluster's shape if none
    if cfg.judge_actors == AUTO:
        judges = tuple((n.node_id, cfg.judge_workers or int(n.resources["judge"])) for n in judging)
    else:
        counts = [n.resources["judge"] for n in judging]
        slots = judge_slots(cfg.judge_workers, cfg.judge_actors, counts)
        judges = tuple((None, slots) for _ in range(cfg.judge_actors))
    return Placement(samplers, share, judges)


class _RaySampler(SamplerWorker):
    def node(self) -> str:
        return ray.get_runtime_context().get_node_id()


class _RayJudge(JudgeWorker):
    def node(self) -> str:
        return ray.get_runtime_context().get_node_id()


class RayCluster:
    """The scheduler's `Cluster` on Ray actors."""

    def __init__(self, cfg: SolveConfig, placement: Placement, model: ModelSource) -> None:
        sampler_cls = ray.remote(
            num_cpus=1, num_gpus=placement.sampler_gpus, max_restarts=-1, max_task_retries=3
        )(_RaySampler)
        judge_cls = ray.remote(num_cpus=0, max_restarts=-1, max_task_retries=3)(_RayJudge)
        # Named, so that operators (and the fault tests) can find and kill them.
        tag = f"{os.getpid()}-{time.monotonic_ns()}"
        self.sampler_actors = [
            sampler_cls.options(name=f"alphasolve-sampler-{i}-{tag}").remote(
                cfg.sampler, model, cfg.sampler_threads, cfg.load
            )
            for i in range(placement.samplers)
        ]
        self.judge_actors = []
        for j, (node, slots) in enumerate(placement.judges):
            # soft: if the node is lost, the actor restarts on any node with free slots
            where = NodeAffinitySchedulingStrategy(node, soft=True) if node else "DEFAULT"
            self.judge_actors.append(
                judge_cls.options(
                    name=f"alphasolve-judge-{j}-{tag}",
                    resources={"judge": slots},
                    scheduling_strategy=where,
                ).remote(slots, cfg.runtimes)
            )
        self.samplers = len(self.sampler_actors)
        self.judges = len(self.judge_actors)

    def open(self, problem: Problem) -> PayloadRef:
        """The problem's data in the object store (payload.py): the judges' payload (no
        hidden tests: solve needs none) and the samplers' view (never any hidden test)."""
        return put_problem(problem)

    def close(self, handle: PayloadRef) -> None:
        pass  # its refs go with the handle: Ray frees the objects when none is left

    def sample(self, actor: int, handle: PayloadRef, chunk: int, seed: int, config: Any) -> Any:
        return self.sampler_actors[actor].sample.remote(handle.sampler, chunk, seed, config)

    def inputs(self, actor: int, handle: PayloadRef, n: int, seed: int, config: Any) -> Any:
        return self.sampler_actors[actor].inputs.remote(handle.sampler, n, seed, config)

    def filter(self, actor: int, handle: PayloadRef, candidates: list[Candidate]) -> Any:
        return self.judge_actors[actor].filter.remote(handle.judge, candidates)

    def behaviour(
        self, actor: int, handle: PayloadRef, survivors: list[Candidate], inputs: list[str]
    ) -> Any:
        return self.judge_actors[actor].behaviour.remote(handle.judge, survivors, inputs)

    def wait(self, refs: list[Any]) -> Any:
        [ready], _ = ray.wait(refs, num_returns=1)
        return ready

    def get(self, ref: Any) -> Any:
        try:
            return ray.get(ref)
        except (
            ray.exceptions.RayActorError,
            ray.exceptions.ActorUnavailableError,
            ray.exceptions.ObjectLostError,  # a result kept on a node that is gone
        ) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise WorkLost(first) from None

    def isolation(self) -> str:
        return ray.get(self.judge_actors[0].isolation.remote(), timeout=300)

    def where(self) -> list[dict[str, Any]]:
        """Each actor's role and node (id and address), for run.json."""
        address = {n["NodeID"]: n.get("NodeManagerAddress") for n in ray.nodes()}
        out = []
        for role, actors in (("sampler", self.sampler_actors), ("judge", self.judge_actors)):
            try:
                nodes = ray.get([a.node.remote() for a in actors], timeout=300)
            except (ray.exceptions.RayError, ray.exceptions.GetTimeoutError) as exc:
                raise actor_failure(role, exc) from None  # its __init__ raised: one line
            out += [
                {"role": role, "index": i, "node_id": n, "node_address": address.get(n)}
                for i, n in enumerate(nodes)
            ]
        return out

    def kill(self) -> None:
        for actor in self.sampler_actors + self.judge_actors:
            ray.kill(actor, no_restart=True)  # give their CPUs and judge slots back


def _check_same_draws(run: RunDir, cfg: SolveConfig) -> None:
    """A run's samples are drawn one way: resuming it the other way would mix independent
    draws with groups drawn without replacement, and `eval` would read them all as one kind
    (runs from before the option, which record nothing, drew with replacement)."""
    if not any(True for _ in run.read("samples")):
        return
    before = run.config_flag("without_replacement")
    if before != cfg.without_replacement:
        how = "without" if before else "with"
        flag = "with --without-replacement" if before else "without --without-replacement"
        raise AlphasolveError(
            f"{run.path}: its samples were drawn {how} replacement; resume it {flag}, "
            "or use a new run directory"
        )


def solve(
    problems: Iterable[Problem],
    out: Path,
    cfg: SolveConfig,
    address: str | None = None,
    progress: Callable[[str, int], None] = lambda stage, n: None,
    on_done: Callable[[ProblemSummary], None] = lambda summary: None,
) -> list[ProblemSummary]:
    """Solve every problem into the run directory `out`, resuming what is there.
    `problems` is read lazily, as problems open; `on_done` sees each summary as its
    problem finishes."""
    # Resolved once, here, so run.json records the number the samples were drawn at.
    cfg = replace(cfg, temperature=resolve_temperature(cfg.temperature, cfg.model_dir, cfg.sampler))
    run = RunDir(out)
    _check_same_draws(run, cfg)
    check_address(address)  # an address nobody answers: one line now, not minutes of retries
    connect(address)
    placement = plan_placement(cfg, ray.nodes())
    # Every node that may hold an actor, checked before any actor starts or any sample is
    # drawn; the model directory shipped to sampler nodes that lack it.
    report = preflight(
        languages=cfg.judged_with(sampling_config(cfg).languages.languages),
        model_dir=cfg.model_dir,
        sampler_resources={"CPU": 1, "GPU": placement.sampler_gpus},
    )
    cluster = RayCluster(cfg, placement, report.model)
    try:
        run.update_info(
            config={k: str(v) for k, v in asdict(cfg).items()},
            isolation=cluster.isolation(),
            actors=cluster.where(),
        )
        scheduler = Scheduler(run, cfg, cluster, progress, on_done)
        summaries: list[ProblemSummary] = []
        timings: dict[str, dict[str, float]] = {}
        flushed = time.monotonic()
        for summary in scheduler.solve(problems):
            summaries.append(summary)
            if summary.seconds:  # a problem finished by an earlier run keeps its timings
                timings[summary.problem_id] = summary.seconds
            if timings and time.monotonic() - flushed > TIMINGS_EVERY_S:
                run.update_info(timings=timings)
                timings, flushed = {}, time.monotonic()
        run.update_info(
            timings=timings,
            scheduler={
                "max_open_problems": scheduler.limit,
                "most_open": scheduler.most_open,
                "busy_share": scheduler.utilisation(),
                "wall_s": round(time.monotonic() - scheduler.started, 3),
            },
            actors=cluster.where(),  # where they ended (a lost node's actors moved)
        )
        return summaries
    finally:
        cluster.kill()
