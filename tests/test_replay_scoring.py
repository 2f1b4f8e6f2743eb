"""Contest scoring, the submission clock and ranking: pure functions, hand-computed cases."""

from __future__ import annotations

import pytest

from alphasolve.replay.scoring import (
    Attempt,
    Clock,
    ClockKind,
    ProblemScore,
    Rules,
    Score,
    ScoringKind,
    place,
    score_problem,
    submission_times,
    total,
)
from judges.verdict import Verdict

AC, WA, TLE, CE, JE = Verdict.AC, Verdict.WA, Verdict.TLE, Verdict.CE, Verdict.JE
ICPC = Rules(ScoringKind.ICPC)
CF = Rules(ScoringKind.CODEFORCES)


def attempts(*items: tuple[float, Verdict] | tuple[float, Verdict, int | None]) -> list[Attempt]:
    """(minute, verdict[, failed test]) -> attempts; a rejection fails test 3 unless told."""
    out = []
    for k, item in enumerate(items, 1):
        minute, verdict, *rest = item
        failed = rest[0] if rest else (None if verdict in (AC, CE) else 3)
        out.append(Attempt(k, minute * 60, verdict, failed))
    return out


@pytest.mark.parametrize(
    ("tries", "expected"),
    [
        # accepted at minute 14 on the first try: penalty 14
        (attempts((14, AC)), ProblemScore(True, 14, 0, 1.0, 14)),
        # two rejections, then accepted at 62: 62 + 2 * 20
        (attempts((14, WA), (62, TLE), (62, AC)), ProblemScore(True, 62, 2, 1.0, 102)),
        # a compile error, a judge error and a failure on test 1 are not counted
        (
            attempts((14, CE), (20, JE, None), (30, WA, 0), (62, AC)),
            ProblemScore(True, 62, 0, 1.0, 62),
        ),
        # never solved: the rejections are recorded but cost nothing
        (attempts((14, WA), (62, WA), (110, WA)), ProblemScore(False, None, 3, 0.0, 0)),
        # no submissions at all (every pick would come after the end)
        ([], ProblemScore(False, None, 0, 0.0, 0)),
        # minutes are rounded down: 13 min 59 s is minute 13
        ([Attempt(1, 13 * 60 + 59, AC)], ProblemScore(True, 13, 0, 1.0, 13)),
        # submissions after the accepted one are ignored
        (attempts((14, AC), (62, WA)), ProblemScore(True, 14, 0, 1.0, 14)),
    ],
)
def test_icpc_problem(tries: list[Attempt], expected: ProblemScore) -> None:
    assert score_problem(ICPC, tries) == expected


@pytest.mark.parametrize(
    ("rules", "points", "tries", "earned"),
    [
        (CF, 500, attempts((14, AC)), 472.0),  # 500 - 500/250 * 14
        (CF, 1000, attempts((30, AC)), 880.0),  # 1000 - 4 * 30
        (CF, 500, attempts((14, WA), (62, WA), (62, AC)), 276.0),  # 500 - 124 - 2 * 50
        (CF, 500, attempts((30, WA, 0), (62, AC)), 376.0),  # a failure on test 1 costs nothing
        (CF, 500, attempts((118, WA), (118, WA), (118, WA), (118, AC)), 150.0),  # 114 < 30% floor
        (CF, 1000, attempts((119, AC)), 524.0),  # decayed, above the floor
        (Rules(ScoringKind.CODEFORCES, decay_minutes=500), 500, attempts((14, AC)), 486.0),
        (CF, 500, attempts((14, WA), (62, WA)), 0.0),  # unsolved
    ],
)
def test_codeforces_points(
    rules: Rules, points: float, tries: list[Attempt], earned: float
) -> None:
    assert score_problem(rules, tries, points).points == pytest.approx(earned)


