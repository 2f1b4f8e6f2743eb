"""The default model's shape: one definition for training, benchmarks and tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alphasolve.model.tokenizer import EOS_ID, PAD_ID

if TYPE_CHECKING:
    from transformers import T5Config

__all__ = ["default_t5_config"]


def default_t5_config(
    vocab_size: int = 2048,
    d_model: int = 256,
    d_ff: int = 1024,
    layers: int = 4,
    heads: int = 8,
    **overrides: object,
) -> T5Config:
    """A ~8 M parameter T5 (d_model 256, d_ff 1024, 4+4 layers, 8 heads of 32).

    Small enough to train and sample on a CPU machine (docs/model.md tells how it was trained
    and how fast it samples). Keep the encoder and decoder
    equally deep: transformers 5.23's generate() sizes its cache from the encoder's depth
    and fails otherwise (the fast loop does not care). The training script may change the
    size (its config records it) and `overrides` any other T5Config field.
    """
    from transformers import T5Config

    settings = dict(
        vocab_size=vocab_size,
        d_model=d_model,
        d_kv=d_model // heads,
        d_ff=d_ff,
        num_layers=layers,
        num_decoder_layers=layers,
        num_heads=heads,
        feed_forward_proj="relu",
        # A small model on a large synthetic corpus does not overfit early: no dropout by
        # default (scripts/train_default_model.py --dropout overrides it for a run).
        dropout_rate=0.0,
        pad_token_id=PAD_ID,
        eos_token_id=EOS_ID,
        decoder_start_token_id=PAD_ID,  # T5: decoding starts from <pad>
        tie_word_embeddings=True,
    )
    return T5Config(**(settings | overrides))
