"""Saved Codeforces standings: the JSON of the API's `contest.standings` method.

Accepted: the whole response (`{"status": "OK", "result": {...}}`) or its bare `result`
object (`contest`, `problems`, `rows`). Only rows whose `party.participantType` is
`CONTESTANT` are kept: virtual, practice, out-of-competition and manager rows did not take
part in the contest as it was ranked. `points` and `penalty` of a row are taken as the
standings give them (Codeforces points include hacks; ICPC `points` is problems solved and
`penalty` minutes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alphasolve.errors import ProblemError
from alphasolve.formats.common import FieldReader

__all__ = ["CONTESTANT", "ProblemResult", "Row", "Standings", "load_standings", "parse_standings"]

CONTESTANT = "CONTESTANT"


@dataclass(frozen=True)
class ProblemResult:
    points: float
    rejected: int  # rejectedAttemptCount
    seconds: int | None  # bestSubmissionTimeSeconds: absent when not solved


@dataclass(frozen=True)
class Row:
    who: str  # handles of the party's members, or its team name
    rank: int
    points: float
    penalty: int
    results: tuple[ProblemResult, ...]  # in the order of Standings.problems


@dataclass(frozen=True)
class Standings:
    path: Path
    name: str
    type: str  # "CF", "ICPC", "IOI"; "" when the file does not say
    duration_seconds: int | None
    problems: tuple[tuple[str, float | None], ...]  # (index, points) in contest order
    rows: tuple[Row, ...]  # contestants only
    others: int  # rows left out: not participantType CONTESTANT


def load_standings(path: Path) -> Standings:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemError(path, "no such standings file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemError(path, f"cannot read: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    return parse_standings(data, path)


def parse_standings(data: Any, path: Path) -> Standings:
    if not isinstance(data, dict):
        raise ProblemError(path, "expected a JSON object (a contest.standings response)")
    top = FieldReader(data, path)
    if "status" in data:
        if data["status"] != "OK":
            comment = data.get("comment") or "no comment"
            raise ProblemError(
                path, f"status is {data['status']!r}, not 'OK' ({comment})", field="status"
            )
        result = top.mapping("result", required=True)
        assert result is not None
        top = result
    elif "rows" not in data:
        raise ProblemError(
            path, "expected a contest.standings response (status, result) or its result object"
        )
    c = top.mapping("contest", required=True)
    assert c is not None
    problems = [
        (p.str("index", required=True), p.number("points"))
        for p in top.objects("problems", required=True)
    ]
    if not problems:
        raise ProblemError(path, "no problems", field=top.prefix + "problems")
    rows = []
    others = 0
    for r in top.objects("rows", required=True):
        party = r.mapping("party", required=True)
        assert party is not None
        if party.str("participantType", required=True) != CONTESTANT:
            others += 1
            continue
        results = r.objects("problemResults", required=True)
        if len(results) != len(problems):
            raise ProblemError(
                path,
                f"{len(results)} problem results for {len(problems)} problems",
                field=r.prefix + "problemResults",
            )
        rows.append(
            Row(
                who=_who(party),
                rank=r.int("rank", required=True) or 0,
                points=r.number("points", required=True) or 0.0,
                penalty=r.int("penalty", 0) or 0,
                results=tuple(_result(x) for x in results),
            )
        )
    if not rows:
        raise ProblemError(
            path,
            f"no rows with participantType {CONTESTANT} ({others} other rows)",
            field=top.prefix + "rows",
        )
    return Standings(
        path=path,
        name=c.str("name"),
        type=c.str("type"),
        duration_seconds=c.int("durationSeconds"),
        problems=tuple(problems),
        rows=tuple(rows),
        others=others,
    )


def _result(r: FieldReader) -> ProblemResult:
    return ProblemResult(
        points=r.number("points", required=True) or 0.0,
        rejected=r.int("rejectedAttemptCount", 0) or 0,
        seconds=r.int("bestSubmissionTimeSeconds"),
    )


def _who(party: FieldReader) -> str:
    team = party.data.get("teamName")
    if isinstance(team, str) and team:
        return team
    return ", ".join(
        m.str("handle", required=True) for m in party.objects("members", required=True)
    )
