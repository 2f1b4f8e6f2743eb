#!/usr/bin/env python3
"""The corpus pass@k table: a model's held-out solve rate per language, per kind of hold-out
and with/without literal constants, read from an `alphasolve eval` run.

    alphasolve eval problems/corpus/test --samples 100 --out /tmp/eval-test
    python scripts/eval_model.py --run /tmp/eval-test --problems problems/corpus/test

`alphasolve eval` has sampled, filtered and judged every survivor on the hidden tests; this
script only regroups the draws by the corpus' metadata (meta.holdout, meta.has_literal) and
applies the unbiased pass@k estimator (clustering.pass_at_k) per problem, averaged over the
problems of each group. The table goes to stdout and RUN/passk.md, the counts to
RUN/passk.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from alphasolve.evaluate.ablation import budgets  # noqa: E402
from alphasolve.evaluate.pools import RunIndex, load_pool, restrict  # noqa: E402
from alphasolve.formats import load_problems  # noqa: E402
from alphasolve.rundir import RunDir  # noqa: E402
from clustering import pass_at_k  # noqa: E402


def table(groups: dict[str, list[tuple[int, int]]], ks: list[int]) -> str:
    """pass@k averaged over a group's problems; "-" where some problem has fewer than k
    draws (averaging over only the problems with enough draws would bias the cell)."""
    lines = ["| group | problems | draws each | " + " | ".join(f"pass@{k}" for k in ks) + " |"]
    lines.append("|---|---|---|" + "---|" * len(ks))
    for name, counts in groups.items():
        fewest = min(n for n, _ in counts)
        cells = [
            f"{sum(pass_at_k(n, c, k) for n, c in counts) / len(counts):.3f}"
            if k <= fewest
            else "-"
            for k in ks
        ]
        most = max(n for n, _ in counts)
        draws = str(fewest) if fewest == most else f"{fewest}-{most}"
        lines.append(f"| {name} | {len(counts)} | {draws} | " + " | ".join(cells) + " |")
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
    index = RunIndex(RunDir(args.run))
    groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
    largest = 0
    for p in problems:
        pool = load_pool(index, p, args.samples or 10**9)
        if not pool.size:
            continue
        counts = (pool.size, pool.count(pool.correct))
        largest = max(largest, pool.size)
        groups["all"].append(counts)
        for lang in sorted(set(pool.languages.values())):
            sub = restrict(pool, lang)
            groups[f"language: {lang}"].append((sub.size, sub.count(sub.correct)))
        for kind in p.meta.get("holdout", []) or ["(none)"]:
            groups[f"holdout: {kind}"].append(counts)
        groups["with literal" if p.meta.get("has_literal") else "without literal"].append(counts)
    if not groups:
        sys.exit(f"{args.run}: no draws for these problems; run `alphasolve eval` first")
    text = table(dict(sorted(groups.items(), key=lambda kv: kv[0] != "all")), budgets(largest))
    print(text)
    (args.run / "passk.md").write_text(text + "\n")
    (args.run / "passk.json").write_text(
        json.dumps({name: [list(c) for c in counts] for name, counts in groups.items()}, indent=1)
    )


if __name__ == "__main__":
    main()
