"""The default model's shape: one definition for training, benchmarks and tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alphasolve.model.tokenizer import EOS_ID, PAD_ID

if TYPE_CHECKING:
    from transformers import T5Config

__all__ = ["default_t5_config"]


def default_t5_config(vocab_size: int = 2048) -> T5Config:
    """A ~8 M parameter T5 (d_model 256, d_ff 1024, 4+4 layers, 8 heads of 32).

    SAMPLING.md measured this shape on 2 cores: ~40 min of training learns the corpus'
    structure, and sampling runs at thousands of tokens/s. Keep the encoder and decoder
    equally deep: transformers 5.23's generate() sizes its cache from the encoder's depth
    and fails otherwise (the fast loop does not care).
    """
    from transformers import T5Config

    return T5Config(
        vocab_size=vocab_size,
        d_model=256,
        d_kv=32,
        d_ff=1024,
        num_layers=4,
        num_decoder_layers=4,
        num_heads=8,
        feed_forward_proj="relu",
        dropout_rate=0.0,  # a training script may set its own
        pad_token_id=PAD_ID,
        eos_token_id=EOS_ID,
        decoder_start_token_id=PAD_ID,  # T5: decoding starts from <pad>
    )
