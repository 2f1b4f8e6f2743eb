"""`alphasolve solve PROBLEM... --samples N --out RUN`: the main job, on Ray."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from tqdm import tqdm

from alphasolve.cli.model_args import add_model_arguments, load_options
from alphasolve.errors import AlphasolveError, ProblemError
from alphasolve.formats import iter_problems
from alphasolve.model.sampler import DEFAULT_LANGUAGES, SamplingConfig
from alphasolve.model.settings import resolve_temperature
from alphasolve.pipeline.config import AUTO, SolveConfig, sampling_config
from alphasolve.problem import Problem
from alphasolve.selectors import DEFAULT_SELECTOR, SELECTORS
from judges.executors import get_executor, runtimes_of

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
        "--out",
        type=Path,
        required=True,
        metavar="RUN",
        help="run directory (resumed if it exists)",
    )
    add_pipeline_arguments(parser)


def add_pipeline_arguments(parser: argparse.ArgumentParser) -> None:
    """The pipeline's options, shared by every command that runs it (solve, eval, replay)."""
    parser.add_argument(
        "--samples", type=int, default=1000, metavar="N", help="samples per problem (default 1000)"
    )
    parser.add_argument(
        "--address", metavar="ADDR", help="local (default), auto, or ray://host:port"
    )
    add_model_arguments(parser)
    parser.add_argument("--language", default=DEFAULT_LANGUAGES, metavar="SPLIT")
    parser.add_argument(
        "--python-runtime",
        choices=runtimes_of("python3"),
        default="python3",
        help="the executor that judges Python programs (pypy3: PyPy, where installed)",
    )
    parser.add_argument(
        "--temperature",
        type=float,
        metavar="T",
        help="sampling temperature (default: the model's alphasolve.json, else "
        f"{SamplingConfig.temperature})",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--without-replacement",
        action="store_true",
        help="the samples sharing a prompt are distinct programs",
    )
    parser.add_argument(
        "--selector",
        choices=list(SELECTORS),
        default=DEFAULT_SELECTOR,
        help=f"how the picks are chosen (default {DEFAULT_SELECTOR}; eval compares them all)",
    )
    parser.add_argument(
        "--sampler-actors",
        type=count_or_auto,
        default=AUTO,
        metavar="N|auto",
        help="sampler actors (auto: one per GPU, one without GPUs)",
    )
    parser.add_argument(
        "--sampler-gpus",
        type=float,
        default=SolveConfig.sampler_gpus,
        metavar="F",
        help=f"GPU share per sampler actor, where the cluster has GPUs (default {SolveConfig.sampler_gpus:g})",
    )
    parser.add_argument(
        "--judge-actors",
        type=count_or_auto,
        default=AUTO,
        metavar="N|auto",
        help="judge actors (auto: one per node offering the `judge` resource)",
    )
    parser.add_argument(
        "--judge-workers",
        type=int,
        default=0,
        help="judge slots (cores) per judge actor (default: its node's `judge` count)",
    )
    parser.add_argument(
        "--max-open-problems",
        type=count_or_auto,
        default=AUTO,
        metavar="N|auto",
        help="problems in flight at once (auto: enough to keep every actor busy)",
    )


def count_or_auto(text: str) -> int:
    """A positive count, or `auto` (AUTO: sized from the cluster)."""
    if text == "auto":
        return AUTO
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a count or 'auto', not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a count >= 1 or 'auto', not {value}")
    return value


def load_cli_problems(paths: list[Path]) -> list[Problem]:
    """Every problem under `paths`; the first broken one is a user error."""
    return list(stream_cli_problems(paths))


def stream_cli_problems(paths: list[Path]) -> Iterator[Problem]:
    """The problems under `paths` one at a time, loaded as the run opens them (a run over
    10,000 problem directories starts at once); a broken one is a user error when reached."""
    for item in iter_problems(paths):
        if isinstance(item, ProblemError):
            raise item
        yield item


def pipeline_config(args: argparse.Namespace) -> SolveConfig:
    if args.samples < 1:
        raise AlphasolveError("--samples must be at least 1")
    if args.temperature is not None and not args.temperature >= 0:
        raise AlphasolveError(f"--temperature must be >= 0, not {args.temperature}")
    missing = get_executor(args.python_runtime).unavailable_reason()
    if missing is not None:
        raise AlphasolveError(f"--python-runtime {args.python_runtime}: {missing}")
    cfg = SolveConfig(
        samples=args.samples, seed=args.seed, sampler=args.sampler, model_dir=args.model,
        load=load_options(args),
        languages=args.language, judge_actors=args.judge_actors,
        temperature=resolve_temperature(args.temperature, args.model, args.sampler),
        judge_workers=args.judge_workers, selector=args.selector,
        without_replacement=args.without_replacement, sampler_actors=args.sampler_actors,
        sampler_gpus=args.sampler_gpus, max_open_problems=args.max_open_problems,
        python_runtime=args.python_runtime,
    )  # fmt: skip
    try:
        sampling_config(cfg)  # the sampling settings together, checked before any work
    except ValueError as exc:
        raise AlphasolveError(str(exc)) from None
    return cfg


class ProgressBars:
    """One tqdm bar per pipeline stage, created when the stage first reports."""

    def __init__(self, sample_total: int | None) -> None:
        self.sample_total = sample_total
        self.bars: dict[str, tqdm] = {}

    def __call__(self, stage: str, n: int) -> None:
        if stage not in self.bars:
            total = self.sample_total if stage == "sample" else None
            self.bars[stage] = tqdm(
                total=total, desc=stage, unit="prog", file=sys.stderr, leave=False
            )
        self.bars[stage].update(n)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def run(args: argparse.Namespace) -> int:
    from alphasolve.pipeline.solve import solve  # imports ray: only when solving

    cfg = pipeline_config(args)
    bars = ProgressBars(None)  # the number of problems is known only once all are read
    summaries = solve(stream_cli_problems(args.problems), args.out, cfg, args.address, bars)
    bars.close()
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
