"""A trained run in the form alphasolve ships and loads: save_pretrained weights, the
tokenizer, the training record and the sampler's settings."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path

import torch
from transformers import T5ForConditionalGeneration

from alphasolve.model.settings import SETTINGS_FILE, ModelSettings
from alphasolve.model.tokenizer import load_tokenizer

from .config import CONFIG_FILE, TrainConfig, TrainError
from .loop import CHECKPOINT, new_model

__all__ = ["export", "export_run"]

log = logging.getLogger(__name__)


def export_run(out: Path, cfg: TrainConfig, target: Path, temperature: float | None) -> Path:
    """The run in `out` at its last checkpoint, exported to `target` (needs only the
    tokenizer and the checkpoint, not the corpus)."""
    ckpt = out / CHECKPOINT
    if not ckpt.is_file():
        raise TrainError(f"{ckpt}: no checkpoint to export; train first")
    tokenizer = load_tokenizer(out / "tokenizer")
    model = new_model(cfg, len(tokenizer), tokenizer.pad_token_id, tokenizer.eos_token_id)
    state = torch.load(ckpt, map_location="cpu", weights_only=True)
    model.load_state_dict(state["model"])
    export(model, tokenizer, cfg, state["step"], target, temperature)
    return target


def export(
    model: T5ForConditionalGeneration,
    tokenizer,
    cfg: TrainConfig,
    step: int,
    target: Path,
    temperature: float | None = None,
) -> None:
    """The shipped form: save_pretrained with safetensors (bf16 halves the size in git),
    the tokenizer beside it, and the training config for provenance."""
    target.mkdir(parents=True, exist_ok=True)
    model.to(torch.bfloat16).save_pretrained(target, safe_serialization=True)
    tokenizer.save_pretrained(target)
    record = asdict(cfg) | {
        "trained_steps": cfg.init_steps + step,  # from random weights
        "vocab_size": len(tokenizer),  # the placeholders may have added ids to the init's
    }
    if cfg.init:
        # Keep how the starting model was trained; the export may overwrite its directory.
        previous = Path(cfg.init) / CONFIG_FILE
        if previous.is_file():
            record["init_config"] = json.loads(previous.read_text())
    (target / CONFIG_FILE).write_text(json.dumps(record, indent=2))
    # What the sampler needs to know to read and write like the training data did.
    settings = ModelSettings(cfg.literal_placeholders, temperature)
    (target / SETTINGS_FILE).write_text(settings.to_json())
    for path in target.iterdir():
        path.chmod(0o644)  # safetensors writes 0600; an installed package must be readable
    size = sum(p.stat().st_size for p in target.iterdir()) / 2**20
    log.info("exported step %d to %s (%.1f MiB)", step, target, size)
