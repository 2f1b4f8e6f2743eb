"""Evaluation: how well a model plus a selector solves problems as the sample budget grows.

`pools` turns a run directory into per-problem sample pools (with hidden-test correctness),
`ablation` runs every selector on the same random k-subsets of each pool, `report` writes
metrics.json, the Markdown report and the plots. `alphasolve eval` ties them together.
"""
