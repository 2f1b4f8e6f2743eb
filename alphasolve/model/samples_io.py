"""Resumable sampling into an append-only `samples.jsonl`.

Work is split into chunks of CHUNK_SIZE samples; chunk i of a problem is always
`sampler.sample(problem, CHUNK_SIZE, chunk_seed(seed, problem.id, i), config)`. Resuming
counts the problem's lines already in the file, regenerates the chunk it stopped in and
writes only the samples after them: the file ends up exactly as one uninterrupted run would
have written it, and no sample is written twice.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from alphasolve.errors import AlphasolveError
from alphasolve.model.sampler import Sampler, SamplingConfig, derive_seed
from alphasolve.problem import Problem
from alphasolve.rundir import read_records

__all__ = ["CHUNK_SIZE", "chunk_seed", "count_samples", "in_sampling_order", "sample_into"]

log = logging.getLogger(__name__)

# Samples per work unit: 4 prompt groups of 16, one decoder batch. Changing it changes
# which samples a seed gives, so it is a constant, not a setting.
CHUNK_SIZE = 64


def chunk_seed(seed: int, problem_id: str, chunk: int) -> int:
    return derive_seed(seed, problem_id, chunk)


def in_sampling_order(rows: Iterable[dict]) -> list[dict]:
    """One problem's sample rows in the order they were drawn. Parallel workers finish
    chunks in any order and a chunk cut short by a kill is finished later, but rows stay in
    order within a chunk, so a stable sort by chunk restores it (rows written by `sample`,
    one chunk after another, carry no chunk number and are already in order). Position i
    is then in prompt group i // samples_per_prompt, as CHUNK_SIZE is a multiple of it."""
    return sorted(rows, key=lambda r: r.get("chunk", 0))


def count_samples(path: Path, problem_id: str) -> int:
    """Lines of `problem_id` in `path` (0 if it does not exist). A torn last line (a run
    killed mid-write) is cut off first, so appending continues on a clean line."""
    count = 0
    for record in read_records(path):
        pid = record.get("problem_id")
        if not isinstance(pid, str):
            raise AlphasolveError(f"{path}: a record without a problem_id is not a sample record")
        count += pid == problem_id
    return count


def sample_into(
    path: Path,
    sampler: Sampler,
    problem: Problem,
    total: int,
    seed: int,
    config: SamplingConfig,
    progress: Callable[[int], object] | None = None,
) -> int:
    """Append samples of `problem` to `path` until it holds `total`; returns how many were
    written. Each chunk is written with one write and flushed to disk."""
    done = count_samples(path, problem.id)
    written = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    while done < total:
        chunk, skip = divmod(done, CHUNK_SIZE)
        candidates = sampler.sample(
            problem, CHUNK_SIZE, chunk_seed(seed, problem.id, chunk), config
        )
        new = candidates[skip : skip + total - done]
        with path.open("a", encoding="utf-8") as f:
            f.write("".join(c.to_json() + "\n" for c in new))
            f.flush()
            os.fsync(f.fileno())
        done += len(new)
        written += len(new)
        if progress is not None:
            progress(len(new))
    return written
