"""The solve pipeline on Ray: sample -> filter (streaming) -> inputs -> behaviour -> picks.

The only module that imports ray. Plain Ray Core actors and a driver loop over `ray.wait`:
at most `inflight` calls per actor (backpressure: the driver never holds more than a few
chunks of candidates), work units (problem, chunk, seed) so a retried or restarted actor
repeats exactly the same work, and every result written once, by the driver, to the run
directory's append-only stage files. Re-running the same command resumes: chunks already in
samples.jsonl are not sampled again, candidates already in filter.jsonl not judged again,
finished stages not recomputed.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

# Ray reads RAY_AUTH_MODE when it is imported, so the default must be in the environment
# first: token auth (secure, and what Ray makes the default from 2.61) unless the user chose
# otherwise, e.g. RAY_AUTH_MODE=disabled to join an older cluster without tokens. Set at
# connect() time instead, the driver would stay unauthenticated while the GCS it starts
# demands a token: on a machine with no ~/.ray/auth_token, Ray would not start.
os.environ.setdefault("RAY_AUTH_MODE", "token")

import ray

from alphasolve.candidate import Candidate
from alphasolve.errors import AlphasolveError
from alphasolve.model.prompt import LanguageSplit
from alphasolve.model.sampler import (
    AUTO,
    DEFAULT_LANGUAGES,
    SAMPLERS,
    LoadOptions,
    SamplingConfig,
    backend_name,
    make_sampler,
)
from alphasolve.model.samples_io import CHUNK_SIZE, chunk_seed, in_sampling_order
from alphasolve.model.settings import resolve_temperature
from alphasolve.pipeline.mutate import mutate_inputs
from alphasolve.pipeline.stages import (
    FilterOutcome,
    behaviour,
    choose,
    draw_weights,
    fallback_picks,
    filter_on_examples,
)
from alphasolve.problem import Problem
from alphasolve.rundir import RunDir
from clustering.scorer import DEFAULT_SCORER
from judges import Judge, JudgeConfig

__all__ = ["ProblemSummary", "SolveConfig", "connect", "solve"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SolveConfig:
    samples: int = 1000
    seed: int = 0
    sampler: str = AUTO  # a name in SAMPLERS, or auto: what the model directory is
    model_dir: Path | None = None
    load: LoadOptions = field(default_factory=LoadOptions)  # device and prompt style
    languages: str = DEFAULT_LANGUAGES
    temperature: float | None = None  # None: the model's alphasolve.json, else SamplingConfig's
    without_replacement: bool = False  # SamplingConfig's: distinct programs per prompt group
    model_inputs: int = 32  # TEST INPUT samples from the model
    mutated_inputs: int = 24  # mutations of the example inputs
    max_survivors: int = 2048  # the likeliest survivors go on to the behaviour stage
    picks: int = 10
    scorer: str = DEFAULT_SCORER  # cluster score: a name in clustering.scorer.SCORERS
    sampler_actors: int = 1
    sampler_threads: int = 0  # torch threads per sampler actor; 0: one per core of its machine
    judge_actors: int = 1
    judge_workers: int = 0  # slots (cores) per judge actor; 0: see judge_slots()
    inflight: int = 2  # calls in flight per actor
    filter_batch: int = 32  # candidates per filter call
    max_buffered: int = 256  # candidates waiting for the judges before sampling pauses


@dataclass(frozen=True)
class ProblemSummary:
    problem_id: str
    samples: int
    unique: int
    passed_examples: int
    clusters: int
    picks: tuple[tuple[str, int], ...]  # (candidate id, cluster size)
    fallback: bool
    seconds: dict[str, float] = field(default_factory=dict)


class SamplerWorker:
    """Sampling, in its own process (a Ray actor); the GPU goes here on a cluster."""

    def __init__(
        self, name: str, model_dir: str | None, threads: int = 0, load: LoadOptions | None = None
    ) -> None:
        # Ray pins a 1-CPU actor's math libraries to one thread. On a CPU machine the sampler
        # is the bottleneck and the judges need only a sliver of a core while it samples, so
        # by default a model gets a thread per core of its machine (threads=0).
        if SAMPLERS[backend_name(name, model_dir)].needs_model:
            import torch

            torch.set_num_threads(threads or len(os.sched_getaffinity(0)))
        self.sampler = make_sampler(name, Path(model_dir) if model_dir else None, load)

    def sample(
        self, problem: Problem, chunk: int, seed: int, config: SamplingConfig
    ) -> tuple[int, list[Candidate]]:
        return chunk, self.sampler.sample(problem, CHUNK_SIZE, seed, config)

    def inputs(self, problem: Problem, n: int, seed: int, config: SamplingConfig) -> list[str]:
        return self.sampler.sample_inputs(problem, n, seed, config)


class JudgeWorker:
    """A judge with its own zygotes, in its own process (a Ray actor on a `judge` node)."""

    def __init__(self, workers: int) -> None:
        self.judge = Judge(JudgeConfig(workers=workers))

    def filter(self, problem: Problem, candidates: list[Candidate]) -> list[FilterOutcome]:
        return filter_on_examples(self.judge, problem, candidates)

    def behaviour(
        self, problem: Problem, survivors: list[Candidate], inputs: list[str]
    ) -> dict[str, tuple[str, ...]]:
        return behaviour(self.judge, problem, survivors, inputs)

    def isolation(self) -> str:
        return self.judge.isolation().level


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
    except (RuntimeError, ConnectionError, TimeoutError, ValueError) as exc:
        # Ray's own start-up failures (a GCS that did not come up in time on an overloaded
        # machine, an unreachable cluster) are the environment's, not a bug: say so in a line.
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


def _actors(cfg: SolveConfig) -> tuple[list[Any], list[Any]]:
    on_gpus = (
        cfg.load.device != "cpu" and ray.cluster_resources().get("GPU", 0) >= cfg.sampler_actors
    )
    gpus = 1 if on_gpus else 0
    sampler_cls = ray.remote(num_cpus=1, num_gpus=gpus, max_restarts=-1, max_task_retries=3)(
        SamplerWorker
    )
    slots = judge_slots(
        cfg.judge_workers,
        cfg.judge_actors,
        [n["Resources"].get("judge", 0.0) for n in ray.nodes() if n.get("Alive")],
    )
    judge_cls = ray.remote(
        num_cpus=0, resources={"judge": slots}, max_restarts=-1, max_task_retries=3
    )(JudgeWorker)
    model = str(cfg.model_dir) if cfg.model_dir else None
    # Named, so that operators (and the fault tests) can find and kill them.
    tag = f"{os.getpid()}-{time.monotonic_ns()}"
    samplers = [
        sampler_cls.options(name=f"alphasolve-sampler-{i}-{tag}").remote(
            cfg.sampler, model, cfg.sampler_threads, cfg.load
        )
        for i in range(cfg.sampler_actors)
    ]
    judges = [
        judge_cls.options(name=f"alphasolve-judge-{i}-{tag}").remote(slots)
        for i in range(cfg.judge_actors)
    ]
    return samplers, judges


class _Pool:
    """Round-robin dispatch with at most `inflight` calls per actor."""

    def __init__(self, actors: Sequence[Any], inflight: int) -> None:
        self.actors = list(actors)
        self.busy = {i: 0 for i in range(len(actors))}
        self.inflight = inflight
        self.owner: dict[Any, int] = {}

    def free(self) -> int | None:
        i = min(self.busy, key=lambda k: self.busy[k])
        return i if self.busy[i] < self.inflight else None

    def submit(self, call: Callable[[Any], Any]) -> Any | None:
        i = self.free()
        if i is None:
            return None
        ref = call(self.actors[i])
        self.busy[i] += 1
        self.owner[ref] = i
        return ref

    def done(self, ref: Any) -> None:
        self.busy[self.owner.pop(ref)] -= 1


def sampling_config(cfg: SolveConfig) -> SamplingConfig:
    """How the run's programs and test inputs are drawn."""
    return SamplingConfig(
        temperature=cfg.temperature,
        languages=LanguageSplit.parse(cfg.languages),
        without_replacement=cfg.without_replacement,
    )


