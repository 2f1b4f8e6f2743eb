"""Aggregate per-problem results over problems: means, paired bootstrap intervals, groups.

Everything here is a pure function of `ProblemResult`s; the numbers it returns are what
metrics.json holds and what the report and plots show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from statistics import fmean
from typing import Any

from alphasolve.evaluate.ablation import ProblemResult
from clustering.metrics import paired_bootstrap, selection_efficiency

__all__ = ["DIFFICULTY_BUCKETS", "difficulty", "summarise"]

# Codeforces-like rating bands (inclusive lower bound, label)
DIFFICULTY_BUCKETS: tuple[tuple[int, str], ...] = (
    (0, "rating < 1000"),
    (1000, "rating 1000-1199"),
    (1200, "rating 1200-1599"),
    (1600, "rating >= 1600"),
)


def difficulty(rating: int | None) -> str:
    if rating is None:
        return "unrated"
    label = DIFFICULTY_BUCKETS[0][1]
    for low, name in DIFFICULTY_BUCKETS:
        if rating >= low:
            label = name
    return label


def _ci(values: Mapping[str, Sequence[float]], baseline: str | None, seed: int) -> dict:
    cis = paired_bootstrap(values, baseline=baseline, resamples=10_000, seed=seed)
    return {name: {"mean": ci.mean, "low": ci.low, "high": ci.high} for name, ci in cis.items()}


def _common_ks(results: Sequence[ProblemResult]) -> list[int]:
    """Budgets every problem has (a problem with fewer draws lacks the large ones)."""
    ks = set(results[0].pass_at)
    for r in results[1:]:
        ks &= set(r.pass_at)
    return sorted(ks)


def _means(results: Sequence[ProblemResult], ks: Sequence[int]) -> dict[str, Any]:
    selectors = list(results[0].n_at)
    return {
        "problems": len(results),
        "pass_at": {str(k): fmean(r.pass_at[k] for r in results) for k in ks},
        "n_at": {
            s: {
                str(n): {str(k): fmean(r.n_at[s][n][k] for r in results) for k in ks}
                for n in results[0].n_at[s]
            }
            for s in selectors
        },
    }


def summarise(
    results: Sequence[ProblemResult],
    by_language: Mapping[str, Sequence[ProblemResult]],
    baseline: str = "filtered-random",
    seed: int = 0,
) -> dict[str, Any]:
    """The metrics.json body (without run metadata)."""
    if not results:
        raise ValueError("no problems to summarise")
    ks = _common_ks(results)
    selectors = list(results[0].n_at)
    ns = list(results[0].n_at[selectors[0]])
    n_at: dict[str, dict[str, dict[str, Any]]] = {s: {str(n): {} for n in ns} for s in selectors}
    vs: dict[str, dict[str, dict[str, Any]]] = {
        s: {str(n): {} for n in ns} for s in selectors if s != baseline
    }
    for n in ns:
        for k in ks:
            values = {s: [r.n_at[s][n][k] for r in results] for s in selectors}
            cis = _ci(values, baseline if baseline in values else None, seed)
            for s in selectors:
                n_at[s][str(n)][str(k)] = cis[s]
                if s != baseline and f"{s} - {baseline}" in cis:
                    vs[s][str(n)][str(k)] = cis[f"{s} - {baseline}"]
    pass_at = {
        str(k): _ci({"pass": [r.pass_at[k] for r in results]}, None, seed)["pass"] for k in ks
    }
    top_n = max(ns)
    efficiency = {
        s: {
            str(k): selection_efficiency(
                n_at[s][str(top_n)][str(k)]["mean"], pass_at[str(k)]["mean"]
            )
            for k in ks
        }
        for s in selectors
    }
    groups: dict[str, list[ProblemResult]] = {}
    for r in results:
        groups.setdefault(difficulty(r.rating), []).append(r)
    order = [name for _, name in DIFFICULTY_BUCKETS] + ["unrated"]
    return {
        "problems": len(results),
        "budgets": ks,
        "selectors": selectors,
        "baseline": baseline,
        "pass_at": pass_at,
        "n_at": n_at,
        "vs_baseline": vs,
        "efficiency": efficiency,
        "solved_at_largest": {
            s: sum(r.n_at[s][top_n][ks[-1]] > 0.5 for r in results) for s in selectors
        },
        "by_difficulty": {name: _means(groups[name], ks) for name in order if name in groups},
        "by_language": {
            lang: _means(rs, _common_ks(rs)) for lang, rs in sorted(by_language.items()) if rs
        },
        "draws": {
            "total": sum(r.draws for r in results),
            "unique": sum(r.unique for r in results),
            "passed_examples": sum(r.passed_draws for r in results),
            "correct": sum(r.correct_draws for r in results),
        },
    }


def verdict_counts(rows: Sequence[str]) -> dict[str, int]:
    return dict(Counter(rows).most_common())
