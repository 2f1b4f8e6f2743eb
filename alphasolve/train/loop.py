"""The training loop: a small T5 on the corpus' train split, resumable across sittings.

Every few minutes the model, optimiser, step and data order go to OUT/checkpoint.pt
(atomically); running the same run again continues from there. The learning-rate schedule
is by step, never by wall time, so a resumed run follows exactly the schedule of an
uninterrupted one.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import torch
from transformers import T5ForConditionalGeneration

from alphasolve.model.architecture import default_t5_config
from alphasolve.model.tokenizer import add_placeholder_tokens, load_tokenizer, train_tokenizer

from .config import TrainConfig, TrainError, record_config
from .data import (
    SRC_BUCKETS,
    TGT_BUCKETS,
    bucket,
    collate,
    ensure_corpus,
    examples_of,
    make_batches,
)
from .memory import StopRequest, release_memory_above

__all__ = ["CHECKPOINT", "Sitting", "lr_at", "new_model", "prepare", "train"]

log = logging.getLogger(__name__)

CHECKPOINT = "checkpoint.pt"


@dataclass(frozen=True)
class Sitting:
    """How this sitting runs (none of it is part of the run's recorded config)."""

    corpus: Path  # the train split as JSON lines (built from the config if missing)
    threads: int
    dtype: torch.dtype  # autocast dtype of the forward pass (float32: none)
    max_minutes: float = 1e9  # stop this sitting (with a checkpoint) after this long


def new_model(cfg: TrainConfig, vocab: int, pad: int, eos: int) -> T5ForConditionalGeneration:
    config = default_t5_config(
        vocab, cfg.d_model, cfg.d_ff, cfg.layers, cfg.heads,
        pad_token_id=pad, eos_token_id=eos, decoder_start_token_id=pad,
        dropout_rate=cfg.dropout,
    )  # fmt: skip
    torch.manual_seed(cfg.seed)
    return T5ForConditionalGeneration(config)


def lr_at(step: int, cfg: TrainConfig) -> float:
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    progress = min(1.0, (step - cfg.warmup) / max(1, cfg.steps - cfg.warmup))
    return cfg.lr * (
        cfg.min_lr_ratio + (1 - cfg.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * progress))
    )


def save_checkpoint(path: Path, model, optim, step: int, epoch: int, batch_pos: int) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(
        {
            "model": model.state_dict(),
            "optim": optim.state_dict(),
            "step": step,
            "epoch": epoch,
            "batch_pos": batch_pos,
        },
        tmp,
    )
    os.replace(tmp, path)  # atomic: a kill mid-save leaves the previous checkpoint intact


def prepare(out: Path, cfg: TrainConfig, corpus: Path):
    """The tokenizer (the run's, the --init model's, or a new one) and the tokenised pairs."""
    ensure_corpus(corpus, cfg)
    rng = random.Random(cfg.seed)
    pairs: list[tuple[str, str]] = []
    with corpus.open() as f:
        for line in f:
            pairs += examples_of(json.loads(line), cfg, rng)
    tok_dir = out / "tokenizer"
    if (tok_dir / "tokenizer.json").is_file():
        tokenizer = load_tokenizer(tok_dir)
    elif cfg.init:
        tokenizer = load_tokenizer(cfg.init)  # the starting model's vocabulary, unchanged
        tokenizer.save_pretrained(tok_dir)
    else:
        sample = [
            t
            for pair in random.Random(cfg.seed).sample(pairs, min(30000, len(pairs)))
            for t in pair
        ]
        tokenizer = train_tokenizer(sample, vocab_size=cfg.vocab_size)
        tokenizer.save_pretrained(tok_dir)
    if cfg.literal_placeholders and add_placeholder_tokens(tokenizer):
        tokenizer.save_pretrained(tok_dir)  # new ids after the old: --init weights still fit
    src = tokenizer([p for p, _ in pairs], add_special_tokens=True)["input_ids"]
    tgt = tokenizer([t for _, t in pairs], add_special_tokens=True)["input_ids"]
    return tokenizer, pairs, src, tgt


def _load_init(model: T5ForConditionalGeneration, cfg: TrainConfig, vocab: int) -> None:
    """The --init model's weights into `model` (same shape: resolve_config copied it)."""
    start_from = T5ForConditionalGeneration.from_pretrained(
        cfg.init, local_files_only=True, dtype=torch.float32
    )
    if start_from.config.vocab_size < vocab:  # the placeholders were added
        # Not transformers' default mean-resizing: it puts every new row near the mean of
        # the old ones, so the model cannot tell the placeholders apart, and Adam's
        # lr-sized steps separate them only slowly. T5's own init draws distinct rows at
        # full scale.
        start_from.resize_token_embeddings(vocab, mean_resizing=False)
    try:
        model.load_state_dict(start_from.state_dict())  # strict: checks the layout
    except RuntimeError as exc:  # a T5 of another layout (gated FFN, d_kv, depths)
        first = str(exc).strip().splitlines()[0]
        msg = f"--init {cfg.init}: its weights do not fit this trainer's T5 ({first})"
        raise TrainError(msg) from exc


