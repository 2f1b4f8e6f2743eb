#!/usr/bin/env python3
"""Write INVENTED standings in the Codeforces API `contest.standings` shape, from a seed.

    python scripts/invent_standings.py --out FILE --problems A:500,B:1000 [--contestants 60]
        [--scoring codeforces|icpc] [--duration 120] [--seed 0] [--name NAME]

For the replay examples only: no network here, so no real round can be fetched. Each invented
contestant has a skill; problem i (harder further on) is solved with a probability falling
with i and rising with skill, at a random minute, after a few random rejections. Points and
penalty follow the same rules as `alphasolve.replay.scoring`, and rows are ranked as
Codeforces ranks them. Every file says it is invented (its `comment` and contest name).
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--problems", required=True, help="INDEX:POINTS,... (points: codeforces)")
    parser.add_argument("--contestants", type=int, default=60)
    parser.add_argument("--scoring", choices=("codeforces", "icpc"), default="codeforces")
    parser.add_argument("--duration", type=int, default=120, help="minutes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--name", default="alphasolve Corpus Round (invented)")
    parser.add_argument("--contest-id", type=int, default=9902)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    problems = [(p.split(":")[0], float(p.split(":")[1])) for p in args.problems.split(",")]
    cf = args.scoring == "codeforces"
    rows = []
    handles: set[str] = set()
    while len(handles) < args.contestants:
        handles.add(f"{rng.choice(WORDS)}_{rng.choice(ANIMALS)}{rng.randrange(100)}")
    for handle in sorted(handles):
        skill = rng.gauss(0.0, 1.2)
        results, points, penalty = [], 0.0, 0
        for i, (_, p) in enumerate(problems):
            solve_p = 1 / (1 + math.exp(-(skill + 2.0 - 1.1 * i)))
            rejected = min(rng.choices((0, 1, 2, 3), (60, 25, 10, 5))[0], 5)
            if rng.random() < solve_p:
                minute = min(args.duration - 1, int(rng.uniform(0.1, 0.9) ** 0.8 * args.duration))
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
            "contestId": args.contest_id, "members": [{"handle": handle}],
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
                "id": args.contest_id,
                "name": args.name,
                "type": "CF" if cf else "ICPC",
                "phase": "FINISHED",
                "durationSeconds": args.duration * 60,
            },
            "problems": [
                {"contestId": args.contest_id, "index": idx, "type": "PROGRAMMING"}
                | ({"points": p} if cf else {})
                for idx, p in problems
            ],
            "rows": rows,
        },
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote {args.out}: {len(rows)} invented contestants, {len(problems)} problems")


if __name__ == "__main__":
    main()
