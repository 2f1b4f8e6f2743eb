"""Distinct programs per second: sampling without replacement against ordinary sampling.

    python scripts/bench_distinct.py [--model DIR] [--problems 4] [--samples 128]

The judge runs each distinct program once, so what a sampling budget buys is distinct
programs, not draws. Both ways sample the same problems (the first --problems of
problems/corpus/valid), the same budget, seed and settings, through the seq2seq sampler (the fast
T5 loop; without replacement it is a stochastic beam search that also reorders its caches).
Needs a trained model (duplicates are a property of a sharp model): the shipped one unless
--model. Prints per way samples/s and distinct programs/s; the last line is
`ratio: X` = distinct programs/s without replacement / distinct programs/s with it.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

import torch

from alphasolve.formats import load_problem
from alphasolve.model.prompt import LanguageSplit
from alphasolve.model.sampler import SamplingConfig, make_sampler
from alphasolve.model.settings import resolve_temperature

CORPUS = Path(__file__).resolve().parent.parent / "problems" / "corpus" / "valid"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a saved seq2seq directory (default: shipped)")
    parser.add_argument("--problems", type=int, default=4, help="valid problems to sample")
    parser.add_argument("--samples", type=int, default=128, help="samples per problem")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--temperature", type=float, help="default: the model's own")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    sampler = make_sampler("seq2seq", args.model)  # with literal masking where it asks
    problems = [load_problem(d) for d in sorted(CORPUS.iterdir())[: args.problems]]
    base = SamplingConfig(
        temperature=resolve_temperature(args.temperature, args.model),
        languages=LanguageSplit.parse("python3:1"),
    )
    print(
        f"like for like: the same sampler, {len(problems)} problems x {args.samples} samples, "
        f"seeds, temperature {base.temperature} and {args.threads} threads on both sides; "
        "only without_replacement differs"
    )
    sampler.sample(problems[0], 4, 99, base)  # warm-up: loads the weights' fast copy
    rates = {}
    for name, distinct in (("with replacement", False), ("without", True)):
        config = dataclasses.replace(base, without_replacement=distinct)
        start = time.perf_counter()
        found = 0
        for i, problem in enumerate(problems):
            found += len({c.code for c in sampler.sample(problem, args.samples, i, config)})
        seconds = time.perf_counter() - start
        total = args.samples * len(problems)
        rates[name] = found / seconds
        print(
            f"{name:<17} {total / seconds:7.2f} samples/s  {found:5d} distinct programs "
            f"{found / seconds:7.2f} distinct/s"
        )
    print("ratio = distinct programs/s without replacement / with replacement")
    print(f"ratio: {rates['without'] / rates['with replacement']:.2f}")


if __name__ == "__main__":
    main()
