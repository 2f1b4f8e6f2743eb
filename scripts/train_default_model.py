#!/usr/bin/env python3
"""Train alphasolve's default model: a small T5 on the synthetic corpus, on CPU.

    python scripts/train_default_model.py --out checkpoints/default --max-minutes 80
    python scripts/train_default_model.py --out checkpoints/default --export alphasolve/default_model

The trainer is alphasolve.train; docs/model.md gives the commands that made the shipped model.

--literal-placeholders true trains on statements whose numbers and quoted letters are
placeholders (<N0>, <L0>: alphasolve/model/literals.py) and on programs that write the
statement's constants as those placeholders; the export's alphasolve.json tells the sampler
to mask and unmask the same way. --shuffle-placeholders P numbers the placeholders of a share
P of the problems in a random order instead of reading order. --dropout R trains with T5's
dropout at rate R (sampling runs the model in eval mode, so an export samples the same way
whatever R was). --init starts from a model saved with save_pretrained instead of from
random weights; its tokenizer is kept, so its prompts and programs tokenise as before.

Resumable: re-running the same command (or only --out) continues from OUT/checkpoint.pt, so a
run may span several sittings; SIGTERM or Ctrl-C ends a sitting after the step under way,
with a checkpoint.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from alphasolve.errors import AlphasolveError
from alphasolve.model.seq2seq import resolve_dtype
from alphasolve.train import FLAGS, Sitting, export_run, resolve_config, train
from alphasolve.train.memory import reexec_under_jemalloc

REPO = Path(__file__).resolve().parents[1]


def _flag_type(parse):
    def convert(text: str):
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc

    convert.__name__ = parse.__name__
    return convert


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "checkpoints" / "default")
    parser.add_argument(
        "--corpus", type=Path, default=None, help="train split as JSONL (built if missing)"
    )
    parser.add_argument(
        "--max-minutes", type=float, default=1e9, help="stop this sitting after this long"
    )
    for name, kind in FLAGS.items():
        parser.add_argument("--" + name.replace("_", "-"), type=_flag_type(kind), default=None)
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument(
        "--export", type=Path, help="write the trained model (save_pretrained) here and exit"
    )
    parser.add_argument(
        "--sampling-temperature",
        type=float,
        metavar="T",
        help="with --export: the temperature alphasolve samples this model at by default "
        "(recorded in its alphasolve.json; measure it, e.g. with `alphasolve eval`)",
    )
    parser.add_argument(
        "--precision",
        choices=("auto", "float32", "bfloat16"),
        default="auto",
        help="autocast dtype of the forward pass; auto: bfloat16 where the CPU has bf16 units "
        "(AMX or AVX512-BF16), float32 elsewhere (bf16 is emulated there and far slower)",
    )
    parser.add_argument(
        "--malloc",
        choices=("auto", "system"),
        default="auto",
        help="auto: re-run under jemalloc when it is installed (faster on CPU)",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    if args.sampling_temperature is not None and (
        not args.export or not args.sampling_temperature >= 0
    ):
        sys.exit("--sampling-temperature needs --export and a value >= 0")
    if args.malloc == "auto" and not args.export:
        reexec_under_jemalloc()
    given = {k: getattr(args, k) for k in FLAGS if getattr(args, k) is not None}
    try:
        cfg = resolve_config(args.out, given)
        if args.export:
            export_run(args.out, cfg, args.export, args.sampling_temperature)
            return
        sitting = Sitting(
            corpus=args.corpus or args.out / "train.jsonl",
            threads=args.threads,
            dtype=resolve_dtype(args.precision, "cpu"),
            max_minutes=args.max_minutes,
        )
        train(args.out, cfg, sitting)
    except AlphasolveError as exc:
        sys.exit(str(exc))


if __name__ == "__main__":
    main()