def _sample_and_filter(
    problem: Problem,
    run: RunDir,
    cfg: SolveConfig,
    samplers: _Pool,
    judges: _Pool,
    progress: Callable[[str, int], None],
) -> None:
    pid = problem.id
    sconfig = sampling_config(cfg)
    present = Counter(r["chunk"] for r in run.problem_rows("samples", pid))
    filtered = {r["candidate_id"] for r in run.problem_rows("filter", pid)}
    # Sampled before an interruption but never judged: judged first.
    sampled = _candidates(run, pid)
    queue = [c for cid, c in sampled.items() if cid not in filtered]
    seen: set[str] = filtered | set(sampled)
    n_chunks = math.ceil(cfg.samples / CHUNK_SIZE)

    def expected(chunk: int) -> int:
        return min(CHUNK_SIZE, cfg.samples - chunk * CHUNK_SIZE)

    # A chunk cut short by a kill is sampled again (the same seed gives the same samples)
    # and only its missing tail is written.
    todo = [i for i in range(n_chunks) if present[i] < expected(i)]
    kinds: dict[Any, str] = {}
    while todo or queue or kinds:
        # Backpressure: while the judges lag behind, stop asking for more samples, so the
        # driver never buffers more than a few batches of candidates.
        while todo and len(queue) < cfg.max_buffered:
            chunk = todo[0]
            ref = samplers.submit(
                lambda a, c=chunk: a.sample.remote(
                    problem, c, chunk_seed(cfg.seed, pid, c), sconfig
                )
            )
            if ref is None:
                break
            todo.pop(0)
            kinds[ref] = "sample"
        while queue:  # stream candidates to the judges as they arrive
            batch = queue[: cfg.filter_batch]
            ref = judges.submit(lambda a, b=batch: a.filter.remote(problem, b))
            if ref is None:
                break
            del queue[: cfg.filter_batch]
            kinds[ref] = "filter"
        if not kinds:
            break
        [ref], _ = ray.wait(list(kinds), num_returns=1)
        kind = kinds.pop(ref)
        if kind == "sample":
            samplers.done(ref)
            chunk, candidates = ray.get(ref)
            keep = candidates[present[chunk] : expected(chunk)]
            run.append("samples", [json.loads(c.to_json()) | {"chunk": chunk} for c in keep])
            progress("sample", len(keep))
            for c in keep:
                if c.candidate_id not in seen:  # deduplication before judging
                    seen.add(c.candidate_id)
                    queue.append(c)
        else:
            judges.done(ref)
            outcomes = ray.get(ref)
            run.append("filter", [asdict(o) | {"problem_id": pid} for o in outcomes])
            progress("filter", len(outcomes))


