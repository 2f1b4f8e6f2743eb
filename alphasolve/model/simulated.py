"""SimulatedGpuSampler: stands in for a GPU sampler when measuring scale-out without GPUs.

It returns the fake sampler's programs `chunk_seconds` (per CHUNK_SIZE samples) after it was
asked, as a GPU drawing them would: making them takes some CPU time, and it sleeps for the
rest. Sleeping uses no CPU, so N of these actors
on one small machine behave like N GPUs: what a benchmark then measures is the scheduler
keeping them busy, not the machine's cores. Its numbers are simulated and must be named so.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from alphasolve.candidate import Candidate
from alphasolve.errors import AlphasolveError
from alphasolve.model.fake import FakeSampler
from alphasolve.model.sampler import LoadOptions, SamplingConfig
from alphasolve.model.samples_io import CHUNK_SIZE
from alphasolve.problem import Problem

__all__ = ["SETTINGS_FILE", "SimulatedGpuSampler"]

# In the "model directory": {"chunk_seconds": S}. Without one, DEFAULT_CHUNK_SECONDS.
SETTINGS_FILE = "simulated_gpu.json"
DEFAULT_CHUNK_SECONDS = 0.5


class SimulatedGpuSampler:
    def __init__(self, chunk_seconds: float = DEFAULT_CHUNK_SECONDS) -> None:
        self.chunk_seconds = chunk_seconds
        self.fake = FakeSampler()

    @classmethod
    def load(
        cls, model_dir: Path | None = None, options: LoadOptions | None = None
    ) -> SimulatedGpuSampler:
        if model_dir is None:
            return cls()
        path = Path(model_dir) / SETTINGS_FILE
        try:
            seconds = float(json.loads(path.read_text())["chunk_seconds"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise AlphasolveError(f'{path}: expected {{"chunk_seconds": S}} ({exc})') from None
        return cls(seconds)

    def sample(
        self, problem: Problem, n: int, seed: int, config: SamplingConfig
    ) -> list[Candidate]:
        ready = time.monotonic() + self.chunk_seconds * n / CHUNK_SIZE
        drawn = self.fake.sample(problem, n, seed, config)
        time.sleep(max(0.0, ready - time.monotonic()))
        return drawn

    def sample_inputs(
        self, problem: Problem, n: int, seed: int, config: SamplingConfig
    ) -> list[str]:
        return self.fake.sample_inputs(problem, n, seed, config)
