"""A tiny randomly initialised decoder-only model directory, to try `--model` offline and to
test the causal backend (scripts/make_tiny_causal.py is its command line).

It uses the tokenizer shipped with alphasolve (alphasolve/default_model), so nothing is
downloaded; the directory is what `save_pretrained` writes for a real model (config.json,
model.safetensors, the tokenizer). Random weights write noise: this exercises the machinery
(loading, prompts, stops, likelihoods, files), not the quality of a model.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ARCHES", "CHAT_TEMPLATE", "SIZES", "make_tiny_causal"]

ARCHES = ("llama", "qwen2", "gpt2")
# A minimal Jinja chat template: a turn per message, then the assistant's header.
CHAT_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)
# (hidden size, layers, heads): "tiny" for tests, "small" (~7 M parameters) for benchmarks.
SIZES = {"tiny": (32, 2, 4), "small": (256, 4, 8)}


def make_tiny_causal(
    out: Path, arch: str = "llama", chat: bool = False, size: str = "tiny", extra_logits: int = 0
) -> Path:
    """A random `arch` model of `size` at `out`, with the shipped tokenizer (and a chat
    template where `chat`). `extra_logits`: output rows past the tokenizer's last id, as many
    real models pad their vocabulary."""
    import torch
    import transformers

    from alphasolve.model.sampler import DEFAULT_MODEL_DIR

    if arch not in ARCHES:
        raise ValueError(f"unknown architecture {arch!r} (known: {', '.join(ARCHES)})")
    tokenizer = transformers.AutoTokenizer.from_pretrained(DEFAULT_MODEL_DIR, local_files_only=True)
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    hidden, layers, heads = SIZES[size]
    ids = dict(
        vocab_size=len(tokenizer) + extra_logits, pad_token_id=0, eos_token_id=1, bos_token_id=None
    )
    if arch == "gpt2":
        config = transformers.GPT2Config(
            n_embd=hidden, n_layer=layers, n_head=heads, n_positions=2048, **ids
        )
        model_cls = transformers.GPT2LMHeadModel
    else:
        shape = dict(
            hidden_size=hidden, intermediate_size=4 * hidden, num_hidden_layers=layers,
            num_attention_heads=heads, num_key_value_heads=heads // 2,
            max_position_embeddings=2048,
        )  # fmt: skip
        if arch == "llama":
            config, model_cls = (
                transformers.LlamaConfig(**shape, **ids),
                transformers.LlamaForCausalLM,
            )
        else:
            config, model_cls = (
                transformers.Qwen2Config(**shape, **ids),
                transformers.Qwen2ForCausalLM,
            )
    torch.manual_seed(0)
    model = model_cls(config).eval()
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out
