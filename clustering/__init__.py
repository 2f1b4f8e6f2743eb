"""clustering: behaviour signatures, input trust, clustering, selection of picks, metrics.

Pure functions over plain data (no Ray, no torch, no files).
"""

from clustering.cluster import (
    Cluster,
    ClusterFeatures,
    Member,
    Selection,
    alphacode_picks,
    alphacode_select,
    cluster_exact,
    cluster_features,
    cluster_mass,
    expected_draws,
    hand_score,
    round_robin_picks,
    select,
)
from clustering.metrics import (
    BootstrapCI,
    filtered_random_given,
    filtered_random_n_at_k,
    grouped_pass_at_k,
    grouped_subsets,
    n_at_k_from_subsets,
    paired_bootstrap,
    pass_at_k,
    random_subsets,
    selection_efficiency,
)
from clustering.signature import BAD_CODES, Code, signature, token
from clustering.trust import input_shape_ok, trusted_inputs

__all__ = [
    "BAD_CODES",
    "BootstrapCI",
    "Cluster",
    "ClusterFeatures",
    "Code",
    "Member",
    "Selection",
    "alphacode_picks",
    "alphacode_select",
    "cluster_exact",
    "cluster_features",
    "cluster_mass",
    "expected_draws",
    "filtered_random_given",
    "filtered_random_n_at_k",
    "grouped_pass_at_k",
    "grouped_subsets",
    "hand_score",
    "input_shape_ok",
    "n_at_k_from_subsets",
    "paired_bootstrap",
    "pass_at_k",
    "random_subsets",
    "round_robin_picks",
    "select",
    "selection_efficiency",
    "signature",
    "token",
    "trusted_inputs",
]