def train(out: Path, cfg: TrainConfig, sitting: Sitting) -> int:
    """Train (or continue) the run in `out` up to cfg.steps or the sitting's end; the step
    reached (saved in OUT/checkpoint.pt)."""
    torch.set_num_threads(sitting.threads)
    out.mkdir(parents=True, exist_ok=True)
    record_config(out, cfg)
    ckpt_path = out / CHECKPOINT
    resume = (
        torch.load(ckpt_path, map_location="cpu", weights_only=True)
        if ckpt_path.is_file()
        else None
    )
    if resume is not None and resume["step"] >= cfg.steps:
        # A re-run of a finished run (a script that resumes until done) returns at once: the
        # train split would be rebuilt (minutes) only to find nothing left to do.
        log.info("already finished at step %d of %d; nothing to train", resume["step"], cfg.steps)
        return int(resume["step"])

    tokenizer, pairs, src, tgt = prepare(out, cfg, sitting.corpus)
    pad, eos = tokenizer.pad_token_id, tokenizer.eos_token_id
    model = new_model(cfg, len(tokenizer), pad, eos)
    if cfg.init:
        _load_init(model, cfg, len(tokenizer))
    optim = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    step = epoch = batch_pos = 0
    if resume is not None:
        model.load_state_dict(resume["model"])
        optim.load_state_dict(resume["optim"])
        step, epoch, batch_pos = resume["step"], resume["epoch"], resume["batch_pos"]
        del resume  # the model and optimiser hold copies; this one would stay for the run
        log.info("resumed at step %d (epoch %d, batch %d)", step, epoch, batch_pos)
    n_params = sum(p.numel() for p in model.parameters())
    kept = sum(
        1
        for s, t in zip(src, tgt, strict=True)
        if bucket(len(s), SRC_BUCKETS) and bucket(len(t), TGT_BUCKETS)
    )
    precision = "bfloat16 autocast" if sitting.dtype != torch.float32 else "float32"
    log.info(
        "%d pairs (%d within the length buckets), %.1fM parameters, vocab %d, %s with %d threads",
        len(pairs), kept, n_params / 1e6, len(tokenizer), precision, sitting.threads,
    )  # fmt: skip
    if not kept:
        raise TrainError(
            f"no training pair fits the length buckets (source <= {SRC_BUCKETS[-1]}, "
            f"target <= {TGT_BUCKETS[-1]} tokens): nothing to train on"
        )
    return _steps(model, optim, cfg, sitting, (src, tgt, pad), ckpt_path, (step, epoch, batch_pos))


def _steps(
    model: T5ForConditionalGeneration,
    optim: torch.optim.Optimizer,
    cfg: TrainConfig,
    sitting: Sitting,
    data: tuple[list[list[int]], list[list[int]], int],
    ckpt_path: Path,
    position: tuple[int, int, int],
) -> int:
    """The steps themselves, from `position` (step, epoch, batch in the epoch)."""
    src, tgt, pad = data
    step, epoch, batch_pos = position
    memory_limit = psutil.virtual_memory().total // 2
    dtype = sitting.dtype
    model.train()
    # Only now: a signal during the preparation (minutes) kills as usual, nothing is lost.
    stop = StopRequest()
    stop.install()
    log.info("training (SIGTERM or Ctrl-C: stop after this step, with a checkpoint)")
    start = last_ckpt = time.monotonic()
    seen = 0
    loss_avg = None
    while step < cfg.steps:
        batches = make_batches(src, tgt, cfg, cfg.seed + epoch)
        while batch_pos < len(batches) and step < cfg.steps:
            batch = collate(batches[batch_pos], src, tgt, pad)
            for group in optim.param_groups:
                group["lr"] = lr_at(step, cfg)
            with torch.autocast("cpu", dtype=dtype, enabled=dtype != torch.float32):
                loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            optim.zero_grad(set_to_none=True)
            release_memory_above(memory_limit)
            step += 1
            batch_pos += 1
            seen += len(batches[batch_pos - 1])
            loss_avg = loss.item() if loss_avg is None else 0.98 * loss_avg + 0.02 * loss.item()
            elapsed = time.monotonic() - start
            if step % 50 == 0:
                log.info("step %d/%d epoch %d loss %.4f lr %.2e %.1f samples/s %.1f min",
                         step, cfg.steps, epoch, loss_avg, lr_at(step, cfg), seen / elapsed,
                         elapsed / 60)  # fmt: skip
            if time.monotonic() - last_ckpt > cfg.checkpoint_minutes * 60:
                save_checkpoint(ckpt_path, model, optim, step, epoch, batch_pos)
                last_ckpt = time.monotonic()
            if elapsed > sitting.max_minutes * 60 or stop.name is not None:
                save_checkpoint(ckpt_path, model, optim, step, epoch, batch_pos)
                why = f" on {stop.name}" if stop.name is not None else ""
                log.info("stopping this sitting at step %d%s; re-run to continue", step, why)
                return step
        if batch_pos >= len(batches):
            epoch += 1
            batch_pos = 0
    save_checkpoint(ckpt_path, model, optim, step, epoch, batch_pos)
    log.info("training finished at step %d", step)
    return step
