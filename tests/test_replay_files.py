"""Contest files and saved Codeforces standings: parsing, and one clear line per mistake."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from alphasolve.cli import main
from alphasolve.replay import ScoringKind, load_contest, load_standings, place
from alphasolve.replay.scoring import Rules, Score
from alphasolve.replay.standings import Row
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "replay"
DEMO = REPO / "problems" / "contests" / "demo-round.yaml"


def row_score(rules: Rules, row: Row) -> Score:
    from alphasolve.replay.run import row_score as score  # imports ray

    return score(rules, row)


def test_icpc_standings_fixture_hand_computed() -> None:
    s = load_standings(FIXTURES / "icpc-small.standings.json")
    assert (s.name, s.type, s.duration_seconds) == ("Replay Test Round (invented)", "ICPC", 7200)
    assert s.problems == (("A", None), ("B", None))
    assert [r.who for r in s.rows] == ["alice", "bob", "carol", "dave", "erin", "frank"]
    assert s.others == 1  # grace took part virtually
    carol = s.rows[2]
    assert (carol.rank, carol.points, carol.penalty) == (3, 1.0, 14)
    assert carol.results[1].rejected == 2 and carol.results[1].seconds is None
    assert carol.results[0].seconds == 859


def test_codeforces_bare_result_fixture() -> None:
    s = load_standings(FIXTURES / "cf-round.result.json")
    assert s.type == "CF" and s.problems == (("A", 500.0), ("B", 1000.0))
    assert [(r.who, r.points) for r in s.rows] == [
        ("u1", 1452.0), ("u2", 472.0), ("u3", 472.0), ("u4", 150.0), ("u5", 0.0)
    ]  # fmt: skip
    assert s.others == 1


@pytest.mark.parametrize(
    "contest", [DEMO, FIXTURES / "two-problems.yaml", FIXTURES / "cf-round.yaml"]
)
def test_our_ranking_reproduces_the_standings_ranks(contest: Path) -> None:
    """Each contestant, ranked by `place` against all the others, gets the rank Codeforces gave."""
    c = load_contest(contest)
    scores = [row_score(c.rules, r) for r in c.standings.rows]
    for i, row in enumerate(c.standings.rows):
        assert place(c.rules, scores[i], scores[:i] + scores[i + 1 :]).rank == row.rank, row.who


def test_demo_contest_loads() -> None:
    c = load_contest(DEMO)
    assert c.rules.kind is ScoringKind.ICPC and c.duration_seconds == 7200
    assert [p.label for p in c.problems] == ["A", "B", "C", "D"]
    assert [p.problem.id for p in c.problems][:2] == ["two-gifts", "closed-stations"]
    assert len(c.standings.rows) == 48 and c.standings.others == 4
    assert c.start == "2024-05-01T14:35:00+00:00"
    assert {r.rank for r in c.standings.rows if r.who in ("velvet_raven75", "quiet_tapir")} == {25}


def test_codeforces_points_from_the_file_or_the_standings() -> None:
    c = load_contest(FIXTURES / "cf-round.yaml")
    assert c.rules.kind is ScoringKind.CODEFORCES and c.rules.decay_minutes == 250
    assert [p.points for p in c.problems] == [500.0, 1000.0]
    assert c.duration_seconds == 7200  # from the standings' durationSeconds


# ----- malformed files: exit code 2 and one line naming the file and the field -----

TWO_GIFTS = str(REPO / "problems" / "two-gifts")
CLOSED = str(REPO / "problems" / "closed-stations")
STANDINGS = json.loads((FIXTURES / "icpc-small.standings.json").read_text())


def contest(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Broken Round",
        "scoring": "icpc",
        "duration_minutes": 120,
        "standings": "standings.json",
        "problems": [{"label": "A", "path": TWO_GIFTS}, {"label": "B", "path": CLOSED}],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def standings(change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    data = copy.deepcopy(STANDINGS)
    change(data)
    return data


def set_in(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """`set_in("result.rows.0.rank", 3)`; value None deletes the key."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is None:
            del node[last]
        else:
            node[last] = value

    return change


