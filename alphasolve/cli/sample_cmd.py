"""`alphasolve sample PROBLEM --samples N --out RUN`: candidate programs into RUN/samples.jsonl.

The pipeline's sample stage run alone, in this process: the file is what `alphasolve solve`
writes for the problem, and re-running the same command resumes it the same way (see
alphasolve/pipeline/sample_stage.py). Works offline: the model is read from a local
directory only.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from alphasolve.cli.model_args import add_model_arguments, load_options
from alphasolve.errors import AlphasolveError
from alphasolve.formats import load_problem
from alphasolve.model.prompt import LanguageSplit
from alphasolve.model.sampler import SAMPLERS, SamplingConfig, backend_name, make_sampler
from alphasolve.model.settings import resolve_temperature
from alphasolve.pipeline.sample_stage import sample_problem
from alphasolve.records import SampleRecord
from alphasolve.rundir import RunDir

HELP = "sample candidate programs for a problem into RUN/samples.jsonl (resumable)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "problem", type=Path, metavar="PROBLEM", help="a problem directory or row file"
    )
    parser.add_argument(
        "--samples", type=int, required=True, metavar="N", help="samples wanted in all"
    )
    parser.add_argument("--out", type=Path, required=True, metavar="RUN", help="run directory")
    add_model_arguments(parser)
    # Defaults of None: the config's own defaults apply (they live in SamplingConfig only).
    parser.add_argument("--language", metavar="SPLIT",
                        help="budget split, e.g. python3:0.5,cpp17:0.5 (the default)")  # fmt: skip
    parser.add_argument("--temperature", type=float, metavar="T",
                        help="sampling temperature (default: the model's alphasolve.json, "
                             f"else {SamplingConfig.temperature})")  # fmt: skip
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="run seed (default 0)")
    parser.add_argument("--without-replacement", action="store_true",
                        help="the samples sharing a prompt are distinct programs")  # fmt: skip
    parser.add_argument("--batch-size", type=int, metavar="B",
                        help=f"decoder rows per pass (default {SamplingConfig.batch_size})")  # fmt: skip
    parser.add_argument("--max-new-tokens", type=int, metavar="T",
                        help=f"tokens per program at most (default {SamplingConfig.max_new_tokens})")  # fmt: skip


def build_config(args: argparse.Namespace) -> SamplingConfig:
    overrides: dict[str, object] = {
        "temperature": resolve_temperature(args.temperature, args.model, args.sampler),
        "batch_size": args.batch_size,
        "max_new_tokens": args.max_new_tokens,
        "without_replacement": args.without_replacement or None,
    }
    try:
        if args.language is not None:
            overrides["languages"] = LanguageSplit.parse(args.language)
        given = {k: v for k, v in overrides.items() if v is not None}
        return dataclasses.replace(SamplingConfig(), **given)
    except ValueError as exc:
        raise AlphasolveError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    # Never reach for a model hub, even if a library would like to; and show one progress
    # bar (ours), not the library's "Loading weights".
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    if args.samples < 0:
        raise AlphasolveError(f"--samples must be >= 0, not {args.samples}")
    config = build_config(args)
    options = load_options(args)
    name = backend_name(args.sampler, args.model)
    if config.without_replacement and not SAMPLERS[name].without_replacement:
        raise AlphasolveError(
            f"--without-replacement: the {name} sampler cannot draw without replacement"
        )
    problem = load_problem(args.problem)
    run_dir = RunDir(args.out)
    path = run_dir.stage(SampleRecord.STAGE)
    done = len(run_dir.rows(SampleRecord, problem.id))
    if done >= args.samples:
        print(f"{problem.id}: {done} samples already in {path}; nothing to do")
        return 0
    sampler = make_sampler(name, args.model, options)

    from tqdm import tqdm

    with tqdm(
        total=args.samples, initial=done, unit="sample", desc=problem.id, file=sys.stderr
    ) as bar:
        written = sample_problem(
            run_dir, sampler, problem, args.samples, args.seed, config, bar.update
        )
    print(f"{problem.id}: wrote {written} samples, {done + written} in {path}")
    return 0
