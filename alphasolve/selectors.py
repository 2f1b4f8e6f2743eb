"""How the picks are chosen among a problem's survivors: one registry, used by `solve
--selector` to write the picks and by `eval` to compare selectors on the same pools.

Each selector maps (survivors, per-input shape check, n) to a clustering.Selection: the
picks in submission order and the clusters and scores behind them (solve writes those to
clusters.jsonl). `eval` also compares two selectors without clusters, random and
filtered-random, which it computes in closed form over a pool (evaluate/ablation.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from alphasolve.errors import AlphasolveError
from clustering import Member, Selection, alphacode_select, select
from clustering.scorer import get_scorer

__all__ = ["DEFAULT_SELECTOR", "SELECTORS", "Selector", "get_selector"]

Selector = Callable[[Sequence[Member], Sequence[bool], int], Selection]


def _alphacode(members: Sequence[Member], shape_ok: Sequence[bool], n: int) -> Selection:
    """AlphaCode's: exact clusters on every generated input, the largest first."""
    return alphacode_select(members, n)


def _scored(scorer: str) -> Selector:
    score = get_scorer(scorer)
    return lambda members, shape_ok, n: select(members, shape_ok, n, score=score)


def _size_only(features) -> float:
    return features.log_size


# name -> factory (a learned score is read from its file only when asked for)
SELECTORS: dict[str, Callable[[], Selector]] = {
    "alphacode": lambda: _alphacode,
    # trusted inputs only, clusters ranked by size
    "trusted": lambda: lambda members, shape_ok, n: select(members, shape_ok, n, _size_only),
    "alphasolve": lambda: _scored("hand"),  # trusted inputs + the hand-set cluster score
    "learned": lambda: _scored("learned"),  # trusted inputs + the learned cluster score
}
DEFAULT_SELECTOR = "alphasolve"


def get_selector(name: str) -> Selector:
    if name not in SELECTORS:
        raise AlphasolveError(f"unknown selector {name!r}; known: {', '.join(SELECTORS)}")
    return SELECTORS[name]()
