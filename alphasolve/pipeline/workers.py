"""What runs inside the actors: a sampler and a judge, plain classes (solve.py makes them
Ray actors; tests may call them directly). Every call is one idempotent work unit."""

from __future__ import annotations

import os

from alphasolve.candidate import Candidate
from alphasolve.model.sampler import (
    SAMPLERS,
    LoadOptions,
    SamplingConfig,
    backend_name,
    make_sampler,
)
from alphasolve.model.samples_io import CHUNK_SIZE
from alphasolve.pipeline.payload import JudgePayload, ModelSource, ProblemCache, local_model_dir
from alphasolve.pipeline.stages import behaviour, filter_on_examples
from alphasolve.problem import Problem
from alphasolve.records import FilterRecord
from judges import Judge, JudgeConfig

__all__ = ["JudgeWorker", "SamplerWorker"]


class SamplerWorker:
    """Sampling, in its own process; the GPU goes here on a cluster."""

    def __init__(
        self, name: str, model: ModelSource, threads: int = 0, load: LoadOptions | None = None
    ) -> None:
        # The driver's path where this node has it, else the copy preflight shipped.
        model_dir = local_model_dir(model)
        # Ray pins a 1-CPU actor's math libraries to one thread. On a CPU machine the sampler
        # is the bottleneck and the judges need only a sliver of a core while it samples, so
        # by default a model gets a thread per core of its machine (threads=0).
        if SAMPLERS[backend_name(name, model_dir)].needs_model:
            import torch

            torch.set_num_threads(threads or len(os.sched_getaffinity(0)))
        self.sampler = make_sampler(name, model_dir, load)

    def sample(
        self, problem: Problem, chunk: int, seed: int, config: SamplingConfig
    ) -> tuple[int, list[Candidate]]:
        """Work unit (problem, chunk, seed): the same call always gives the same samples."""
        return chunk, self.sampler.sample(problem, CHUNK_SIZE, seed, config)

    def inputs(self, problem: Problem, n: int, seed: int, config: SamplingConfig) -> list[str]:
        return self.sampler.sample_inputs(problem, n, seed, config)


class JudgeWorker:
    """A judge with its own zygotes and `workers` slots, in its own process.

    Problems arrive as the payload the driver put in the object store (payload.put_problem;
    fetched once per node, shared by the actors there), materialised into this node's cache:
    nothing is read from a path into the problem directory."""

    def __init__(self, workers: int, runtimes: tuple[tuple[str, str], ...] = ()) -> None:
        self.judge = Judge(JudgeConfig(workers=workers, runtimes=runtimes))
        self.problems = ProblemCache()

    def filter(self, payload: JudgePayload, candidates: list[Candidate]) -> list[FilterRecord]:
        return filter_on_examples(self.judge, self.problems.get(payload), candidates)

    def behaviour(
        self, payload: JudgePayload, survivors: list[Candidate], inputs: list[str]
    ) -> dict[str, tuple[str, ...]]:
        return behaviour(self.judge, self.problems.get(payload), survivors, inputs)

    def isolation(self) -> str:
        return self.judge.isolation().level
