"""What the decoding loops share (the fast T5 loop and the causal shared-prefix loop): the
decoded batch, the logits processors sampling applies, inverse-CDF sampling and the dtype
choice. Torch only; no model code."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import Tensor

from alphasolve.model.sampler import SamplingConfig

__all__ = [
    "Decoded",
    "bf16_is_fast",
    "process_logits",
    "resolve_dtype",
    "sample_tokens",
    "torch_device",
]


def bf16_is_fast(device: torch.device | str = "cpu", fast_loop: bool = True) -> bool:
    """Whether bfloat16 beats float32 on `device`: on GPUs with bf16 units and CPUs with AMX.

    On AVX512-BF16 CPUs without AMX the fast loop's bf16 matmuls gain while `generate()` in
    bf16 loses (docs/samplers.md), hence `fast_loop`.
    """
    device = torch.device(device)
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type == "cpu":
        if torch.cpu._is_amx_tile_supported():
            return True
        return fast_loop and torch.cpu._is_avx512_bf16_supported()
    return False


def resolve_dtype(name: str, device: torch.device | str, fast_loop: bool = True) -> torch.dtype:
    if name == "auto":
        return torch.bfloat16 if bf16_is_fast(device, fast_loop) else torch.float32
    return {"float32": torch.float32, "bfloat16": torch.bfloat16}[name]


@dataclass(frozen=True)
class Decoded:
    """Rows r*n .. r*n+n-1 are the samples of prompt r."""

    tokens: Tensor  # [B, T] long; EOS at lengths-1 when finished; pad after the end
    token_logprobs: Tensor  # [B, T] float32, log p(token) under the T=1 model; 0 after the end
    lengths: Tensor  # [B] generated tokens, EOS included
    finished: Tensor  # [B] bool: the row emitted EOS

    @property
    def log_likelihoods(self) -> Tensor:  # [B]
        return self.token_logprobs.sum(-1)


def process_logits(
    logits: Tensor, config: SamplingConfig, seen: Tensor | None, forbid: Sequence[int] = ()
) -> Tensor:
    """The logits sampling draws from (not yet divided by the temperature): repetition
    penalty, `forbid` ids removed, then top-k, then top-p, as transformers orders its
    processors (a bad-words list before top-k and top-p)."""
    out = logits
    if seen is not None:
        penalised = torch.where(
            out > 0, out / config.repetition_penalty, out * config.repetition_penalty
        )
        out = torch.where(seen, penalised, out)
    if len(forbid):
        out = out.clone()
        out[:, list(forbid)] = -math.inf
    if config.top_k and config.top_k < out.shape[-1]:
        kth = out.topk(config.top_k, dim=-1).values[:, -1:]
        out = out.masked_fill(out < kth, -math.inf)
    if config.top_p < 1.0:
        temp = max(config.temperature, 1e-6)
        sorted_logits, order = (out / temp).sort(dim=-1, descending=True)
        probs = sorted_logits.softmax(-1)
        # drop a token when the tokens ranked above it already hold top_p of the mass
        drop_sorted = probs.cumsum(-1) - probs > config.top_p
        drop = torch.zeros_like(drop_sorted).scatter(1, order, drop_sorted)
        out = out.masked_fill(drop, -math.inf)
    return out


def sample_tokens(processed: Tensor, temperature: float, uniforms: Tensor) -> Tensor:
    """One token per row by inverse CDF: the first token whose cumulative probability
    exceeds the row's uniform. Zero-probability tokens are never drawn."""
    probs = (processed / temperature).softmax(-1)  # [B, V]
    cdf = probs.cumsum(-1)
    target = (uniforms * cdf[:, -1]).unsqueeze(1)  # scaled: cdf[-1] may be 1 - 1e-7
    tok = torch.searchsorted(cdf, target, right=True).squeeze(1)
    return tok.clamp(max=processed.shape[-1] - 1)


def torch_device(name: str) -> torch.device:
    """The device `--device` names (auto: the first GPU if there is one, else the CPU); one
    that is not here is a ModelError."""
    from alphasolve.model.sampler import ModelError, parse_device

    parse_device(name)
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(name)
    if device.type == "cuda":
        count = torch.cuda.device_count()
        if (device.index or 0) >= count:
            raise ModelError(f"--device {name}: this machine has {count} CUDA device(s)")
    return device
