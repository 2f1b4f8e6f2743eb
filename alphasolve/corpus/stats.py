"""Counts that describe the grammar and a generated split (build_corpus.py --stats)."""

from __future__ import annotations

from collections import Counter

from . import grammar
from . import holdout as H
from .model import BuiltProblem

__all__ = ["meaning_stats", "split_stats"]


def meaning_stats() -> dict[str, object]:
    ms = grammar.all_meanings()
    kinds = Counter(k for m in ms for k in H.composition_kinds(m))
    return {
        "blocks": len(grammar.blocks()),
        "meanings": len(ms),
        "meanings_train_allowed": sum(1 for m in ms if not H.composition_kinds(m)),
        "meanings_held_out": sum(1 for m in ms if H.composition_kinds(m)),
        "held_out_by_kind": dict(kinds),
        "by_family": dict(Counter(m[0] for m in ms)),
    }


def split_stats(problems: list[BuiltProblem]) -> dict[str, object]:
    lens = sorted(len(p.full_statement()) for p in problems)
    n = len(lens)
    return {
        "problems": n,
        "families": dict(Counter(str(p.meta["kind"]) for p in problems)),
        "holdout": dict(Counter(k for p in problems for k in p.meta["holdout"])),  # type: ignore[union-attr]
        "with_literal": sum(1 for p in problems if p.meta["has_literal"]),
        "statement_chars": {
            "median": lens[n // 2],
            "p90": lens[int(n * 0.9)],
            "max": lens[-1],
            "share_under_700": round(sum(1 for x in lens if x < 700) / n, 3),
        }
        if n
        else {},
        "hidden_tests_mean": round(sum(len(p.tests) for p in problems) / max(1, n), 1),
        "incorrect_variants": sum(len(c) for p in problems for _, c in p.incorrect),
        "variant_kinds": dict(Counter(v.name for p in problems for v, _ in p.incorrect)),
        "mutants_killed": f"{sum(int(p.meta['mutants_killed']) for p in problems)}/"  # type: ignore[call-overload]
        f"{sum(int(p.meta['mutants']) for p in problems)}",  # type: ignore[call-overload]
    }
