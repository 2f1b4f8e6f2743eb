"""What every sampler shares: the config, the protocol, seeds and prompt groups, the registry.

Torch-free: importing this (or `alphasolve.model`) loads no model code; a backend's heavy
imports happen when `sampler_class(name)` resolves it.

A backend is one module with one class and one line in SAMPLERS. The class has
`load(model_dir, options)` and the methods of `Backend`; make_sampler() wraps it in literal
masking where the model's alphasolve.json asks for it (masking.py), so what callers get is a
`Sampler`. Nothing outside a backend's module knows its name: callers ask the registry
entry (`SAMPLERS[name]`) what it supports.

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
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from alphasolve.candidate import Candidate
from alphasolve.errors import AlphasolveError
from alphasolve.model.prompt import LanguageSplit, PromptMeta, draw_meta
from alphasolve.problem import Problem

__all__ = [
    "AUTO",
    "DEFAULT_LANGUAGES",
    "DEFAULT_MODEL_DIR",
    "DTYPES",
    "SAMPLERS",
    "Backend",
    "BackendInfo",
    "KnownProgram",
    "LoadOptions",
    "ModelError",
    "PromptGroup",
    "PromptStyle",
    "Sampler",
    "SamplingConfig",
    "Scored",
    "backend_name",
    "derive_seed",
    "make_sampler",
    "parse_device",
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
    # Used only when neither --temperature nor the model's alphasolve.json names one (the
    # shipped model's names 1.0, chosen on valid: docs/model.md). 0 means greedy.
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
    # and AVX512-BF16 CPUs for the fast T5 loop), else float32: see decoding.bf16_is_fast.
    # bf16 log-likelihoods are approximate: re-score in float32 before ranking by them.
    dtype: str = "auto"
    max_prompt_tokens: int = 1024  # longer prompts lose their tail (notes, late examples)
    # Each prompt group's samples are distinct programs, drawn without replacement from the
    # same distribution (swor.py: stochastic beam search). A sharp model otherwise spends
    # most of a large budget redrawing its favourite programs. Groups with different headers
    # may still draw the same program.
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


class PromptStyle(StrEnum):
    """How a prompt is put to a model."""

    PREFIX = "prefix"  # the metadata header and the statement; the program continues them
    CHAT = "chat"  # a chat turn asking for the program; the reply's first fenced code block


@dataclass(frozen=True)
class LoadOptions:
    """How a backend loads its model (fixed for the sampler's life, unlike SamplingConfig)."""

    device: str = "auto"  # auto | cpu | cuda | cuda:N (parse_device)
    prompt: PromptStyle | None = None  # None: the model's alphasolve.json, else PREFIX


@dataclass(frozen=True)
class KnownProgram:
    """A program to score: `code` as the answer to `problem` under the header `meta`."""

    problem: Problem
    meta: PromptMeta
    code: str


@dataclass(frozen=True)
class Scored:
    """A teacher-forced score: sum of log p(token) under the temperature-1 model over the
    program's `tokens` tokens (its end marker included)."""

    log_likelihood: float
    tokens: int


class Sampler(Protocol):
    """A source of candidate programs and test inputs for a problem, and a scorer of known
    programs (what `make_sampler` returns)."""

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

    def score(self, programs: Sequence[KnownProgram]) -> list[Scored]:
        """Each program's log-likelihood under the prompt the model samples it with (eval's
        per-language perplexity)."""
        ...


class Backend(Sampler, Protocol):
    """What a backend's class implements. `banned` names tokens never drawn (the literal
    placeholders a statement does not define); a backend bans those its vocabulary has."""

    def sample(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[Candidate]: ...

    def sample_inputs(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[str]: ...


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


@dataclass(frozen=True)
class BackendInfo:
    """A registry entry: where the backend lives and what it supports (torch-free)."""

    target: str  # "module:Class", imported on first use
    needs_model: bool = True  # reads a model directory (its alphasolve.json too)
    default_model: Path | None = None  # the directory used when none is given
    without_replacement: bool = True  # SamplingConfig.without_replacement is honoured
    chat: bool = False  # can put the prompt as a chat turn (PromptStyle.CHAT)
    devices: tuple[str, ...] = ("cpu", "cuda")


AUTO = "auto"  # the backend a model directory's config.json says (modeldir.detect_backend)

SAMPLERS = {
    "seq2seq": BackendInfo(
        "alphasolve.model.seq2seq:Seq2SeqSampler", default_model=DEFAULT_MODEL_DIR
    ),
    "causal": BackendInfo("alphasolve.model.causal:CausalLMSampler", chat=True),
    "fake": BackendInfo("alphasolve.model.fake:FakeSampler", needs_model=False, devices=("cpu",)),
    # its "model directory" holds only simulated_gpu.json (simulated.py)
    "simulated-gpu": BackendInfo(
        "alphasolve.model.simulated:SimulatedGpuSampler", needs_model=False, devices=("cpu",)
    ),
}


def _unknown(name: str) -> ModelError:
    return ModelError(f"unknown sampler {name!r} (known: {AUTO}, {', '.join(SAMPLERS)})")


def backend_name(name: str, model_dir: str | Path | None) -> str:
    """The registry name a run uses: `name`, or for `auto` the backend the directory's
    config.json says (the shipped model's when there is no directory)."""
    if name == AUTO:
        if model_dir is None:
            return next(n for n, b in SAMPLERS.items() if b.default_model is not None)
        from alphasolve.model.modeldir import detect_backend

        return detect_backend(Path(model_dir))
    if name not in SAMPLERS:
        raise _unknown(name)
    return name


def sampler_class(name: str) -> type:
    if name not in SAMPLERS:
        raise _unknown(name)
    module, _, cls = SAMPLERS[name].target.partition(":")
    return getattr(importlib.import_module(module), cls)


_DEVICE = re.compile(r"auto|cpu|cuda(:\d+)?")


def parse_device(text: str) -> str:
    """`auto`, `cpu`, `cuda` or `cuda:N`, checked here; whether it exists, at load."""
    if not _DEVICE.fullmatch(text):
        raise ModelError(f"--device {text!r}: expected auto, cpu, cuda or cuda:N")
    return text


def make_sampler(
    name: str = AUTO, model_dir: str | Path | None = None, options: LoadOptions | None = None
) -> Sampler:
    """The sampler `name` (or the one the directory's config.json says, for `auto`) with the
    model in `model_dir` (default: the backend's shipped one), wrapped in literal masking
    where the model's alphasolve.json asks for it."""
    from alphasolve.model.settings import read_settings

    options = options or LoadOptions()
    parse_device(options.device)
    name = backend_name(name, model_dir)
    info = SAMPLERS[name]
    directory = Path(model_dir) if model_dir is not None else info.default_model
    settings = read_settings(directory) if info.needs_model and directory else None
    prompt = options.prompt or (settings.prompt if settings else None) or PromptStyle.PREFIX
    if prompt is PromptStyle.CHAT and not info.chat:
        raise ModelError(
            f"the {name} sampler has no chat prompt (--prompt chat needs a causal model)"
        )
    if options.device not in ("auto", "cpu") and "cuda" not in info.devices:
        raise ModelError(f"the {name} sampler runs on the CPU only, not --device {options.device}")
    given = Path(model_dir) if model_dir is not None else None  # None: the backend's own
    backend = sampler_class(name).load(given, LoadOptions(options.device, prompt))
    if settings is not None and settings.literal_placeholders:
        from alphasolve.model.masking import LiteralMasking

        return LiteralMasking(backend)
    return backend
