"""A problem's last step: clusters and picks from its state (or the fallback picks)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from alphasolve.candidate import Candidate
from alphasolve.pipeline.config import SolveConfig, sampling_config
from alphasolve.pipeline.stages import choose, draw_weights, fallback_picks
from alphasolve.problem import Problem
from alphasolve.problem_state import ProblemState
from alphasolve.records import ClusterRecord, PickRecord

__all__ = ["finish_problem"]


def _pick(pid: str, c: Candidate, rank: int, cluster: int, size: int, score: float,
          fallback: bool) -> PickRecord:  # fmt: skip
    return PickRecord(pid, rank, c.candidate_id, c.language, c.code, cluster, size, score,
                      fallback)  # fmt: skip


def finish_problem(
    problem: Problem, state: ProblemState, survivors: Sequence[Candidate], cfg: SolveConfig
) -> None:
    """Select the picks among `survivors` (their signatures in `state`) and write clusters
    and picks; with no survivor, the best unfiltered candidates, marked as a fallback."""
    pid = problem.id
    candidates = state.candidates
    if not survivors:
        outcomes = [state.filtered[c] for c in candidates if c in state.filtered]
        ids = fallback_picks(list(candidates.values()), outcomes, cfg.picks)
        picks = [_pick(pid, candidates[i], k, -1, 0, 0.0, True) for k, i in enumerate(ids)]
        state.set_selection([], picks)
        return
    rows = state.draws()
    # How many samples were each program: the clusters' reported sizes and (drawn
    # independently) their weights in selection.
    draws = Counter(r.candidate_id for r in rows)
    group = sampling_config(cfg).samples_per_prompt if cfg.without_replacement else None
    selection = choose(
        problem, survivors, state.signatures, state.inputs or [], cfg.picks, cfg.selector,
        draw_weights(rows, group),
    )  # fmt: skip
    # A cluster's size is its draws (what selection weighed, as expected draws when drawn
    # without replacement), not its distinct programs.
    mass = [sum(draws[i] for i in c.members) for c in selection.clusters]
    cluster_of = {m: k for k, c in enumerate(selection.clusters) for m in c.members}
    clusters = [
        ClusterRecord(pid, k, tuple(c.members), s, mass[k])
        for k, (c, s) in enumerate(zip(selection.clusters, selection.scores, strict=True))
    ]
    picks = [
        _pick(pid, candidates[i], k, cluster_of[i], mass[cluster_of[i]],
              selection.scores[cluster_of[i]], False)
        for k, i in enumerate(selection.picks)
    ]  # fmt: skip
    state.set_selection(clusters, picks)