CASES: dict[str, tuple[str | dict[str, Any], str | dict[str, Any], list[str]]] = {
    "yaml-does-not-parse": ("name: x\nproblems: [\n  {label: A\n", STANDINGS, ["contest.yaml:", "invalid YAML"]),
    "missing-name": (contest(name=None), STANDINGS, ["field 'name'", "missing required field"]),
    "unknown-scoring": (contest(scoring="ioi"), STANDINGS, ["field 'scoring'", "unknown scoring 'ioi'"]),
    "problems-not-a-list": (contest(problems="A B"), STANDINGS, ["field 'problems'"]),
    "problem-without-path": (contest(problems=[{"label": "A"}]), STANDINGS, ["field 'problems[0].path'", "missing"]),
    "problem-missing": (
        contest(problems=[{"label": "A", "path": TWO_GIFTS}, {"label": "B", "path": "nowhere"}]),
        STANDINGS, ["field 'problems[1].path'", "no such problem"],
    ),
    "problem-does-not-load": (
        contest(problems=[{"label": "A", "path": str(REPO / "tests" / "fixtures" / "kattis" / "broken" / "negative-time-limit")},
                          {"label": "B", "path": CLOSED}]),
        STANDINGS, ["field 'problems[0].path'", "does not load", "negative-time-limit"],
    ),
    "duration-wrong-type": (contest(duration_minutes="long"), STANDINGS, ["field 'duration_minutes'", "expected a number"]),
    "duration-disagrees": (contest(duration_minutes=150), STANDINGS, ["field 'duration_minutes'", "standings say 120"]),
    "label-mismatch": (
        contest(problems=[{"label": "A", "path": TWO_GIFTS}, {"label": "C", "path": CLOSED}]),
        STANDINGS, ["field 'problems'", "do not match the standings' problems ['A', 'B']"],
    ),
    "scoring-disagrees": (contest(scoring="codeforces"), STANDINGS, ["field 'scoring'", "contest type 'ICPC'"]),
    "standings-missing": (contest(standings="nope.json"), STANDINGS, ["field 'standings'", "no such standings file", "nope.json"]),
    "standings-not-json": (contest(), '{"status": "OK",\n  "result": }', ["standings.json:2", "not valid JSON"]),
    "standings-status-failed": (
        contest(), {"status": "FAILED", "comment": "contestId: Contest with id 1 not found"},
        ["field 'status'", "status is 'FAILED'", "not found"],
    ),
    "standings-rows-missing": (contest(), standings(set_in("result.rows", None)), ["field 'result.rows'", "missing required field"]),
    "standings-rank-wrong-type": (
        contest(), standings(set_in("result.rows.0.rank", "first")), ["field 'result.rows[0].rank'", "expected an integer"],
    ),
    "standings-no-contestants": (
        contest(), standings(lambda d: d["result"].update(rows=d["result"]["rows"][1:2])),
        ["field 'result.rows'", "no rows with participantType CONTESTANT"],
    ),
    "standings-result-count": (
        contest(), standings(lambda d: d["result"]["rows"][0]["problemResults"].pop()),
        ["field 'result.rows[0].problemResults'", "1 problem results for 2 problems"],
    ),
    "standings-not-a-response": (contest(), {"contest": {}}, ["expected a contest.standings response"]),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_contest_is_one_line_and_exit_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contest_data, standings_data, fragments = CASES[name]
    path = tmp_path / "contest.yaml"
    path.write_text(
        contest_data if isinstance(contest_data, str) else json.dumps(contest_data)
    )  # JSON is YAML
    (tmp_path / "standings.json").write_text(
        standings_data if isinstance(standings_data, str) else json.dumps(standings_data)
    )
    code = main(["replay", str(path), "--out", str(tmp_path / "out"), "--sampler", "fake"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err
    assert not (tmp_path / "out").exists()  # nothing was run


def test_codeforces_points_that_disagree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cf = json.loads((FIXTURES / "cf-round.result.json").read_text())
    (tmp_path / "standings.json").write_text(json.dumps(cf))
    path = tmp_path / "contest.yaml"
    problems = [{"label": "A", "path": TWO_GIFTS, "points": 750}, {"label": "B", "path": CLOSED}]
    path.write_text(json.dumps(contest(scoring="codeforces", problems=problems)))
    assert main(["replay", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "field 'problems[0].points'" in err and "750 but the standings give 500" in err
