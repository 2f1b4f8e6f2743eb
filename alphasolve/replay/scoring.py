"""Contest scoring, the simulated submission clock, rank and percentile: pure functions.

Scoring (one `Rules` per contest):

- ICPC: rank by problems solved, then by penalty. A solved problem costs the minute of its
  accepted submission plus `penalty_minutes` (20) for every rejected submission before it;
  an unsolved problem costs nothing, however many rejections it had.
- Codeforces: a problem worth `p` points accepted at minute `t` after `w` rejected attempts
  scores `max(0.3 p, p - (p / 250) t - 50 w)`. The decay constant 250 is the one of a
  2-hour Codeforces round (a 500-point problem loses 2 points a minute); set
  `decay_minutes` in the contest file for rounds that use another. Unsolved: 0 points.

Which rejections count (both scorings, as on Codeforces): compile errors and judge errors
never do, and neither does a rejection on the first test (`forgive_first_test`). Minutes are
whole minutes since the start, rounded down.

The clock (`Clock`) says when each of a problem's ordered picks is submitted:

- `spread` (default): AlphaCode's schedule ([P] App. D, Table A4): the first pick at 10% of
  the contest, the next five at 50%, the rest at 90%, each plus 120 s for clustering.
  Problems run in parallel, each on its own clock, as in AlphaCode's live simulation.
- `measured`: the picks of the k-th problem are ready when the pipeline, run on the
  problems one after another in contest order, finished it (the sum of the measured wall
  times of problems 1..k, times `time_scale`); then one submission every
  `submit_gap_seconds`.

A submission after the end of the contest is not made.

Rank and percentile against N real contestants: `better` = how many are strictly better
than us, `tied` = how many score exactly the same. Ties share the better rank (standard
competition ranking): `rank = better + 1`. `percentile` = share of the N contestants we beat
or tie, `100 (N - better) / N`. `top_percent` is AlphaCode's "estimated rank: top X%": our
rank as a share of the field with us in it, `100 rank / (N + 1)`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from judges.verdict import Verdict

__all__ = [
    "SPREAD_SCHEDULE",
    "Attempt",
    "Clock",
    "ClockKind",
    "Placement",
    "ProblemScore",
    "Rules",
    "Score",
    "ScoringKind",
    "counts_as_rejection",
    "place",
    "rank_key",
    "score_problem",
    "submission_times",
    "total",
]

# Verdicts that never count as a rejected attempt: not the program's fault, or not judged.
NOT_COUNTED = frozenset({Verdict.CE, Verdict.JE})

# AlphaCode's submission schedule: (fraction of the contest, picks submitted then).
SPREAD_SCHEDULE: tuple[tuple[float, int], ...] = ((0.1, 1), (0.5, 5), (0.9, 4))

# Codeforces points compared with this tolerance (float sums of decayed scores).
_EPS = 1e-6


class ScoringKind(StrEnum):
    ICPC = "icpc"
    CODEFORCES = "codeforces"


class ClockKind(StrEnum):
    SPREAD = "spread"
    MEASURED = "measured"


@dataclass(frozen=True)
class Rules:
    kind: ScoringKind
    penalty_minutes: int = 20  # ICPC: per counted rejection before the accepted submission
    decay_minutes: float = 250.0  # Codeforces: a problem loses points/decay_minutes a minute
    floor_fraction: float = 0.3  # Codeforces: an accepted problem keeps at least 30%
    rejection_points: float = 50.0  # Codeforces: per counted rejection before acceptance
    forgive_first_test: bool = True  # Codeforces: a rejection on test 1 is not penalised


@dataclass(frozen=True)
class Clock:
    kind: ClockKind = ClockKind.SPREAD
    schedule: tuple[tuple[float, int], ...] = SPREAD_SCHEDULE  # spread
    clustering_seconds: float = 120.0  # spread: AlphaCode's allowance for clustering
    time_scale: float = 1.0  # measured: multiplies the pipeline's wall time
    submit_gap_seconds: float = 60.0  # measured: between two submissions of one problem


@dataclass(frozen=True)
class Attempt:
    """One submission: which pick (1 = first), when, and what the judge said."""

    pick: int
    seconds: float
    verdict: Verdict
    failed_test: int | None = None  # 0-based index of the first failing test


@dataclass(frozen=True)
class ProblemScore:
    solved: bool
    minute: int | None  # of the accepted submission
    rejections: int  # counted rejections before acceptance (or all of them, unsolved)
    points: float  # Codeforces points (ICPC: 1 solved, 0 not)
    penalty: int  # ICPC minutes (0 when unsolved)


@dataclass(frozen=True)
class Score:
    solved: int
    penalty: int  # ICPC
    points: float  # Codeforces (ICPC: equal to solved)


@dataclass(frozen=True)
class Placement:
    rank: int  # 1 + contestants strictly better
    contestants: int  # N
    better: int
    tied: int
    percentile: float  # share of the N we beat or tie
    top_percent: float  # AlphaCode's "top X%": rank / (N + 1)


def submission_times(
    clock: Clock, picks: int, duration_seconds: float, ready_seconds: float = 0.0
) -> tuple[float, ...]:
    """Seconds since the start at which picks 1..`picks` are submitted."""
    if clock.kind is ClockKind.MEASURED:
        start = ready_seconds * clock.time_scale
        return tuple(start + i * clock.submit_gap_seconds for i in range(picks))
    times: list[float] = []
    for fraction, count in clock.schedule:
        times += [fraction * duration_seconds + clock.clustering_seconds] * count
    last = times[-1] if times else clock.clustering_seconds
    times += [last] * (picks - len(times))  # picks beyond the schedule go with the last batch
    return tuple(times[:picks])


def counts_as_rejection(rules: Rules, attempt: Attempt) -> bool:
    if attempt.verdict is Verdict.AC or attempt.verdict in NOT_COUNTED:
        return False
    return not (rules.forgive_first_test and attempt.failed_test == 0)


def score_problem(rules: Rules, attempts: Sequence[Attempt], points: float = 1.0) -> ProblemScore:
    """Score one problem from its submissions in order (those after an AC are ignored)."""
    rejections = 0
    for attempt in attempts:
        if attempt.verdict is Verdict.AC:
            minute = math.floor(attempt.seconds / 60)
            if rules.kind is ScoringKind.ICPC:
                return ProblemScore(
                    True, minute, rejections, 1.0, minute + rules.penalty_minutes * rejections
                )
            decayed = points - points / rules.decay_minutes * minute
            earned = max(
                rules.floor_fraction * points, decayed - rules.rejection_points * rejections
            )
            return ProblemScore(True, minute, rejections, earned, 0)
        rejections += counts_as_rejection(rules, attempt)
    return ProblemScore(False, None, rejections, 0.0, 0)


def total(problems: Sequence[ProblemScore]) -> Score:
    solved = [p for p in problems if p.solved]
    return Score(len(solved), sum(p.penalty for p in solved), sum(p.points for p in solved))


def rank_key(rules: Rules, score: Score) -> tuple[float, ...]:
    """Smaller is better; equal keys are a tie."""
    if rules.kind is ScoringKind.ICPC:
        return (-score.solved, score.penalty)
    return (-round(score.points / _EPS),)


def place(rules: Rules, ours: Score, others: Sequence[Score]) -> Placement:
    """Our rank among the real contestants `others` (we are not one of them)."""
    if not others:
        raise ValueError("no contestants to rank against")
    mine = rank_key(rules, ours)
    keys = [rank_key(rules, s) for s in others]
    better = sum(k < mine for k in keys)
    tied = sum(k == mine for k in keys)
    n = len(others)
    return Placement(
        rank=better + 1,
        contestants=n,
        better=better,
        tied=tied,
        percentile=100.0 * (n - better) / n,
        top_percent=100.0 * (better + 1) / (n + 1),
    )
