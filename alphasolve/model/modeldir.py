"""What a model directory is, read from its files before any weights are loaded (torch-free).

`--model DIR` is whatever `save_pretrained` wrote: config.json, the weights, the tokenizer.
Its config says the kind of model: `is_encoder_decoder` (T5, CodeT5, BART) or a causal
language model's `architectures` (`LlamaForCausalLM`, `GPT2LMHeadModel`, ...). A directory
that is neither, has no tokenizer, or holds its weights only as PyTorch pickles is a one-line
ModelError naming it, before transformers would fail with a page of traceback (or, for a
pickle, run code from it).
"""

from __future__ import annotations

import json
from pathlib import Path

from alphasolve.model.sampler import ModelError

__all__ = ["check_model_dir", "detect_backend", "load_tokenizer"]

# What `tokenizer.save_pretrained` writes, one of which every tokenizer has.
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "tokenizer.model", "vocab.json")
_PICKLES = ("*.bin", "*.pt", "*.pth", "*.ckpt")


def _config(path: Path) -> dict:
    if not path.is_dir():
        raise ModelError(f"{path}: no such model directory")
    config = path / "config.json"
    if not config.is_file():
        raise ModelError(f"{path}: not a saved model (no config.json; use save_pretrained)")
    try:
        data = json.loads(config.read_text())
    except (OSError, ValueError) as exc:
        raise ModelError(f"{config}: cannot load the model config: {exc}") from None
    if not isinstance(data, dict):
        raise ModelError(f"{config}: cannot load the model config: not a JSON object")
    return data


def detect_backend(path: Path) -> str:
    """`seq2seq` or `causal`, from the directory's config.json."""
    data = _config(path)
    if data.get("is_encoder_decoder"):
        return "seq2seq"
    architectures = data.get("architectures") or []
    if any(a.endswith(("ForCausalLM", "LMHeadModel")) for a in architectures):
        return "causal"
    if not architectures and isinstance(data.get("model_type"), str):
        # A config saved without a model class: what transformers maps its type to.
        from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

        if data["model_type"] in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
            return "causal"
    said = ", ".join(architectures) or f"model_type {data.get('model_type')!r}"
    raise ModelError(
        f"{path / 'config.json'}: neither an encoder-decoder nor a causal language model "
        f"({said}); pass --sampler seq2seq or --sampler causal if it is one"
    )


def check_model_dir(path: Path) -> None:
    """The files a backend loads are there: a config, a tokenizer and safetensors weights."""
    _config(path)
    if not any((path / name).is_file() for name in _TOKENIZER_FILES):
        raise ModelError(
            f"{path}: no tokenizer saved with the model (none of {', '.join(_TOKENIZER_FILES)}); "
            "save it there with tokenizer.save_pretrained"
        )
    if any(path.glob("*.safetensors")):
        return
    pickles = sorted(p.name for pattern in _PICKLES for p in path.glob(pattern))
    if pickles:
        raise ModelError(
            f"{path}: weights only as PyTorch pickles ({', '.join(pickles)}), which alphasolve "
            "does not load (unpickling runs code); convert them to safetensors "
            "(model.save_pretrained(dir, safe_serialization=True))"
        )
    raise ModelError(f"{path}: no weights (*.safetensors) saved with the model")


def load_tokenizer(path: Path):  # -> a transformers tokenizer (imported only when called)
    """The tokenizer saved with the model at `path`, or a ModelError naming the directory."""
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    except Exception as exc:  # transformers raises many kinds; all mean "not loadable"
        raise ModelError(f"{path}: cannot load the tokenizer saved with the model: {exc}") from exc
