#!/usr/bin/env python3
"""Measure a model on held-out problems: pass@k with the judge on the hidden tests.

    python scripts/eval_model.py --model alphasolve/default_model \
        --problems problems/corpus/test --samples 100 --out /tmp/eval

Samples go to OUT/samples.jsonl through the same resumable writer as `alphasolve sample`
(re-running continues), every distinct program is judged once on examples + hidden tests,
and pass@k (the unbiased estimator, clustering.pass_at_k) is reported overall, per language,
per hold-out kind (the corpus' meta.holdout) and with/without literal constants. The table
goes to stdout and OUT/passk.md; the numbers to OUT/passk.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from alphasolve.candidate import Candidate  # noqa: E402
from alphasolve.formats import load_problems  # noqa: E402
from alphasolve.model.sampler import SamplingConfig, make_sampler  # noqa: E402
from alphasolve.model.samples_io import sample_into  # noqa: E402
from alphasolve.problem import Problem  # noqa: E402
from clustering import pass_at_k  # noqa: E402
from judges import Judge, Program  # noqa: E402


def ks_for(n: int) -> list[int]:
    ks, k = [], 1
    while k <= n:
        ks.append(k)
        k *= 10
    return ks


def judge_all(
    problems: dict[str, Problem], candidates: list[Candidate], workers: int
) -> dict[str, bool]:
    """candidate_id -> passed every example and hidden test (each distinct program once)."""
    unique = {c.candidate_id: c for c in candidates}
    with Judge() as judge:

        def one(c: Candidate) -> tuple[str, bool]:
            p = problems[c.problem_id]
            report = judge.judge(p, Program(c.language, c.code), p.examples + p.hidden_tests)
            return c.candidate_id, report.passed

        with ThreadPoolExecutor(workers) as pool:
            return dict(pool.map(one, unique.values()))


def table(groups: dict[str, list[tuple[int, int]]], ks: list[int]) -> str:
    lines = ["| group | problems | " + " | ".join(f"pass@{k}" for k in ks) + " |"]
    lines.append("|---|---|" + "---|" * len(ks))
    for name, counts in groups.items():
        cells = []
        for k in ks:
            usable = [(n, c) for n, c in counts if n >= k]
            cells.append(
                f"{sum(pass_at_k(n, c, k) for n, c in usable) / len(usable):.3f}" if usable else "-"
            )
        lines.append(f"| {name} | {len(counts)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument(
        "--problems", type=Path, nargs="+", default=[REPO / "problems" / "corpus" / "test"]
    )
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--temperature", type=float, default=SamplingConfig.temperature)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, help="only the first N problems")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    problems = load_problems(args.problems)[: args.limit]
    by_id = {p.id: p for p in problems}
    args.out.mkdir(parents=True, exist_ok=True)
    samples_path = args.out / "samples.jsonl"
    sampler = make_sampler("seq2seq", args.model)
    config = SamplingConfig(temperature=args.temperature)
    for i, problem in enumerate(problems, 1):
        sample_into(samples_path, sampler, problem, args.samples, 0, config)
        print(f"sampled {i}/{len(problems)} {problem.id}", file=sys.stderr, flush=True)
    candidates = [
        Candidate.from_json(line) for line in samples_path.read_text().splitlines() if line.strip()
    ]
    candidates = [c for c in candidates if c.problem_id in by_id]
    passed = judge_all(by_id, candidates, args.workers)
    per_problem: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for c in candidates:
        per_problem[(c.problem_id, "all")].append(passed[c.candidate_id])
        per_problem[(c.problem_id, c.language)].append(passed[c.candidate_id])
    groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (pid, lang), results in sorted(per_problem.items()):
        counts = (len(results), sum(results))
        meta = by_id[pid].meta
        if lang == "all":
            groups["all"].append(counts)
            for kind in meta.get("holdout", []) or ["(none)"]:
                groups[f"holdout: {kind}"].append(counts)
            groups["with literal" if meta.get("has_literal") else "without literal"].append(counts)
        else:
            groups[f"language: {lang}"].append(counts)
    ks = ks_for(args.samples)
    text = table(groups, ks)
    print(text)
    (args.out / "passk.md").write_text(text + "\n")
    summary = {name: [list(c) for c in counts] for name, counts in groups.items()}
    (args.out / "passk.json").write_text(
        json.dumps({"samples": args.samples, "counts": summary}, indent=1)
    )


if __name__ == "__main__":
    main()
