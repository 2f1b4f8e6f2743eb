"""`alphasolve replay` end to end: the fake sampler on two demo problems, an embedded Ray."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from alphasolve.cli import main
from alphasolve.replay import Score, load_contest, place
from tests.conftest import REPO

os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # tests write no ~/.ray token

CONTEST = REPO / "tests" / "fixtures" / "replay" / "two-problems.yaml"
SPREAD_MINUTES = {14, 62, 110}  # AlphaCode's schedule on a 2-hour contest


def test_replay_two_problems_then_resume_on_the_measured_clock(
    tmp_path: Path, ray_local: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "replay"
    args = ["replay", str(CONTEST), "--out", str(out), "--sampler", "fake", "--samples", "8"]
    assert main(args) == 0
    text = capsys.readouterr().out
    report = json.loads((out / "replay.json").read_text())
    assert (out / "replay.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"rank {report['rank']}/6" in text and "two-gifts" in text

    assert report["contestants"] == 6 and report["contest"]["rows_not_contestants"] == 1
    assert [p["label"] for p in report["problems"]] == ["A", "B"]
    penalty = 0
    for p in report["problems"]:
        assert 1 <= p["picks"] <= 10 and len(p["attempts"]) <= p["picks"]
        assert [a["pick"] for a in p["attempts"]] == list(range(1, len(p["attempts"]) + 1))
        assert {a["minute"] for a in p["attempts"]} <= SPREAD_MINUTES
        verdicts = [a["verdict"] for a in p["attempts"]]
        assert "AC" not in verdicts[:-1]  # submitting stops at the first accepted pick
        assert p["solved"] == (verdicts[-1:] == ["AC"])
        assert p["rejections"] == sum(a["counted"] for a in p["attempts"])
        if p["solved"]:
            assert p["accepted_pick"] == len(verdicts)
            assert p["penalty"] == p["minute"] + 20 * p["rejections"]
            penalty += p["penalty"]
    total = report["total"]
    assert total["solved"] == sum(p["solved"] for p in report["problems"])
    assert total["penalty"] == penalty
    # the rank is the hand-made standings' (tests/fixtures/replay/icpc-small.standings.json)
    contest = load_contest(CONTEST)
    field = [Score(round(r.points), r.penalty, r.points) for r in contest.standings.rows]
    expected = place(contest.rules, Score(**total), field)
    assert (report["rank"], report["better"], report["tied"]) == (
        expected.rank, expected.better, expected.tied
    )  # fmt: skip
    assert report["percentile"] == pytest.approx(expected.percentile)

    # Again on the measured clock: the run is resumed (nothing sampled again), JSON to stdout.
    samples = (out / "run" / "samples.jsonl").read_text()
    assert samples.count("\n") == 16
    assert main([*args, "--clock", "measured", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (out / "run" / "samples.jsonl").read_text() == samples
    assert again["config"]["clock"]["kind"] == "measured"
    ready = [p["ready_minute"] for p in again["problems"]]
    assert 0 < ready[0] <= ready[1]  # problems solved one after another, in contest order
    for p in again["problems"]:
        for k, a in enumerate(p["attempts"]):
            assert a["minute"] == pytest.approx(p["ready_minute"] + k)  # one a minute

    # A clock so slow that every pick would come after the end: nothing is submitted, and
    # 0 solved ties the one contestant who solved nothing, at the bottom.
    assert main([*args, "--clock", "measured", "--time-scale", "1e6", "--json"]) == 0
    late = json.loads(capsys.readouterr().out)
    assert all(p["attempts"] == [] and not p["solved"] for p in late["problems"])
    assert (late["rank"], late["better"], late["tied"]) == (6, 5, 1)
    assert late["percentile"] == pytest.approx(100 / 6)
