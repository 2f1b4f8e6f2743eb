"""Build a tiny randomly initialised decoder-only model directory, to try `--model` offline.

    python scripts/make_tiny_causal.py OUT [--arch llama|qwen2|gpt2] [--chat] [--size tiny|small]

The directory is what `save_pretrained` writes for a real model, with alphasolve's shipped
tokenizer (nothing is downloaded). `--chat` gives the tokenizer a small chat template (an
instruction-tuned model's layout). Random weights write noise: this exercises the machinery,
not the quality of a model (alphasolve/model/tiny_causal.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from alphasolve.model.tiny_causal import ARCHES, SIZES, make_tiny_causal


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
