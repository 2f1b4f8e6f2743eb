#!/usr/bin/env python3
"""The corpus pass@k table: a model's held-out solve rate per language, per kind of hold-out
and with/without literal constants, read from an `alphasolve eval` run.

    alphasolve eval problems/corpus/test --samples 100 --out /tmp/eval-test
    python scripts/eval_model.py --run /tmp/eval-test --problems problems/corpus/test

`alphasolve eval` has sampled, filtered and judged every survivor on the hidden tests; this
script only regroups the draws by the corpus' metadata (meta.holdout, meta.has_literal) and
applies the unbiased pass@k estimator (clustering.pass_at_k; its grouped form for a run
sampled without replacement, where the counts alone do not give pass@k) per problem,
averaged over the problems of each group. The table goes to stdout and RUN/passk.md, the
counts (draws, correct draws) to RUN/passk.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from alphasolve.evaluate.ablation import budgets, pool_pass_at_k  # noqa: E402
from alphasolve.evaluate.pools import (  # noqa: E402
    Pool,
    load_pool,
    restrict,
    sampled_group_size,
)
from alphasolve.formats import load_problems  # noqa: E402
from alphasolve.rundir import RunDir  # noqa: E402


def table(groups: dict[str, list[Pool]], ks: list[int]) -> str:
    """pass@k averaged over a group's problems; "-" where some problem has fewer than k
    draws (averaging over only the problems with enough draws would bias the cell)."""
    lines = ["| group | problems | draws each | " + " | ".join(f"pass@{k}" for k in ks) + " |"]
    lines.append("|---|---|---|" + "---|" * len(ks))
    for name, pools in groups.items():
        fewest = min(p.size for p in pools)
        cells = [
            f"{sum(pool_pass_at_k(p, k) for p in pools) / len(pools):.3f}" if k <= fewest else "-"
            for k in ks
        ]
        most = max(p.size for p in pools)
        draws = str(fewest) if fewest == most else f"{fewest}-{most}"
        lines.append(f"| {name} | {len(pools)} | {draws} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="an `alphasolve eval` run")
    parser.add_argument(
        "--problems", type=Path, nargs="+", default=[REPO / "problems" / "corpus" / "test"]
    )
    parser.add_argument("--samples", type=int, help="draws per problem (default: all)")
    args = parser.parse_args()
    problems = load_problems(args.problems)
    run = RunDir(args.run)
    group_size = sampled_group_size(run)  # for the table's footnote
    groups: dict[str, list[Pool]] = defaultdict(list)
    largest = 0
    for p in problems:
        pool = load_pool(run, p, args.samples or 10**9)
        if not pool.size:
            continue
        largest = max(largest, pool.size)
        groups["all"].append(pool)
        for lang in sorted(set(pool.languages.values())):
            groups[f"language: {lang}"].append(restrict(pool, lang))
        for kind in p.meta.get("holdout", []) or ["(none)"]:
            groups[f"holdout: {kind}"].append(pool)
        groups["with literal" if p.meta.get("has_literal") else "without literal"].append(pool)
    if not groups:
        sys.exit(f"{args.run}: no draws for these problems; run `alphasolve eval` first")
    text = table(dict(sorted(groups.items(), key=lambda kv: kv[0] != "all")), budgets(largest))
    if group_size:
        text += (
            f"\n\nSampled without replacement in groups of {group_size}: pass@k by whole groups"
            " plus a group's first draws (clustering.grouped_pass_at_k)."
        )
    print(text)
    (args.run / "passk.md").write_text(text + "\n")
    (args.run / "passk.json").write_text(
        json.dumps(
            {name: [[p.size, p.count(p.correct)] for p in pools] for name, pools in groups.items()},
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
