"""Cluster scorers: the hand-set score and a learned linear one, in one registry.

The learned scorer is a logistic regression over `ClusterFeatures`, fitted by
`scripts/train_cluster_scorer.py` on the corpus train split and chosen on valid, never on
test. Its weights ship as `learned_scorer.json` beside this module; scoring is a dot product,
so selection stays a pure function with no scikit-learn at run time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from clustering.cluster import ClusterFeatures, hand_score

__all__ = [
    "DEFAULT_SCORER",
    "FEATURE_NAMES",
    "LEARNED_SCORER_FILE",
    "SCORERS",
    "LinearScorer",
    "feature_vector",
    "get_scorer",
]

FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(ClusterFeatures))
LEARNED_SCORER_FILE = Path(__file__).with_name("learned_scorer.json")


def feature_vector(f: ClusterFeatures) -> tuple[float, ...]:
    return tuple(float(v) for v in astuple(f))


@dataclass(frozen=True)
class LinearScorer:
    """score = bias + weights . features (a logit: higher means likelier correct)."""

    weights: tuple[float, ...]
    bias: float = 0.0
    names: tuple[str, ...] = FEATURE_NAMES

    def __post_init__(self) -> None:
        if self.names != FEATURE_NAMES or len(self.weights) != len(FEATURE_NAMES):
            raise ValueError(
                f"a linear scorer needs one weight per feature {FEATURE_NAMES}, "
                f"got names {self.names} and {len(self.weights)} weights"
            )

    def __call__(self, f: ClusterFeatures) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, feature_vector(f), strict=True))

    def to_json(self) -> dict[str, object]:
        return {"names": list(self.names), "weights": list(self.weights), "bias": self.bias}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearScorer:
        return cls(
            tuple(float(w) for w in data["weights"]),  # type: ignore[union-attr]
            float(data.get("bias", 0.0)),  # type: ignore[arg-type]
            tuple(data.get("names", FEATURE_NAMES)),  # type: ignore[arg-type]
        )


def _learned() -> Callable[[ClusterFeatures], float]:
    if not LEARNED_SCORER_FILE.is_file():
        raise ValueError(
            f"no learned scorer shipped ({LEARNED_SCORER_FILE} is missing); "
            "train one with scripts/train_cluster_scorer.py"
        )
    return LinearScorer.from_json(json.loads(LEARNED_SCORER_FILE.read_text())["scorer"])


# The pipeline's default: the learned scorer replaces the hand-set one only where the
# ablation on valid shows it helps (learned_scorer.json "default").
DEFAULT_SCORER = "hand"

# name -> factory of a score function over ClusterFeatures
SCORERS: dict[str, Callable[[], Callable[[ClusterFeatures], float]]] = {
    "hand": lambda: hand_score,
    "learned": _learned,
}


def get_scorer(name: str) -> Callable[[ClusterFeatures], float]:
    if name not in SCORERS:
        raise ValueError(f"unknown cluster scorer {name!r}; known: {', '.join(SCORERS)}")
    return SCORERS[name]()
