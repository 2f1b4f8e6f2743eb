"""Contest files: which problems, how they are scored, and the real standings to rank against.

A contest file is YAML:

    name: Demo Round
    scoring: icpc                  # or codeforces
    decay_minutes: 250             # optional, codeforces: a problem loses points/250 a minute
    duration_minutes: 120          # optional when the standings give durationSeconds
    start: 2024-05-01T14:35:00Z    # optional, recorded only
    standings: demo-round.standings   # a saved contest.standings response (JSON)
    problems:
      - {label: A, path: ../two-gifts}
      - {label: B, path: ../closed-stations, points: 1000}   # points: codeforces only

Paths are relative to the contest file. Everything is checked here, once: the problems load,
the labels are the standings' problem indices in the same order, the points (from the file,
else from the standings) agree, and the scoring agrees with the standings' contest type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from alphasolve.errors import AlphasolveError, ProblemError
from alphasolve.formats import load_problem
from alphasolve.formats.common import FieldReader, read_yaml
from alphasolve.problem import Problem
from alphasolve.replay.scoring import Rules, ScoringKind
from alphasolve.replay.standings import Standings, load_standings

__all__ = ["Contest", "ContestProblem", "load_contest"]

# Codeforces' contest.type for each scoring ("IOI" rounds are not replayed).
STANDINGS_TYPE = {ScoringKind.ICPC: "ICPC", ScoringKind.CODEFORCES: "CF"}


@dataclass(frozen=True)
class ContestProblem:
    label: str
    problem: Problem
    points: float  # Codeforces: the maximum score; ICPC: 1


@dataclass(frozen=True)
class Contest:
    name: str
    path: Path
    rules: Rules
    duration_seconds: float
    start: str | None  # ISO 8601, as given
    problems: tuple[ContestProblem, ...]
    standings: Standings


def load_contest(path: Path) -> Contest:
    if not path.is_file():
        raise ProblemError(path, "no such contest file")
    f = FieldReader(read_yaml(path), path)
    name = f.str("name", required=True)
    raw_scoring = f.str("scoring", required=True)
    try:
        kind = ScoringKind(raw_scoring.lower())
    except ValueError:
        known = ", ".join(k.value for k in ScoringKind)
        raise ProblemError(
            path, f"unknown scoring {raw_scoring!r} (known: {known})", field="scoring"
        ) from None
    decay = f.number("decay_minutes", Rules.decay_minutes, positive=True)
    rules = Rules(kind, decay_minutes=decay or Rules.decay_minutes)
    start = _start(f, path)
    standings_file = path.parent / f.str("standings", required=True)
    if not standings_file.is_file():
        raise ProblemError(path, f"no such standings file: {standings_file}", field="standings")
    entries = f.data.get("problems")
    if entries is None:
        raise ProblemError(path, "missing required field", field="problems")
    if not isinstance(entries, list) or not entries:
        raise ProblemError(path, "expected a non-empty list of problems", field="problems")
    readers = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ProblemError(
                path, "expected a mapping with label and path", field=f"problems[{i}]"
            )
        readers.append(FieldReader(entry, path, f"problems[{i}]."))
    labels = [r.str("label", required=True) for r in readers]
    if len(set(labels)) != len(labels):
        raise ProblemError(path, f"duplicate labels in {labels}", field="problems")
    problems = [_problem(r, path, f"problems[{i}].path") for i, r in enumerate(readers)]
    ids = [p.id for p in problems]
    if len(set(ids)) != len(ids):
        raise ProblemError(path, f"the same problem twice: {ids}", field="problems")

    standings = load_standings(standings_file)
    indices = [index for index, _ in standings.problems]
    if labels != indices:
        raise ProblemError(
            path,
            f"labels {labels} do not match the standings' problems {indices} ({standings_file})",
            field="problems",
        )
    expected_type = STANDINGS_TYPE[kind]
    if standings.type and standings.type != expected_type:
        raise ProblemError(
            path,
            f"scoring {kind.value} but the standings are of contest type {standings.type!r} ({standings_file})",
            field="scoring",
        )
    contest_problems = []
    for i, (r, problem, (index, standing_points)) in enumerate(
        zip(readers, problems, standings.problems, strict=True)
    ):
        points = r.number("points", positive=True)
        if kind is ScoringKind.ICPC:
            points = 1.0
        elif points is None:
            if standing_points is None:
                raise ProblemError(
                    path,
                    "missing points (nor do the standings give them)",
                    field=f"problems[{i}].points",
                )
            points = standing_points
        elif standing_points is not None and abs(points - standing_points) > 1e-9:
            raise ProblemError(
                path,
                f"points {points:g} but the standings give {standing_points:g} for problem {index}",
                field=f"problems[{i}].points",
            )
        contest_problems.append(ContestProblem(labels[i], problem, points))

    minutes = f.number("duration_minutes", positive=True)
    given = standings.duration_seconds
    if minutes is None and given is None:
        raise ProblemError(
            path, "missing (nor do the standings give durationSeconds)", field="duration_minutes"
        )
    if minutes is not None and given is not None and abs(minutes * 60 - given) > 1e-6:
        raise ProblemError(
            path,
            f"{minutes:g} minutes but the standings say {given / 60:g} ({standings_file})",
            field="duration_minutes",
        )
    duration = minutes * 60 if minutes is not None else float(given or 0)
    return Contest(name, path, rules, duration, start, tuple(contest_problems), standings)


def _start(f: FieldReader, path: Path) -> str | None:
    value = f.data.get("start")
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):  # YAML reads unquoted timestamps itself
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ProblemError(path, f"expected an ISO 8601 time, got {value!r}", field="start")


def _problem(r: FieldReader, contest: Path, field: str) -> Problem:
    where = contest.parent / r.str("path", required=True)
    if not where.exists():
        raise ProblemError(contest, f"no such problem: {where}", field=field)
    try:
        return load_problem(where)
    except AlphasolveError as exc:
        raise ProblemError(contest, f"problem {where} does not load: {exc}", field=field) from None
