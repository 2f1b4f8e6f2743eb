"""The sample stage run alone (`alphasolve sample`): chunks drawn in this process, written
through the problem's state exactly as `solve` writes them, so the two give the same file
and resume the same way."""

from __future__ import annotations

from collections.abc import Callable

from alphasolve.model.sampler import Sampler, SamplingConfig
from alphasolve.model.samples_io import CHUNK_SIZE, chunk_seed
from alphasolve.problem import Problem
from alphasolve.problem_state import ProblemState, chunk_size
from alphasolve.rundir import RunDir

__all__ = ["sample_problem"]


def sample_problem(
    run: RunDir,
    sampler: Sampler,
    problem: Problem,
    total: int,
    seed: int,
    config: SamplingConfig,
    progress: Callable[[int], object] | None = None,
) -> int:
    """Draw `problem`'s samples into the run until it holds `total`; returns how many were
    written. A chunk cut short by a kill is drawn again (the same seed gives the same
    samples) and only its missing tail is written."""
    state = ProblemState(run, problem.id)
    written = 0
    for chunk in state.chunks_missing(total):
        drawn = sampler.sample(problem, CHUNK_SIZE, chunk_seed(seed, problem.id, chunk), config)
        before = len(state.samples)
        state.add_samples(chunk, drawn[: chunk_size(total, chunk)])
        written += len(state.samples) - before
        if progress is not None:
            progress(len(state.samples) - before)
    return written
