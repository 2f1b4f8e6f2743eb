"""What every sampler shares: the config, the protocol, seeds and prompt groups, the registry.

Torch-free: importing this (or `alphasolve.model`) loads no model code; a backend's heavy
imports happen when `sampler_class(name)` resolves it.

Determinism. A work unit is (problem, chunk, seed): `sample(problem, n, seed, config)`
returns the same candidates every time it is called with the same arguments, so a retried
unit repeats itself exactly. The n samples are split into prompt groups of
`samples_per_prompt`; group g draws its header (language, rating, tags) and its random
numbers from `derive_seed(seed, g)` alone, so a group's samples do not depend on how the
groups are batched.
"""

from __future__ import annotations

import hashlib
import importlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from alphasolve.candidate import Candidate
from alphasolve.errors import AlphasolveError
from alphasolve.model.prompt import LanguageSplit, PromptMeta, draw_meta
from alphasolve.problem import Problem

__all__ = [
    "DEFAULT_LANGUAGES",
    "DEFAULT_MODEL_DIR",
    "DTYPES",
    "SAMPLERS",
    "ModelError",
    "PromptGroup",
    "Sampler",
    "SamplingConfig",
    "derive_seed",
    "make_sampler",
    "plan_groups",
    "sampler_class",
]

DEFAULT_LANGUAGES = "python3:0.5,cpp17:0.5"  # CodeGeeX: a split budget beats either language
# The model that ships inside the package (save_pretrained form, with its tokenizer).
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "default_model"
DTYPES = ("auto", "float32", "bfloat16")


class ModelError(AlphasolveError, ValueError):
    """A model directory that is missing or cannot be loaded (the CLI exits 2 on it)."""


@dataclass(frozen=True)
class SamplingConfig:
    # SAMPLING.md: on the project's corpus T=0.5 gave the best pass@1 and T=0.8 the same
    # pass@100; 1.0 only added syntax errors. 0 means greedy.
    temperature: float = 0.5
    top_k: int = 0  # 0: off. AlphaCode swept top-k and nucleus and found no gain
    top_p: float = 1.0  # 1.0: off
    repetition_penalty: float = 1.0  # 1.0: off; >1 as in transformers (CTRL's penalty)
    # Corpus programs are ~50 tokens (max ~80 in the feasibility run); real Codeforces
    # solutions are longer. A sample that hits the limit is kept, unfinished.
    max_new_tokens: int = 384
    # Decoder rows per pass; a larger call is split by prompt groups. The self-attention
    # cache is rows x layers x max_new_tokens x d_model x 2 floats (~400 MB at the defaults).
    batch_size: int = 128
    # Samples sharing one random header. The fast T5 loop computes cross-attention keys and
    # values once per prompt, so 16 samples per prompt cost ~1/16 of the cross-attention
    # memory traffic of 16 distinct prompts. AlphaCode randomised per sample (for diversity);
    # 1,000 samples still get 63 distinct random headers.
    samples_per_prompt: int = 16
    languages: LanguageSplit = field(default_factory=lambda: LanguageSplit.parse(DEFAULT_LANGUAGES))
    # Of the decoder's matmuls. "auto": bfloat16 where measured faster (bf16 GPUs, AMX CPUs,
    # and AVX512-BF16 CPUs for the fast T5 loop), else float32: see seq2seq.bf16_is_fast.
    # bf16 log-likelihoods are approximate: re-score in float32 before ranking by them.
    dtype: str = "auto"
    max_prompt_tokens: int = 1024  # longer prompts lose their tail (notes, late examples)
    # Each prompt group's samples are distinct programs, drawn without replacement from the
    # same distribution (swor.py: stochastic beam search). A sharp model otherwise spends
    # most of a large budget redrawing its favourite programs (v8 on the test split: 1 draw
    # in 9 new). Groups with different headers may still draw the same program.
    without_replacement: bool = False

    def __post_init__(self) -> None:
        problems = []
        if not self.temperature >= 0:
            problems.append(f"temperature must be >= 0, not {self.temperature}")
        if self.top_k < 0:
            problems.append(f"top_k must be >= 0, not {self.top_k}")
        if not 0 < self.top_p <= 1:
            problems.append(f"top_p must be in (0, 1], not {self.top_p}")
        if not self.repetition_penalty > 0:
            problems.append(f"repetition_penalty must be > 0, not {self.repetition_penalty}")
        for name in ("max_new_tokens", "batch_size", "samples_per_prompt", "max_prompt_tokens"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be >= 1, not {getattr(self, name)}")
        if self.without_replacement and self.temperature == 0:
            problems.append("sampling without replacement needs a temperature > 0")
        if self.dtype not in DTYPES:
            problems.append(f"dtype must be one of {', '.join(DTYPES)}, not {self.dtype!r}")
        if problems:
            raise ValueError("sampling config: " + "; ".join(problems))


class Sampler(Protocol):
    """A source of candidate programs and test inputs for a problem."""

    def sample(
        self, problem: Problem, n: int, seed: int, config: SamplingConfig
    ) -> list[Candidate]:
        """Exactly `n` candidates (duplicates included: pass@k counts them), deterministic
        given (problem, n, seed, config)."""
        ...

    def sample_inputs(
        self, problem: Problem, n: int, seed: int, config: SamplingConfig
    ) -> list[str]:
        """Exactly `n` generated test inputs (the TEST INPUT task), deterministic likewise."""
        ...


def derive_seed(*parts: object) -> int:
    """A 63-bit seed from `parts` (stable across processes, unlike `hash`)."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@dataclass(frozen=True)
class PromptGroup:
    index: int
    size: int  # samples in the group: samples_per_prompt, fewer in the last group
    seed: int  # seeds the group's token sampling
    meta: PromptMeta


def plan_groups(n: int, seed: int, config: SamplingConfig) -> list[PromptGroup]:
    """How `n` samples split into prompt groups, each with its own random header."""
    groups = []
    for index, start in enumerate(range(0, n, config.samples_per_prompt)):
        group_seed = derive_seed(seed, index)
        meta = draw_meta(random.Random(group_seed), config.languages)
        size = min(config.samples_per_prompt, n - start)
        groups.append(PromptGroup(index, size, group_seed, meta))
    return groups


# name -> "module:Class"; resolved (imported) only when asked for. Each class has a
# classmethod `load(model_dir: Path | None)` (None: the shipped model, if it needs one).
SAMPLERS = {
    "seq2seq": "alphasolve.model.seq2seq:Seq2SeqSampler",
    "fake": "alphasolve.model.fake:FakeSampler",
    "simulated-gpu": "alphasolve.model.simulated:SimulatedGpuSampler",
}


def sampler_class(name: str) -> type:
    if name not in SAMPLERS:
        raise ValueError(f"unknown sampler {name!r} (known: {', '.join(SAMPLERS)})")
    module, _, cls = SAMPLERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def make_sampler(name: str, model_dir: Path | None = None) -> Sampler:
    """The sampler `name`, with the model in `model_dir` (default: the shipped one)."""
    return sampler_class(name).load(model_dir)
