#!/usr/bin/env python3
"""Benchmark the solve pipeline against the bare sampler, in one run.

    python scripts/bench_pipeline.py --model DIR [--samples 1000] [--problem PATH]

1. bare: the sampler alone draws the budget in chunks of 64 (no Ray, no judge);
2. pipeline: `solve` on an embedded Ray with the same sampler, budget and seed.
Prints the time per stage and, last, `overhead_ratio: X` = pipeline samples/s / bare
samples/s. At >= 0.9 the judge and Ray are never the bottleneck.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("RAY_AUTH_MODE", "disabled")

from alphasolve.formats import load_problem  # noqa: E402
from alphasolve.model.prompt import LanguageSplit  # noqa: E402
from alphasolve.model.sampler import DEFAULT_LANGUAGES, SamplingConfig, make_sampler  # noqa: E402
from alphasolve.model.samples_io import CHUNK_SIZE, chunk_seed  # noqa: E402
from alphasolve.pipeline.solve import SolveConfig, solve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="model directory (default: the shipped one)")
    parser.add_argument("--sampler", default="seq2seq")
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--problem", type=Path, default=None)
    parser.add_argument(
        "--language", default=DEFAULT_LANGUAGES,
        help="language split, as `solve --language` (python3:1 leaves out C++ compiles)",
    )  # fmt: skip
    args = parser.parse_args()
    path = args.problem or sorted((REPO / "problems" / "corpus" / "test").iterdir())[0]
    problem = load_problem(path)
    print(f"problem {problem.id}, {args.samples} samples, sampler {args.sampler}, {args.language}")

    sampler = make_sampler(args.sampler, args.model)
    config = SamplingConfig(languages=LanguageSplit.parse(args.language))
    start = time.perf_counter()
    drawn = 0
    for chunk in range(math.ceil(args.samples / CHUNK_SIZE)):
        drawn += len(
            sampler.sample(problem, CHUNK_SIZE, chunk_seed(0, problem.id, chunk), config)[
                : args.samples - drawn
            ]
        )
    bare = drawn / (time.perf_counter() - start)
    print(f"bare sampler                 {bare:9.1f} samples/s")

    with tempfile.TemporaryDirectory() as tmp:
        cfg = SolveConfig(
            samples=args.samples,
            sampler=args.sampler,
            model_dir=args.model,
            languages=args.language,
        )
        start = time.perf_counter()
        summary = solve([problem], Path(tmp) / "run", cfg)[0]
        total = time.perf_counter() - start
        info = json.loads((Path(tmp) / "run" / "run.json").read_text())
    for stage, seconds in info["timings"][problem.id].items():
        print(f"  {stage:<26} {seconds:8.2f} s")
    pipeline = summary.samples / total
    print(f"pipeline (incl. Ray start)   {pipeline:9.1f} samples/s  ({summary.unique} unique, "
          f"{summary.passed_examples} passed examples, {summary.clusters} clusters)")  # fmt: skip
    print(f"overhead_ratio: {pipeline / bare:.2f}")


if __name__ == "__main__":
    main()
