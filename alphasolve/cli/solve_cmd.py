"""`alphasolve solve PROBLEM... --samples N --out RUN`: the main job, on Ray."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from alphasolve.errors import AlphasolveError, ProblemError
from alphasolve.formats import iter_problems
from alphasolve.model.sampler import DEFAULT_LANGUAGES, SAMPLERS, SamplingConfig

HELP = "solve problems: sample, filter on the examples, cluster by behaviour, pick 10"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "problems",
        nargs="+",
        type=Path,
        metavar="PROBLEM",
        help="problems or directories of problems",
    )
    parser.add_argument(
        "--samples", type=int, default=1000, metavar="N", help="samples per problem (default 1000)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="RUN",
        help="run directory (resumed if it exists)",
    )
    parser.add_argument(
        "--address", metavar="ADDR", help="local (default), auto, or ray://host:port"
    )
    parser.add_argument("--model", type=Path, metavar="DIR", help="a local seq2seq model directory")
    parser.add_argument("--sampler", choices=sorted(SAMPLERS), default="seq2seq")
    parser.add_argument("--language", default=DEFAULT_LANGUAGES, metavar="SPLIT")
    parser.add_argument("--temperature", type=float, default=SamplingConfig.temperature)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--judge-actors", type=int, default=1)
    parser.add_argument(
        "--judge-workers", type=int, default=1, help="judge slots (cores) per judge actor"
    )


def run(args: argparse.Namespace) -> int:
    from alphasolve.pipeline.solve import SolveConfig, solve  # imports ray: only when solving

    if args.samples < 1:
        raise AlphasolveError("--samples must be at least 1")
    problems = []
    for item in iter_problems(args.problems):
        if isinstance(item, ProblemError):
            raise item
        problems.append(item)
    cfg = SolveConfig(
        samples=args.samples, seed=args.seed, sampler=args.sampler, model_dir=args.model,
        languages=args.language, temperature=args.temperature, judge_actors=args.judge_actors,
        judge_workers=args.judge_workers,
    )  # fmt: skip
    bars: dict[str, tqdm] = {}

    def progress(stage: str, n: int) -> None:
        if stage not in bars:
            total = args.samples * len(problems) if stage == "sample" else None
            bars[stage] = tqdm(total=total, desc=stage, unit="prog", file=sys.stderr, leave=False)
        bars[stage].update(n)

    summaries = solve(problems, args.out, cfg, args.address, progress)
    for bar in bars.values():
        bar.close()
    print(
        f"{'problem':<28} {'samples':>7} {'unique':>7} {'passed':>7} {'clusters':>8}  picks (cluster sizes)"
    )
    for s in summaries:
        sizes = ",".join(str(size) for _, size in s.picks)
        note = "  (fallback: nothing passed the examples)" if s.fallback else ""
        print(
            f"{s.problem_id:<28} {s.samples:>7} {s.unique:>7} {s.passed_examples:>7} {s.clusters:>8}  {len(s.picks)} ({sizes}){note}"
        )
    print(f"picks: {args.out / 'picks.jsonl'}")
    return 0