def _inputs(problem: Problem, run: RunDir, cfg: SolveConfig, samplers: _Pool) -> list[str]:
    existing = run.problem_rows("inputs", problem.id)
    if existing:
        return [r["input"] for r in sorted(existing, key=lambda r: r["index"])]
    sconfig = sampling_config(cfg)
    model_inputs: list[str] = []
    if cfg.model_inputs:
        ref = samplers.submit(
            lambda a: a.inputs.remote(problem, cfg.model_inputs, cfg.seed, sconfig)
        )
        model_inputs = ray.get(ref)
        samplers.done(ref)
    mutated = mutate_inputs(
        [t.input.text() for t in problem.examples], cfg.mutated_inputs, cfg.seed
    )
    inputs = list(dict.fromkeys(i for i in model_inputs + mutated if i.strip()))
    run.append(
        "inputs",
        [{"problem_id": problem.id, "index": j, "input": text} for j, text in enumerate(inputs)],
    )
    return inputs


def _candidates(run: RunDir, pid: str) -> dict[str, Candidate]:
    out: dict[str, Candidate] = {}
    for r in run.problem_rows("samples", pid):
        if r["candidate_id"] not in out:
            out[r["candidate_id"]] = Candidate.from_json(
                {k: v for k, v in r.items() if k != "chunk"}
            )
    return out


