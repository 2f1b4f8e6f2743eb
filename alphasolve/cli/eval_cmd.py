"""`alphasolve eval PROBLEM... --samples K --out RUN`: pass@k, 1@k and 10@k per selector.

Runs (or resumes) the solve pipeline into RUN, judges every survivor on the hidden tests,
runs every selector on the same random k-subsets, and writes RUN/metrics.json, report.md,
problems.md, solve_rate.png and verdicts.png. An existing `alphasolve solve` run directory
can be passed as RUN: nothing it holds is sampled or judged again.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from alphasolve.cli.solve_cmd import (
    ProgressBars,
    add_pipeline_arguments,
    load_cli_problems,
    pipeline_config,
)
from alphasolve.errors import AlphasolveError
from alphasolve.model.sampler import SAMPLERS, backend_name, make_sampler

HELP = "evaluate: pass@k and n@k per selector with bootstrap intervals, report and plots"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("problems", nargs="+", type=Path, metavar="PROBLEM")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="RUN", help="run directory (reused if it exists)"
    )
    add_pipeline_arguments(parser)
    parser.add_argument(
        "--subsets", type=int, default=20, metavar="S", help="random k-subsets per budget"
    )
    parser.add_argument(
        "--selectors", metavar="LIST", help="comma-separated (default: every available one)"
    )
    parser.add_argument("--no-perplexity", action="store_true", help="skip the perplexity pass")


def run(args: argparse.Namespace) -> int:
    from alphasolve.evaluate.ablation import (
        CLOSED_FORM,
        SUBSET_SELECTORS,
        budgets,
        default_selectors,
        evaluate_pool,
    )
    from alphasolve.evaluate.pools import (
        judge_hidden,
        load_pool,
        restrict,
    )
    from alphasolve.evaluate.report import headline_table, write_report
    from alphasolve.evaluate.summary import summarise
    from alphasolve.pipeline.solve import solve
    from alphasolve.records import FilterRecord
    from alphasolve.rundir import RunDir

    cfg = pipeline_config(args)
    if args.subsets < 1:
        raise AlphasolveError("--subsets must be at least 1")
    selectors = args.selectors.split(",") if args.selectors else default_selectors()
    known = [*CLOSED_FORM, *SUBSET_SELECTORS]
    for s in selectors:
        if s not in known:
            raise AlphasolveError(f"--selectors: unknown selector {s!r}; known: {', '.join(known)}")
    problems = load_cli_problems(args.problems)
    started = time.monotonic()
    bars = ProgressBars(args.samples * len(problems))
    solve(problems, args.out, cfg, args.address, bars)
    bars.close()

    run_dir = RunDir(args.out)
    with tqdm(desc="hidden tests", unit="prog", file=sys.stderr, leave=False) as bar:
        judge_hidden(
            run_dir,
            problems,
            args.samples,
            progress=bar.update,
            runtimes=cfg.runtimes,
        )
    ks = budgets(args.samples)
    results, by_language = [], {}
    verdicts: dict[str, Counter] = {"examples": Counter(), "hidden tests": Counter()}
    for p in tqdm(problems, desc="selectors", file=sys.stderr, leave=False):
        pool = load_pool(run_dir, p, args.samples)
        results.append(evaluate_pool(pool, ks, (1, 10), selectors, args.subsets, args.seed))
        for lang in sorted(set(pool.languages.values())):
            sub = restrict(pool, lang)
            by_language.setdefault(lang, []).append(
                evaluate_pool(sub, budgets(sub.size), (1, 10), selectors, args.subsets, args.seed)
            )
        filter_verdict = {r.candidate_id: r.verdict for r in run_dir.rows(FilterRecord, p.id)}
        for cid in pool.samples:
            verdicts["examples"][filter_verdict.get(cid, "unjudged")] += 1
            if cid in pool.passed:
                verdicts["hidden tests"][pool.verdicts[cid]] += 1
    metrics = summarise(results, by_language, seed=args.seed)
    perplexity = {}
    if SAMPLERS[backend_name(cfg.sampler, cfg.model_dir)].needs_model and not args.no_perplexity:
        from alphasolve.evaluate.perplexity import perplexity as measure

        perplexity = measure(make_sampler(cfg.sampler, cfg.model_dir, cfg.load), problems)
    metrics |= {
        "samples": args.samples,
        "subsets": args.subsets,
        "seed": args.seed,
        "model": str(args.model or "default (shipped)"),
        "sampler": cfg.sampler,
        "temperature": cfg.temperature,
        "without_replacement": cfg.without_replacement,
        "perplexity": perplexity,
        "verdicts": {stage: dict(c.most_common()) for stage, c in verdicts.items()},
        "seconds": round(time.monotonic() - started, 1),
    }
    written = write_report(args.out, metrics, results)
    for n in (1, 10):
        print(headline_table(metrics, n))
        print()
    for path in written:
        print(f"wrote {path}")
    return 0
