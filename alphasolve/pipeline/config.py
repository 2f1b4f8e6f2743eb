"""The solve pipeline's settings (no Ray: the CLI builds them before Ray is imported)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alphasolve.model.prompt import LanguageSplit
from alphasolve.model.sampler import DEFAULT_LANGUAGES, LoadOptions, SamplingConfig
from alphasolve.selectors import DEFAULT_SELECTOR

__all__ = ["AUTO", "SolveConfig", "sampling_config"]

AUTO = 0  # a count of 0 is sized from the cluster (see each field)


@dataclass(frozen=True)
class SolveConfig:
    samples: int = 1000
    seed: int = 0
    sampler: str = "auto"  # a name in SAMPLERS, or auto: what the model directory is
    model_dir: Path | None = None
    load: LoadOptions = field(default_factory=LoadOptions)  # --device and --prompt
    languages: str = DEFAULT_LANGUAGES
    python_runtime: str = "python3"  # the executor that judges Python programs (pypy3: PyPy)
    temperature: float | None = None  # None: the model's alphasolve.json, else SamplingConfig's
    without_replacement: bool = False  # SamplingConfig's: distinct programs per prompt group
    model_inputs: int = 32  # TEST INPUT samples from the model
    mutated_inputs: int = 24  # mutations of the example inputs
    max_survivors: int = 2048  # the likeliest survivors go on to the behaviour stage
    picks: int = 10
    selector: str = DEFAULT_SELECTOR  # how the picks are chosen: alphasolve.selectors
    # AUTO: one per `sampler_gpus` of the cluster's GPUs (one per GPU), one without GPUs
    sampler_actors: int = AUTO
    sampler_gpus: float = 1.0  # GPU share per sampler actor, where the cluster has GPUs
    sampler_threads: int = 0  # torch threads per sampler actor; 0: one per core of its machine
    judge_actors: int = AUTO  # AUTO: one per node that offers the `judge` resource
    judge_workers: int = 0  # slots (cores) per judge actor; 0: its node's `judge` count
    # Problems open at once; AUTO: enough that no sampler or judge waits (open_problems()).
    max_open_problems: int = AUTO

    @property
    def runtimes(self) -> tuple[tuple[str, str], ...]:
        """The judge's language -> executor map (JudgeConfig.runtimes): Python under
        `python_runtime`."""
        return (("python3", self.python_runtime),)

    def judged_with(self, languages: tuple[str, ...]) -> tuple[str, ...]:
        """The executors that will judge programs in `languages` (what a judge node must
        pass its self-test for)."""
        runtime = dict(self.runtimes)
        return tuple(dict.fromkeys(runtime.get(lang, lang) for lang in languages))

    inflight: int = 2  # calls in flight per actor
    filter_batch: int = 32  # candidates per filter call
    behaviour_batch: int = 64  # survivors per behaviour call
    max_buffered: int = 256  # candidates waiting for the judges before sampling pauses


def sampling_config(cfg: SolveConfig) -> SamplingConfig:
    """How the run's programs and test inputs are drawn."""
    return SamplingConfig(
        temperature=cfg.temperature,
        languages=LanguageSplit.parse(cfg.languages),
        without_replacement=cfg.without_replacement,
    )


def open_problems(cfg: SolveConfig, samplers: int, judges: int) -> int:
    """How many problems to keep open. Samplers take the oldest problem that still needs
    chunks, so one problem in sampling keeps them all busy; the others are problems whose
    samples are complete and that wait for (or are in) filtering, test inputs, behaviour
    and selection. Two per actor covers a judge backlog of a problem or two per judge
    while a sampler starts the next; each open problem costs the driver its samples."""
    if cfg.max_open_problems > 0:
        return cfg.max_open_problems
    return max(2, 2 * (samplers + judges))