def solve_problem(
    problem: Problem,
    run: RunDir,
    cfg: SolveConfig,
    samplers: _Pool,
    judges: _Pool,
    progress: Callable[[str, int], None],
) -> ProblemSummary:
    pid = problem.id
    done = run.problem_rows("picks", pid)
    timings: dict[str, float] = {}
    t0 = time.monotonic()
    _sample_and_filter(problem, run, cfg, samplers, judges, progress)
    timings["sample+filter"] = time.monotonic() - t0
    candidates = _candidates(run, pid)
    outcomes = {r["candidate_id"]: r for r in run.problem_rows("filter", pid)}
    survivors = sorted(
        (c for c in candidates.values() if outcomes[c.candidate_id]["passed"]),
        key=lambda c: (-c.log_likelihood / max(1, c.num_tokens), c.candidate_id),
    )[: cfg.max_survivors]
    # How many samples were each program: the sample count, the clusters' reported sizes
    # and (drawn independently) their weights in selection.
    rows = in_sampling_order(run.problem_rows("samples", pid))
    draws = Counter(r["candidate_id"] for r in rows)
    n_samples = sum(draws.values())
    if done:  # finished earlier: report, do not recompute
        picks = tuple((r["candidate_id"], r["cluster_size"]) for r in done)
        return ProblemSummary(
            pid,
            n_samples,
            len(candidates),
            len(survivors),
            len({r["cluster"] for r in done}),
            picks,
            done[0]["fallback"],
        )
    if not survivors:
        log.warning(
            "%s: no candidate passed the examples; submitting the best unfiltered ones", pid
        )
        fields = ("candidate_id", "verdict", "examples_passed", "passed")
        recorded = [FilterOutcome(**{k: outcomes[c][k] for k in fields}) for c in candidates]
        ids = fallback_picks(list(candidates.values()), recorded, cfg.picks)
        rows = [_pick_row(pid, candidates[i], k, -1, 0, 0.0, True) for k, i in enumerate(ids)]
        run.append("picks", rows)
        return ProblemSummary(
            pid, n_samples, len(candidates), 0, 0, tuple((i, 0) for i in ids), True, timings
        )
    t1 = time.monotonic()
    inputs = _inputs(problem, run, cfg, samplers)
    timings["inputs"] = time.monotonic() - t1
    t2 = time.monotonic()
    have = {r["candidate_id"]: tuple(r["signature"]) for r in run.problem_rows("behaviour", pid)}
    missing = [c for c in survivors if c.candidate_id not in have]
    refs: dict[Any, int] = {}
    batches = [missing[k : k + 64] for k in range(0, len(missing), 64)]
    while batches or refs:
        while batches:
            batch = batches[0]
            ref = judges.submit(lambda a, b=batch: a.behaviour.remote(problem, b, inputs))
            if ref is None:
                break
            batches.pop(0)
            refs[ref] = len(batch)
        [ref], _ = ray.wait(list(refs), num_returns=1)
        refs.pop(ref)
        judges.done(ref)
        sigs = ray.get(ref)
        run.append(
            "behaviour",
            [
                {"problem_id": pid, "candidate_id": cid, "signature": list(s)}
                for cid, s in sigs.items()
            ],
        )
        have.update(sigs)
        progress("behaviour", len(sigs))
    timings["behaviour"] = time.monotonic() - t2
    group = sampling_config(cfg).samples_per_prompt if cfg.without_replacement else None
    selection = choose(
        problem, survivors, have, inputs, cfg.picks, cfg.scorer, draw_weights(rows, group)
    )
    # A cluster's size is its draws (what selection weighed, as expected draws when drawn
    # without replacement), not its distinct programs.
    mass = [sum(draws[i] for i in c.members) for c in selection.clusters]
    cluster_of = {m: k for k, c in enumerate(selection.clusters) for m in c.members}
    size = {m: mass[k] for m, k in cluster_of.items()}
    run.append("clusters", [
        {"problem_id": pid, "cluster": k, "members": list(c.members), "score": s, "draws": mass[k]}
        for k, (c, s) in enumerate(zip(selection.clusters, selection.scores, strict=True))
    ])  # fmt: skip
    score_of = dict(enumerate(selection.scores))
    rows = [
        _pick_row(pid, candidates[i], k, cluster_of[i], size[i], score_of[cluster_of[i]], False)
        for k, i in enumerate(selection.picks)
    ]
    run.append("picks", rows)
    return ProblemSummary(
        pid, n_samples, len(candidates), len(survivors), len(selection.clusters),
        tuple((i, size[i]) for i in selection.picks), False, timings,
    )  # fmt: skip


def _pick_row(
    pid: str, c: Candidate, rank: int, cluster: int, size: int, score: float, fallback: bool
) -> dict[str, Any]:
    return {
        "problem_id": pid, "rank": rank, "candidate_id": c.candidate_id, "language": c.language,
        "code": c.code, "cluster": cluster, "cluster_size": size, "score": score, "fallback": fallback,
    }  # fmt: skip


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
    problems: Sequence[Problem],
    out: Path,
    cfg: SolveConfig,
    address: str | None = None,
    progress: Callable[[str, int], None] = lambda stage, n: None,
) -> list[ProblemSummary]:
    """Solve every problem into the run directory `out`, resuming what is there."""
    # Resolved once, here, so run.json records the number the samples were drawn at.
    cfg = replace(cfg, temperature=resolve_temperature(cfg.temperature, cfg.model_dir, cfg.sampler))
    run = RunDir(out)
    _check_same_draws(run, cfg)
    connect(address)
    samplers, judges = _actors(cfg)
    try:
        isolation = ray.get(judges[0].isolation.remote(), timeout=300)
        run.update_info(config={k: str(v) for k, v in asdict(cfg).items()}, isolation=isolation)
        summaries = []
        for problem in problems:
            start = time.monotonic()
            pools = _Pool(samplers, cfg.inflight), _Pool(judges, cfg.inflight)
            summary = solve_problem(problem, run, cfg, *pools, progress)
            total = time.monotonic() - start
            if summary.seconds:  # a problem finished by an earlier run keeps its timings
                run.update_info(timings={problem.id: {**summary.seconds, "total": total}})
            summaries.append(summary)
        return summaries
    finally:
        for actor in samplers + judges:  # give their CPUs and judge slots back to the cluster
            ray.kill(actor, no_restart=True)
