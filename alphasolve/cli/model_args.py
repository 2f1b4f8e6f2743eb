"""The model flags every command that samples shares: --model, --sampler, --device, --prompt."""

from __future__ import annotations

import argparse
from pathlib import Path

from alphasolve.model.sampler import AUTO, SAMPLERS, LoadOptions, PromptStyle, parse_device

__all__ = ["add_model_arguments", "load_options"]


def add_model_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", type=Path, metavar="DIR",
                        help="a local model directory, encoder-decoder (T5, CodeT5, BART) or "
                             "decoder-only (Llama, Qwen2, GPT-2...) (default: the shipped model)")  # fmt: skip
    parser.add_argument("--sampler", choices=[AUTO, *SAMPLERS], default=AUTO,
                        help="backend (default auto: what the model's config.json says; "
                             "fake: no model, for tests)")  # fmt: skip
    parser.add_argument("--device", default="auto", metavar="DEV",
                        help="auto (a GPU if there is one), cpu, cuda or cuda:N")  # fmt: skip
    parser.add_argument("--prompt", choices=[str(s) for s in PromptStyle],
                        help="prefix (the statement, continued by the program) or chat (an "
                             "instruction-tuned causal model; default: the model's "
                             "alphasolve.json, else prefix)")  # fmt: skip


def load_options(args: argparse.Namespace) -> LoadOptions:
    """How the sampler loads its model, from the flags (checked here: a typo is one line)."""
    prompt = None if args.prompt is None else PromptStyle(args.prompt)
    return LoadOptions(device=parse_device(args.device), prompt=prompt)
