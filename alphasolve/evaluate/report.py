"""What `alphasolve eval` writes: metrics.json, report.md, problems.md and two PNG plots."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from alphasolve.evaluate.ablation import ProblemResult

__all__ = ["plot_solve_rate", "plot_verdicts", "write_report"]


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _ci(cell: Mapping[str, float]) -> str:
    return f"{_pct(cell['mean'])} [{_pct(cell['low'])}, {_pct(cell['high'])}]"


def headline_table(metrics: Mapping[str, Any], n: int) -> str:
    ks = metrics["budgets"]
    lines = [
        f"| {n}@k (% solved, 95% CI) | " + " | ".join(f"k={k}" for k in ks) + " |",
        "|---|" + "---|" * len(ks),
    ]
    for s in metrics["selectors"]:
        cells = [_ci(metrics["n_at"][s][str(n)][str(k)]) for k in ks]
        lines.append(f"| {s} | " + " | ".join(cells) + " |")
    lines.append("| pass@k (upper bound) | " + " | ".join(
        _ci(metrics["pass_at"][str(k)]) for k in ks) + " |")  # fmt: skip
    return "\n".join(lines)


def _vs_table(metrics: Mapping[str, Any], n: int) -> str:
    ks = metrics["budgets"]
    base = metrics["baseline"]
    lines = [
        f"| {n}@k minus {base} (points, paired 95% CI) | "
        + " | ".join(f"k={k}" for k in ks)
        + " |",
        "|---|" + "---|" * len(ks),
    ]
    for s, per_n in metrics["vs_baseline"].items():
        lines.append(f"| {s} | " + " | ".join(_ci(per_n[str(n)][str(k)]) for k in ks) + " |")
    return "\n".join(lines)


def _group_table(groups: Mapping[str, Any], selectors: Sequence[str], n: int) -> str:
    lines = [
        "| group | problems | k | pass@k | " + " | ".join(f"{s} {n}@k" for s in selectors) + " |"
    ]
    lines.append("|---|---|---|---|" + "---|" * len(selectors))
    for name, g in groups.items():
        k = str(max(int(x) for x in g["pass_at"]))
        cells = [_pct(g["n_at"][s][str(n)][k]) for s in selectors]
        lines.append(
            f"| {name} | {g['problems']} | {k} | {_pct(g['pass_at'][k])} | "
            + " | ".join(cells)
            + " |"
        )
    return "\n".join(lines)


def problems_table(results: Sequence[ProblemResult], selectors: Sequence[str]) -> str:
    top = max(max(r.n_at[s]) for r in results for s in r.n_at)
    lines = [
        "| problem | rating | draws | unique | pass examples | correct | pass@K | "
        + " | ".join(f"{s} {top}@K" for s in selectors) + " |",
        "|---|---|---|---|---|---|---|" + "---|" * len(selectors),
    ]  # fmt: skip
    for r in results:
        K = max(r.pass_at)
        cells = [f"{r.n_at[s][top][K]:.2f}" for s in selectors]
        lines.append(
            f"| {r.problem_id} | {r.rating or '-'} | {r.draws} | {r.unique} | {r.passed_draws} | "
            f"{r.correct_draws} | {r.pass_at[K]:.2f} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines)


def plot_solve_rate(metrics: Mapping[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ks = metrics["budgets"]
    ns = sorted({int(n) for s in metrics["selectors"] for n in metrics["n_at"][s]})
    fig, axes = plt.subplots(1, len(ns), figsize=(6 * len(ns), 4.5), squeeze=False)
    for ax, n in zip(axes[0], ns, strict=True):
        for s in metrics["selectors"]:
            cells = [metrics["n_at"][s][str(n)][str(k)] for k in ks]
            ax.plot(ks, [100 * c["mean"] for c in cells], marker="o", label=s)
            ax.fill_between(
                ks, [100 * c["low"] for c in cells], [100 * c["high"] for c in cells], alpha=0.15
            )
        ax.plot(ks, [100 * metrics["pass_at"][str(k)]["mean"] for k in ks], "k--", label="pass@k")
        ax.set_xscale("log")
        ax.set_xlabel("samples per problem (k)")
        ax.set_ylabel(f"{n}@k: % of problems solved")
        ax.set_title(f"{n}@k on {metrics['problems']} problems (95% bootstrap bands)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_verdicts(verdicts: Mapping[str, Mapping[str, int]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    stages = list(verdicts)
    kinds = sorted({v for counts in verdicts.values() for v in counts})
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.6 * len(stages)))
    left = [0.0] * len(stages)
    for kind in kinds:
        shares = []
        for s in stages:
            total = sum(verdicts[s].values()) or 1
            shares.append(100 * verdicts[s].get(kind, 0) / total)
        ax.barh(stages, shares, left=left, label=kind)
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set_xlabel("% of programs")
    ax.set_title("verdicts per stage")
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(
    out: Path,
    metrics: Mapping[str, Any],
    results: Sequence[ProblemResult],
) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1, sort_keys=True))
    selectors = metrics["selectors"]
    (out / "problems.md").write_text(problems_table(results, selectors) + "\n")
    plot_solve_rate(metrics, out / "solve_rate.png")
    plot_verdicts(metrics["verdicts"], out / "verdicts.png")
    ns = sorted({int(n) for n in metrics["n_at"][selectors[0]]})
    d = metrics["draws"]
    parts = [
        f"# Evaluation: {metrics['problems']} problems, {metrics['samples']} samples each",
        "",
        f"Model: `{metrics['model']}`; sampler `{metrics['sampler']}`"
        + (
            ", sampled without replacement (a budget of k: whole prompt groups plus a group's "
            "first draws); "
            if metrics.get("without_replacement")
            else "; "
        )
        + f"{metrics['subsets']} random k-subsets per budget (the same for every selector; "
        "cluster selectors corrected by filtered-random on those subsets, a control variate); "
        f"{d['total']} draws, {d['unique']} distinct programs, {d['passed_examples']} draws "
        f"pass the examples, {d['correct']} are correct (examples + hidden tests).",
        "",
    ]
    for n in ns:
        parts += [headline_table(metrics, n), ""]
    for n in ns:
        if metrics["vs_baseline"]:
            parts += [_vs_table(metrics, n), ""]
    top = max(ns)
    parts += [
        f"Selection efficiency ({top}@k / pass@k) at k = {metrics['budgets'][-1]}: "
        + ", ".join(
            f"{s} {metrics['efficiency'][s][str(metrics['budgets'][-1])]:.2f}" for s in selectors
        ),
        "",
        "![solve rate](solve_rate.png)",
        "",
        "## By difficulty",
        "",
        _group_table(metrics["by_difficulty"], selectors, top),
        "",
        "## By language (each language's draws as its own pool)",
        "",
        _group_table(metrics["by_language"], selectors, top),
        "",
    ]
    if metrics.get("perplexity"):
        parts += [
            "## Perplexity on the reference solutions",
            "",
            "| language | programs | tokens | nll/token | perplexity |",
            "|---|---|---|---|---|",
        ]
        for lang, p in metrics["perplexity"].items():
            parts.append(
                f"| {lang} | {p['programs']} | {p['tokens']} | {p['nll_per_token']:.3f} | {p['perplexity']:.2f} |"
            )
        parts.append("")
    parts += [
        "## Verdicts per stage",
        "",
        "![verdicts](verdicts.png)",
        "",
        "Per-problem results: [problems.md](problems.md).",
        "",
    ]
    (out / "report.md").write_text("\n".join(parts))
    return [
        out / name
        for name in ("metrics.json", "report.md", "problems.md", "solve_rate.png", "verdicts.png")
    ]
