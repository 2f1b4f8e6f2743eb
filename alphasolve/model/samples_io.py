"""How samples are split into work units, and the order they were drawn in.

Work is split into chunks of CHUNK_SIZE samples; chunk i of a problem is always
`sampler.sample(problem, CHUNK_SIZE, chunk_seed(seed, problem.id, i), config)`, so a retried
or resumed unit repeats itself exactly. Writing them is the pipeline's (one writer:
alphasolve.problem_state.ProblemState.add_samples).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from alphasolve.model.sampler import derive_seed

if TYPE_CHECKING:
    from alphasolve.records import SampleRecord

__all__ = ["CHUNK_SIZE", "chunk_seed", "in_sampling_order"]

# Samples per work unit: 4 prompt groups of 16, one decoder batch. Changing it changes
# which samples a seed gives, so it is a constant, not a setting.
CHUNK_SIZE = 64


def chunk_seed(seed: int, problem_id: str, chunk: int) -> int:
    return derive_seed(seed, problem_id, chunk)


def in_sampling_order(rows: Iterable[SampleRecord]) -> list[SampleRecord]:
    """One problem's samples in the order they were drawn. Parallel workers finish chunks
    in any order and a chunk cut short by a kill is finished later, but rows stay in order
    within a chunk, so a stable sort by chunk restores it. Position i is then in prompt
    group i // samples_per_prompt, as CHUNK_SIZE is a multiple of it."""
    return sorted(rows, key=lambda r: r.chunk)
