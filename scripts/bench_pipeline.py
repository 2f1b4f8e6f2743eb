#!/usr/bin/env python3
"""Benchmark the solve pipeline against the bare sampler, in one run.

    python scripts/bench_pipeline.py [--model DIR] [--samples 1000] [--problem PATH]

The default problem is the quick start's (a valid problem the shipped model solves, so every
stage has work: survivors, test inputs, behaviour, clusters).

Both sides use the same sampler and model, budget, seed, language split and temperature
(the model's own unless --temperature), and the script checks that they drew the same
programs:
1. bare: the sampler alone, in this process, loads the model and draws the budget in chunks
   of 64 (no Ray, no judge);
2. bare judge: the same distinct programs filtered on the examples, a slot per core;
3. pipeline: `solve` on an embedded Ray: Ray start, the sampler actor loading the model,
   sampling and judging streamed side by side, test inputs, behaviour, clustering, picks.
Prints the time per stage and, last, `overhead_ratio: X` = pipeline samples/s (all of the
above) / bare samples/s (model load and sampling). At >= 0.9 the judge and Ray are never
the bottleneck.
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
from alphasolve.model.settings import resolve_temperature  # noqa: E402
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
    parser.add_argument("--temperature", type=float, help="default: the model's own")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    path = args.problem or REPO / "problems" / "corpus" / "valid" / "valid-0003-busy-robots"
    problem = load_problem(path)
    # Resolved here, once, as `solve` resolves it: both sides sample at this temperature.
    temperature = resolve_temperature(args.temperature, args.model, args.sampler)
    cores = len(os.sched_getaffinity(0))
    print(
        f"like for like: problem {problem.id}, {args.samples} samples, sampler {args.sampler}, "
        f"languages {args.language}, temperature {temperature}, seed {args.seed}, "
        f"{cores} cores"
    )

    if args.sampler == "seq2seq":
        import torch

        torch.set_num_threads(cores)  # as many as the pipeline's sampler actor uses
    start = time.perf_counter()
    sampler = make_sampler(args.sampler, args.model)
    load_s = time.perf_counter() - start
    config = SamplingConfig(temperature=temperature, languages=LanguageSplit.parse(args.language))
    start = time.perf_counter()
    drawn: list[Candidate] = []
    for chunk in range(math.ceil(args.samples / CHUNK_SIZE)):
        seed = chunk_seed(args.seed, problem.id, chunk)
        drawn += sampler.sample(problem, CHUNK_SIZE, seed, config)[: args.samples - len(drawn)]
    sample_s = time.perf_counter() - start
    bare = len(drawn) / (load_s + sample_s)
    print(f"bare sampler                 {bare:9.1f} samples/s  ({load_s:.1f} s model load, "
          f"{sample_s:.1f} s sampling)")  # fmt: skip

    # The judge's share of the work: the same distinct programs filtered on the examples by
    # a judge with a slot per core, no sampler running. On a machine where sampler and
    # judges share the cores, the pipeline cannot beat sampling and judging back to back
    # by much; ahead of it, it overlaps them.
    unique = dedupe(drawn)
    with Judge(JudgeConfig(workers=cores)) as judge:
        judge.self_test()
        start = time.perf_counter()
        filter_on_examples(judge, problem, unique)
        judge_s = time.perf_counter() - start
    langs = Counter(c.language for c in unique)
    print(f"bare judge, {cores} slots          {len(unique) / judge_s:9.1f} programs/s ({judge_s:.1f} s "
          f"for {len(unique)} distinct: {dict(langs)})")  # fmt: skip
    serial_s = load_s + sample_s + judge_s
    print(f"sample, then judge           {len(drawn) / serial_s:9.1f} samples/s")

    with tempfile.TemporaryDirectory() as tmp:
        cfg = SolveConfig(
            samples=args.samples,
            seed=args.seed,
            sampler=args.sampler,
            model_dir=args.model,
            languages=args.language,
            temperature=temperature,
        )
        start = time.perf_counter()
        summary = solve([problem], Path(tmp) / "run", cfg)[0]
        total = time.perf_counter() - start
        info = json.loads((Path(tmp) / "run" / "run.json").read_text())
        rows = (Path(tmp) / "run" / "samples.jsonl").read_text().splitlines()
        pipeline_ids = Counter(json.loads(line)["candidate_id"] for line in rows)
    same = pipeline_ids == Counter(c.candidate_id for c in drawn)
    print("same draws on both sides:", "yes" if same else "NO (not like for like)")
    for stage, seconds in info["timings"][problem.id].items():
        print(f"  {stage:<26} {seconds:8.2f} s")
    pipeline = summary.samples / total
    print(f"pipeline (incl. Ray start)   {pipeline:9.1f} samples/s  ({summary.unique} unique, "
          f"{summary.passed_examples} passed examples, {summary.clusters} clusters)")  # fmt: skip
    print(f"pipeline / (sample, then judge): {pipeline * serial_s / len(drawn):.2f}")
    print("overhead_ratio = pipeline (Ray start to picks) / bare sampler (model load, sampling)")
    print(f"overhead_ratio: {pipeline / bare:.2f}")


if __name__ == "__main__":
    main()
