"""Contest replay: rank the pipeline's picks against a past contest's real standings.

`load_contest` reads a contest file (and its standings), `scoring` holds the pure rules,
clock and ranking; `alphasolve.replay.run.replay` runs the pipeline and judges the picks
(imported on its own: it pulls in Ray).
"""

from alphasolve.replay.contest import Contest, ContestProblem, load_contest
from alphasolve.replay.scoring import (
    Attempt,
    Clock,
    ClockKind,
    Placement,
    ProblemScore,
    Rules,
    Score,
    ScoringKind,
    place,
    score_problem,
    submission_times,
    total,
)
from alphasolve.replay.standings import Standings, load_standings, parse_standings

__all__ = [
    "Attempt",
    "Clock",
    "ClockKind",
    "Contest",
    "ContestProblem",
    "Placement",
    "ProblemScore",
    "Rules",
    "Score",
    "ScoringKind",
    "Standings",
    "load_contest",
    "load_standings",
    "parse_standings",
    "place",
    "score_problem",
    "submission_times",
    "total",
]
