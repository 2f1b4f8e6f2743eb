"""The model side of alphasolve: prompts, the tokenizer, sampler backends (seq2seq, causal,
fake) behind one protocol and registry, and their decoding loops.

Importing this package imports no torch and no transformers: the prompt builder, the
config and the registry are plain Python; the backends (torch) are resolved on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from alphasolve.model.architecture import default_t5_config
from alphasolve.model.fake import FakeSampler
from alphasolve.model.prompt import (
    LanguageSplit,
    PromptMeta,
    draw_meta,
    solution_prompt,
    test_input_prompt,
    training_meta,
)
from alphasolve.model.sampler import (
    SAMPLERS,
    KnownProgram,
    LoadOptions,
    ModelError,
    PromptStyle,
    Sampler,
    SamplingConfig,
    Scored,
    derive_seed,
    make_sampler,
    sampler_class,
)
from alphasolve.model.tokenizer import load_tokenizer, train_tokenizer

__all__ = [
    "SAMPLERS",
    "CausalLMSampler",
    "FakeSampler",
    "KnownProgram",
    "LanguageSplit",
    "LoadOptions",
    "ModelError",
    "PromptMeta",
    "PromptStyle",
    "Sampler",
    "SamplingConfig",
    "Scored",
    "Seq2SeqSampler",
    "default_t5_config",
    "derive_seed",
    "draw_meta",
    "load_tokenizer",
    "make_sampler",
    "sampler_class",
    "solution_prompt",
    "test_input_prompt",
    "train_tokenizer",
    "training_meta",
]


_LAZY = {"Seq2SeqSampler": "seq2seq", "CausalLMSampler": "causal"}  # torch and transformers


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"alphasolve.model.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'alphasolve.model' has no attribute {name!r}")
