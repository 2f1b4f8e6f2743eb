"""clustering: behaviour signatures, clustering, selection of picks and metrics.

Pure functions over plain data (no Ray, no torch, no files). Filled in by the solve-pipeline
work; the package exists so the distribution's layout is fixed from the start.
"""

__all__: list[str] = []