def test_total_counts_only_solved_problems() -> None:
    scores = [
        ProblemScore(True, 14, 1, 1.0, 34),
        ProblemScore(False, None, 5, 0.0, 0),
        ProblemScore(True, 62, 0, 1.0, 62),
    ]
    assert total(scores) == Score(solved=2, penalty=96, points=2.0)
    assert total([]) == Score(0, 0, 0.0)


@pytest.mark.parametrize(
    ("clock", "picks", "ready", "expected"),
    [
        # AlphaCode's schedule on a 2-hour contest: 1 pick at 12 min, 5 at 60, 4 at 108, + 2 min
        (Clock(), 10, 0.0, (840.0,) + (3720.0,) * 5 + (6600.0,) * 4),
        (Clock(), 3, 999.0, (840.0, 3720.0, 3720.0)),  # spread ignores the measured time
        (Clock(), 12, 0.0, (840.0,) + (3720.0,) * 5 + (6600.0,) * 6),  # extra picks go last
        (Clock(), 0, 0.0, ()),
        (Clock(ClockKind.MEASURED), 3, 100.0, (100.0, 160.0, 220.0)),
        (
            Clock(ClockKind.MEASURED, time_scale=2.0, submit_gap_seconds=30),
            2,
            100.0,
            (200.0, 230.0),
        ),
    ],
)
def test_submission_times(
    clock: Clock, picks: int, ready: float, expected: tuple[float, ...]
) -> None:
    assert submission_times(clock, picks, 7200.0, ready) == expected


# Six real contestants (solved, penalty): one ahead, two tied on (2, 50), three behind.
FIELD = [Score(3, 100, 3.0), Score(2, 50, 2.0), Score(2, 50, 2.0), Score(2, 80, 2.0),
         Score(1, 10, 1.0), Score(0, 0, 0.0)]  # fmt: skip


@pytest.mark.parametrize(
    ("ours", "rank", "better", "tied", "percentile"),
    [
        (Score(2, 50, 2.0), 2, 1, 2, 100 * 5 / 6),  # tying two: we share their rank
        (Score(2, 49, 2.0), 2, 1, 0, 100 * 5 / 6),  # one minute less beats them
        (Score(2, 51, 2.0), 4, 3, 0, 100 * 3 / 6),
        (Score(3, 99, 3.0), 1, 0, 0, 100.0),  # top: better than everyone
        (Score(3, 100, 3.0), 1, 0, 1, 100.0),  # top, tied with the winner
        (Score(4, 999, 4.0), 1, 0, 0, 100.0),  # more solved beats any penalty
        (Score(0, 0, 0.0), 6, 5, 1, 100 * 1 / 6),  # bottom, tied with the last
    ],
)
def test_icpc_place(ours: Score, rank: int, better: int, tied: int, percentile: float) -> None:
    p = place(ICPC, ours, FIELD)
    assert (p.rank, p.better, p.tied, p.contestants) == (rank, better, tied, 6)
    assert p.percentile == pytest.approx(percentile)
    assert p.top_percent == pytest.approx(100 * rank / 7)


def test_percentile_at_the_very_bottom_is_zero() -> None:
    p = place(ICPC, Score(0, 0, 0.0), FIELD[:5])
    assert (p.rank, p.better, p.tied, p.percentile, p.top_percent) == (6, 5, 0, 0.0, 100.0)


def test_codeforces_place_by_points_with_float_ties() -> None:
    field = [Score(2, 0, 1452.0), Score(1, 0, 472.0), Score(1, 0, 472.0), Score(1, 0, 150.0)]
    # 0.1 + 0.2 style rounding must not break a tie; solved count does not matter
    p = place(CF, Score(2, 0, 471.9 + 0.1), field)
    assert (p.rank, p.better, p.tied) == (2, 1, 2)
    p = place(CF, Score(0, 0, 472.5), field)
    assert (p.rank, p.better, p.tied, p.percentile) == (2, 1, 0, 75.0)


def test_place_needs_contestants() -> None:
    with pytest.raises(ValueError):
        place(ICPC, Score(0, 0, 0.0), [])
