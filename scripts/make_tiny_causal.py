"""Build a tiny randomly initialised decoder-only model directory, to try `--model` offline.

    python scripts/make_tiny_causal.py OUT [--arch llama|qwen2|gpt2] [--chat] [--size tiny|small]

It uses the tokenizer shipped with alphasolve (alphasolve/default_model), so nothing is
downloaded; the directory is what `save_pretrained` writes for a real model (config.json,
model.safetensors, the tokenizer). `--chat` gives the tokenizer a small chat template (an
instruction-tuned model's layout). Random weights write noise: this exercises the
machinery (loading, prompts, stops, likelihoods, files), not the quality of a model.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ARCHES = ("llama", "qwen2", "gpt2")
# A minimal Jinja chat template: a turn per message, then the assistant's header.
CHAT_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)
# (hidden size, layers, heads): "tiny" for tests, "small" (~7 M parameters) for benchmarks.
SIZES = {"tiny": (32, 2, 4), "small": (256, 4, 8)}


def make_tiny_causal(
    out: Path, arch: str = "llama", chat: bool = False, size: str = "tiny"
) -> Path:
    import torch
    import transformers

    from alphasolve.model.sampler import DEFAULT_MODEL_DIR

    if arch not in ARCHES:
        raise ValueError(f"unknown architecture {arch!r} (known: {', '.join(ARCHES)})")
    tokenizer = transformers.AutoTokenizer.from_pretrained(DEFAULT_MODEL_DIR, local_files_only=True)
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    hidden, layers, heads = SIZES[size]
    ids = dict(vocab_size=len(tokenizer), pad_token_id=0, eos_token_id=1, bos_token_id=None)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, metavar="OUT")
    parser.add_argument("--arch", choices=ARCHES, default="llama")
    parser.add_argument("--chat", action="store_true", help="give the tokenizer a chat template")
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    args = parser.parse_args()
    make_tiny_causal(args.out, args.arch, args.chat, args.size)
    print(f"wrote a {args.size} random {args.arch} model to {args.out}")


if __name__ == "__main__":
    main()
