#!/usr/bin/env python3
"""Benchmark the solve pipeline against the bare sampler, in one run.

    python scripts/bench_pipeline.py --model DIR [--samples 1000] [--problem PATH]

1. bare: the sampler alone draws the budget in chunks of 64 (no Ray, no judge);
2. bare judge: the same distinct programs filtered on the examples, a slot per core;
3. pipeline: `solve` on an embedded Ray with the same sampler, budget and seed.
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
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("RAY_AUTH_MODE", "disabled")

from alphasolve.candidate import Candidate, dedupe  # noqa: E402
from alphasolve.formats import load_problem  # noqa: E402
from alphasolve.model.prompt import LanguageSplit  # noqa: E402
from alphasolve.model.sampler import DEFAULT_LANGUAGES, SamplingConfig, make_sampler  # noqa: E402
from alphasolve.model.samples_io import CHUNK_SIZE, chunk_seed  # noqa: E402
from alphasolve.pipeline.solve import SolveConfig, solve  # noqa: E402
from alphasolve.pipeline.stages import filter_on_examples  # noqa: E402
from judges import Judge, JudgeConfig  # noqa: E402


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
    drawn: list[Candidate] = []
    for chunk in range(math.ceil(args.samples / CHUNK_SIZE)):
        got = sampler.sample(problem, CHUNK_SIZE, chunk_seed(0, problem.id, chunk), config)
        drawn += got[: args.samples - len(drawn)]
    sample_s = time.perf_counter() - start
    bare = len(drawn) / sample_s
    print(f"bare sampler                 {bare:9.1f} samples/s  ({sample_s:.1f} s)")

    # The judge's share of the work: the same distinct programs filtered on the examples by
    # a judge with a slot per core, no sampler running. On a machine where sampler and
    # judges share the cores, the pipeline cannot beat sampling and judging back to back
    # by much; ahead of it, it overlaps them.
    unique = dedupe(drawn)
    cores = len(os.sched_getaffinity(0))
    with Judge(JudgeConfig(workers=cores)) as judge:
        judge.self_test()
        start = time.perf_counter()
        filter_on_examples(judge, problem, unique)
        judge_s = time.perf_counter() - start
    langs = Counter(c.language for c in unique)
    print(f"bare judge, {cores} slots          {len(unique) / judge_s:9.1f} programs/s ({judge_s:.1f} s "
          f"for {len(unique)} distinct: {dict(langs)})")  # fmt: skip
    print(f"sample, then judge           {len(drawn) / (sample_s + judge_s):9.1f} samples/s")

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
    print(f"pipeline / (sample, then judge): {pipeline * (sample_s + judge_s) / len(drawn):.2f}")
    print(f"overhead_ratio: {pipeline / bare:.2f}")


if __name__ == "__main__":
    main()
