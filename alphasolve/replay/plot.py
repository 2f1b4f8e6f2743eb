"""The replay plot: the real contestants' scores in standings order, with ours marked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alphasolve.replay.scoring import Placement, Rules, Score, ScoringKind, rank_key

__all__ = ["plot_standings"]


def plot_standings(
    path: Path,
    title: str,
    rules: Rules,
    others: Sequence[Score],
    ours: Score,
    placement: Placement,
) -> None:
    """Write a PNG: x = place in the standings, y = score (problems solved, or points)."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    icpc = rules.kind is ScoringKind.ICPC
    ordered = sorted(others, key=lambda s: rank_key(rules, s))
    places = range(1, len(ordered) + 1)
    # ICPC: problems solved, and under it the penalty that orders equal counts.
    panels = [("problems solved", lambda s: s.solved)] if icpc else [("points", lambda s: s.points)]
    if icpc:
        panels.append(("penalty (minutes)", lambda s: s.penalty))
    fig, axes = plt.subplots(len(panels), 1, sharex=True, squeeze=False,
                             figsize=(8, 3 + 2 * len(panels)), dpi=100)  # fmt: skip
    what = f"{ours.solved} solved, penalty {ours.penalty}" if icpc else f"{ours.points:g} points"
    for ax, (label, value) in zip(axes[:, 0], panels, strict=True):
        ys = [value(s) for s in ordered]
        if label == "penalty (minutes)":
            ax.scatter(places, ys, s=12, color="tab:blue")
        else:
            ax.step(places, ys, where="mid", color="tab:blue",
                    label=f"{len(ordered)} contestants")  # fmt: skip
            ax.yaxis.set_major_locator(MaxNLocator(integer=icpc))
        ax.scatter([placement.rank], [value(ours)], color="tab:red", zorder=3, s=60,
                   label=f"alphasolve: {what}")  # fmt: skip
        ax.axvline(placement.rank, color="tab:red", linestyle=":", linewidth=1)
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
    axes[0, 0].legend(loc="upper right")
    axes[0, 0].set_title(
        f"{title}: rank {placement.rank}/{placement.contestants}, "
        f"percentile {placement.percentile:.1f} (top {placement.top_percent:.1f}%)"
    )
    axes[-1, 0].set_xlabel("place in the standings")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
