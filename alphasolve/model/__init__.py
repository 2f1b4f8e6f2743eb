"""The model side of alphasolve: prompts, the tokenizer, samplers and the fast T5 loop.

Importing this package imports no torch and no transformers: the prompt builder, the
config and the registry are plain Python; `Seq2SeqSampler` (torch) is resolved on first use.
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
    ModelError,
    Sampler,
    SamplingConfig,
    derive_seed,
    sampler_class,
)
from alphasolve.model.tokenizer import load_tokenizer, train_tokenizer

__all__ = [
    "SAMPLERS",
    "FakeSampler",
    "LanguageSplit",
    "ModelError",
    "PromptMeta",
    "Sampler",
    "SamplingConfig",
    "Seq2SeqSampler",
    "default_t5_config",
    "derive_seed",
    "draw_meta",
    "load_tokenizer",
    "sampler_class",
    "solution_prompt",
    "test_input_prompt",
    "train_tokenizer",
    "training_meta",
]


def __getattr__(name: str) -> Any:
    if name == "Seq2SeqSampler":  # imports torch and transformers
        return importlib.import_module("alphasolve.model.seq2seq").Seq2SeqSampler
    raise AttributeError(f"module 'alphasolve.model' has no attribute {name!r}")
