"""clustering: behaviour signatures, clustering, selection of picks and metrics.

Pure functions over plain data (no Ray, no torch, no files).
"""

from clustering.metrics import pass_at_k

__all__ = ["pass_at_k"]
