"""clustering: behaviour signatures, input trust, clustering, selection of picks, metrics.

Pure functions over plain data (no Ray, no torch, no files).
"""

from clustering.cluster import (
    Cluster,
    ClusterFeatures,
    Member,
    Selection,
    alphacode_picks,
    cluster_exact,
    cluster_features,
    hand_score,
    round_robin_picks,
    select,
)
from clustering.metrics import pass_at_k
from clustering.signature import BAD_CODES, Code, signature, token
from clustering.trust import input_shape_ok, trusted_inputs

__all__ = [
    "BAD_CODES",
    "Cluster",
    "ClusterFeatures",
    "Code",
    "Member",
    "Selection",
    "alphacode_picks",
    "cluster_exact",
    "cluster_features",
    "hand_score",
    "input_shape_ok",
    "pass_at_k",
    "round_robin_picks",
    "select",
    "signature",
    "token",
    "trusted_inputs",
]
