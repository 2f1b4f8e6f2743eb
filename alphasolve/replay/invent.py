"""INVENTED standings in the Codeforces API `contest.standings` shape, from a seed.

For the replay examples only: no network here, so no real round can be fetched. Each invented
contestant has a skill; problem i (harder further on) is solved with a probability falling
with i and rising with skill, at a random minute, after a few random rejections. Points and
penalty follow the same rules as `alphasolve.replay.scoring`, and rows are ranked as
Codeforces ranks them. Every file says it is invented (its `comment` and contest name).
scripts/invent_standings.py is the command line.
"""

from __future__ import annotations

import math
import random

__all__ = ["invent_standings"]

WORDS = [
    "swift",
    "brave",
    "quiet",
    "lucky",
    "clever",
    "bold",
    "calm",
    "eager",
    "keen",
    "wise",
    "sly",
    "merry",
    "noble",
    "rapid",
    "sharp",
    "amber",
    "cobalt",
    "crimson",
    "golden",
    "silver",
    "ivory",
    "jade",
    "scarlet",
    "azure",
    "coral",
]
ANIMALS = [
    "marmot",
    "otter",
    "heron",
    "lynx",
    "badger",
    "falcon",
    "ibis",
    "koala",
    "lemur",
    "panda",
    "puffin",
    "quokka",
]


def invent_standings(
    problems: list[tuple[str, float]],
    *,
    contestants: int = 60,
    codeforces: bool = True,
    duration: int = 120,
    seed: int = 0,
    name: str = "alphasolve Corpus Round (invented)",
    contest_id: int = 9902,
) -> dict:
    """The `contest.standings` response of an invented contest: `problems` are (index,
    points) pairs (points count under Codeforces rules only), `duration` in minutes."""
    rng = random.Random(seed)
    cf = codeforces
    rows = []
    handles: set[str] = set()
    while len(handles) < contestants:
        handles.add(f"{rng.choice(WORDS)}_{rng.choice(ANIMALS)}{rng.randrange(100)}")
    for handle in sorted(handles):
        skill = rng.gauss(0.0, 1.2)
        results, points, penalty = [], 0.0, 0
        for i, (_, p) in enumerate(problems):
            solve_p = 1 / (1 + math.exp(-(skill + 2.0 - 1.1 * i)))
            rejected = min(rng.choices((0, 1, 2, 3), (60, 25, 10, 5))[0], 5)
            if rng.random() < solve_p:
                minute = min(duration - 1, int(rng.uniform(0.1, 0.9) ** 0.8 * duration))
                if cf:
                    got = max(0.3 * p, p - p / 250 * minute - 50 * rejected)
                else:
                    got, penalty = 1.0, penalty + minute + 20 * rejected
                points += got
                results.append(
                    {"points": round(got, 2) if cf else 1.0, "rejectedAttemptCount": rejected,
                     "type": "FINAL", "bestSubmissionTimeSeconds": minute * 60 + rng.randrange(60)}
                )  # fmt: skip
            else:
                results.append(
                    {
                        "points": 0.0,
                        "rejectedAttemptCount": rng.choice((0, 0, 1, 2)),
                        "type": "FINAL",
                    }
                )
        party = {
            "contestId": contest_id, "members": [{"handle": handle}],
            "participantType": "CONTESTANT", "ghost": False,
        }  # fmt: skip
        rows.append({"party": party, "points": round(points, 2), "penalty": penalty,
                     "problemResults": results})  # fmt: skip
    rows.sort(key=lambda r: (-r["points"], r["penalty"]))
    for r in rows:  # ties share the better rank, as on Codeforces
        r["rank"] = 1 + sum(
            (o["points"], -o["penalty"]) > (r["points"], -r["penalty"]) for o in rows
        )
    data = {
        "status": "OK",
        "comment": "INVENTED standings for an alphasolve replay example: not a real contest",
        "result": {
            "contest": {
                "id": contest_id,
                "name": name,
                "type": "CF" if cf else "ICPC",
                "phase": "FINISHED",
                "durationSeconds": duration * 60,
            },
            "problems": [
                {"contestId": contest_id, "index": idx, "type": "PROGRAMMING"}
                | ({"points": p} if cf else {})
                for idx, p in problems
            ],
            "rows": rows,
        },
    }
    return data
