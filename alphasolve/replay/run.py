"""Replay a past contest: solve its problems, submit the picks on a simulated clock, rank.

1. Solve every problem with the pipeline into `OUT/run` (a run that already has picks for
   a problem is resumed, not recomputed).
2. For each problem, submit its ordered picks (up to 10) one by one, at the times the clock
   gives (see `scoring`), against the examples and the hidden tests, until one is accepted
   or the contest is over; the rejections before it are counted as the contest would.
3. Score the problems, rank the total among the real contestants of the standings, and
   write `OUT/replay.json` and the plot `OUT/replay.png`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from alphasolve.pipeline.config import SolveConfig
from alphasolve.pipeline.solve import solve
from alphasolve.problem_state import ProblemState
from alphasolve.records import PickRecord
from alphasolve.replay.contest import Contest, ContestProblem
from alphasolve.replay.plot import plot_standings
from alphasolve.replay.scoring import (
    Attempt,
    Clock,
    ClockKind,
    Placement,
    ProblemScore,
    Rules,
    Score,
    ScoringKind,
    counts_as_rejection,
    place,
    score_problem,
    submission_times,
    total,
)
from alphasolve.replay.standings import Row
from alphasolve.rundir import RunDir
from judges import Judge, JudgeConfig, Program, Verdict

__all__ = ["ProblemReplay", "ReplayConfig", "ReplayResult", "replay", "row_score"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReplayConfig:
    solve: SolveConfig = field(default_factory=SolveConfig)
    clock: Clock = field(default_factory=Clock)
    judge_workers: int = 1  # slots of the judge that runs the submissions


@dataclass(frozen=True)
class Submission:
    attempt: Attempt
    candidate_id: str
    language: str
    counted: bool  # a rejection that the contest penalises


@dataclass(frozen=True)
class ProblemReplay:
    label: str
    problem_id: str
    max_points: float
    picks: int
    ready_seconds: float  # the pipeline's wall time up to this problem's picks, unscaled
    submissions: tuple[Submission, ...]
    score: ProblemScore


@dataclass(frozen=True)
class ReplayResult:
    contest: Contest
    config: ReplayConfig
    problems: tuple[ProblemReplay, ...]
    total: Score
    placement: Placement

    def to_json(self) -> dict[str, Any]:
        c, p = self.contest, self.placement
        return {
            "contest": {
                "name": c.name,
                "file": str(c.path),
                "scoring": c.rules.kind.value,
                "duration_minutes": c.duration_seconds / 60,
                "start": c.start,
                "standings": str(c.standings.path),
                "rows_not_contestants": c.standings.others,
            },
            "config": {
                "samples": self.config.solve.samples,
                "sampler": self.config.solve.sampler,
                "seed": self.config.solve.seed,
                "rules": asdict(c.rules),
                "clock": asdict(self.config.clock),
            },
            "problems": [_problem_json(r, self.config.clock) for r in self.problems],
            "total": asdict(self.total),
            **asdict(p),
        }


def _problem_json(r: ProblemReplay, clock: Clock) -> dict[str, Any]:
    accepted = next(
        (s.attempt.pick for s in r.submissions if s.attempt.verdict is Verdict.AC), None
    )
    return {
        "label": r.label,
        "problem_id": r.problem_id,
        "max_points": r.max_points,
        "picks": r.picks,
        # measured clock: when the picks were ready (the pipeline's time, scaled)
        "ready_minute": r.ready_seconds * clock.time_scale / 60
        if clock.kind is ClockKind.MEASURED
        else None,
        "attempts": [
            {
                "pick": s.attempt.pick,
                "candidate_id": s.candidate_id,
                "language": s.language,
                "minute": s.attempt.seconds / 60,
                "verdict": s.attempt.verdict.value,
                "failed_test": s.attempt.failed_test,
                "counted": s.counted,
            }
            for s in r.submissions
        ],
        "solved": r.score.solved,
        "accepted_pick": accepted,
        "minute": r.score.minute,
        "rejections": r.score.rejections,
        "points": r.score.points,
        "penalty": r.score.penalty,
    }


def row_score(rules: Rules, row: Row) -> Score:
    """A real contestant's total, as the standings give it."""
    solved = sum(1 for r in row.results if r.points > 0)
    if rules.kind is ScoringKind.ICPC:
        return Score(solved=round(row.points), penalty=row.penalty, points=row.points)
    return Score(solved=solved, penalty=row.penalty, points=row.points)


def replay(
    contest: Contest,
    out: Path,
    cfg: ReplayConfig,
    address: str | None = None,
    progress: Callable[[str, int], None] = lambda stage, n: None,
) -> ReplayResult:
    run = RunDir(out / "run")
    solve([cp.problem for cp in contest.problems], run.path, cfg.solve, address, progress)
    info = run.info()  # solve() keeps the timings of problems an earlier run finished
    timings = info.get("timings", {})
    replays = []
    ready = 0.0
    with Judge(JudgeConfig(workers=cfg.judge_workers, runtimes=cfg.solve.runtimes)) as judge:
        for cp in contest.problems:
            ready += float(timings.get(cp.problem.id, {}).get("total", 0.0))
            ordered = ProblemState(run, cp.problem.id).picks
            replays.append(_submit(judge, contest, cp, ordered, cfg.clock, ready))
    ours = total([r.score for r in replays])
    others = [row_score(contest.rules, row) for row in contest.standings.rows]
    placement = place(contest.rules, ours, others)
    result = ReplayResult(contest, cfg, tuple(replays), ours, placement)
    (out / "replay.json").write_text(json.dumps(result.to_json(), indent=2) + "\n")
    plot_standings(out / "replay.png", contest.name, contest.rules, others, ours, placement)
    return result


def _submit(
    judge: Judge,
    contest: Contest,
    cp: ContestProblem,
    picks: Sequence[PickRecord],
    clock: Clock,
    ready: float,
) -> ProblemReplay:
    problem = cp.problem
    tests = problem.examples + problem.hidden_tests
    times = submission_times(clock, len(picks), contest.duration_seconds, ready)
    submissions: list[Submission] = []
    for k, (pick, seconds) in enumerate(zip(picks, times, strict=True), 1):
        if seconds >= contest.duration_seconds:
            log.info("%s: pick %d would come after the end of the contest", problem.id, k)
            break
        report = judge.judge(problem, Program(pick.language, pick.code), tests)
        failed = None if report.passed or not report.tests else len(report.tests) - 1
        attempt = Attempt(k, seconds, report.verdict, failed)
        counted = counts_as_rejection(contest.rules, attempt)
        submissions.append(Submission(attempt, pick.candidate_id, pick.language, counted))
        log.info("%s: pick %d at minute %.0f: %s", problem.id, k, seconds / 60, report.verdict)
        if report.passed:
            break
    score = score_problem(contest.rules, [s.attempt for s in submissions], cp.points)
    return ProblemReplay(
        cp.label, problem.id, cp.points, len(picks), ready, tuple(submissions), score
    )
