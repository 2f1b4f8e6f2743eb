"""The corpus pass@k table: a run's solve rate per language, per kind of hold-out and
with/without a literal constant (scripts/eval_model.py prints it).

`alphasolve eval` has sampled, filtered and judged every survivor on the hidden tests; this
only regroups the draws by the corpus' metadata (meta.holdout, meta.has_literal) and applies
the unbiased pass@k estimator per problem (its grouped form for a run sampled without
replacement), averaged over the problems of each group.
"""

from __future__ import annotations

from collections import defaultdict

from alphasolve.problem import Problem
from alphasolve.rundir import RunDir

from .ablation import budgets, pool_pass_at_k
from .pools import Pool, load_pool, restrict, sampled_group_size

__all__ = ["group_pools", "passk_table"]


def group_pools(run: RunDir, problems: list[Problem], samples: int) -> dict[str, list[Pool]]:
    """ "all", then per language, per hold-out kind and with/without literal: the pools
    (at most `samples` draws each) of the problems in each group; problems without draws
    are left out."""
    groups: dict[str, list[Pool]] = defaultdict(list)
    for p in problems:
        pool = load_pool(run, p, samples)
        if not pool.size:
            continue
        groups["all"].append(pool)
        for lang in sorted(set(pool.languages.values())):
            groups[f"language: {lang}"].append(restrict(pool, lang))
        for kind in p.meta.get("holdout", []) or ["(none)"]:
            groups[f"holdout: {kind}"].append(pool)
        groups["with literal" if p.meta.get("has_literal") else "without literal"].append(pool)
    return dict(sorted(groups.items(), key=lambda kv: kv[0] != "all"))


def passk_table(run: RunDir, groups: dict[str, list[Pool]]) -> str:
    """pass@k averaged over a group's problems, as Markdown; "-" where some problem has
    fewer than k draws (averaging over only the problems with enough draws would bias the
    cell)."""
    largest = max(p.size for pools in groups.values() for p in pools)
    ks = budgets(largest)
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
    text = "\n".join(lines)
    group_size = sampled_group_size(run)
    if group_size:
        text += (
            f"\n\nSampled without replacement in groups of {group_size}: pass@k by whole groups"
            " plus a group's first draws (clustering.grouped_pass_at_k)."
        )
    return text
