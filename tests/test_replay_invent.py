"""Invented standings (alphasolve.replay.invent): what the committed replay example was
made from, and how its rows are ranked."""

from __future__ import annotations

import itertools
import json

from alphasolve.replay.invent import invent_standings
from tests.conftest import REPO

CORPUS_ROUND = [
    ("A", 500.0),
    ("B", 750.0),
    ("C", 1000.0),
    ("D", 1250.0),
    ("E", 1500.0),
    ("F", 1750.0),
]


def test_the_committed_corpus_round_standings_are_what_the_seed_writes() -> None:
    data = invent_standings(CORPUS_ROUND, contestants=60, seed=3)
    written = (REPO / "problems" / "contests" / "corpus-round.standings").read_text()
    assert json.dumps(data, indent=1) + "\n" == written


def test_rows_are_ranked_with_ties_sharing_the_better_rank_and_say_invented() -> None:
    data = invent_standings([("A", 1.0), ("B", 1.0)], contestants=30, codeforces=False, seed=1)
    assert "INVENTED" in data["comment"] and data["result"]["contest"]["type"] == "ICPC"
    rows = data["result"]["rows"]
    assert len(rows) == 30
    for a, b in itertools.pairwise(rows):
        assert (a["points"], -a["penalty"]) >= (b["points"], -b["penalty"])
        same = (a["points"], a["penalty"]) == (b["points"], b["penalty"])
        assert (a["rank"] == b["rank"]) == same and a["rank"] <= b["rank"]
    assert rows[0]["rank"] == 1
