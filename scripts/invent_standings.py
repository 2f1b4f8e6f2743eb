#!/usr/bin/env python3
"""Write INVENTED standings in the Codeforces API `contest.standings` shape, from a seed.

    python scripts/invent_standings.py --out FILE --problems A:500,B:1000 [--contestants 60]
        [--scoring codeforces|icpc] [--duration 120] [--seed 0] [--name NAME]

For the replay examples only (alphasolve.replay.invent): no network here, so no real round can be fetched. Each invented
contestant has a skill; problem i (harder further on) is solved with a probability falling
with i and rising with skill, at a random minute, after a few random rejections. Points and
penalty follow the same rules as `alphasolve.replay.scoring`, and rows are ranked as
Codeforces ranks them. Every file says it is invented (its `comment` and contest name).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from alphasolve.replay.invent import invent_standings


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
    problems = [(p.split(":")[0], float(p.split(":")[1])) for p in args.problems.split(",")]
    data = invent_standings(
        problems, contestants=args.contestants, codeforces=args.scoring == "codeforces",
        duration=args.duration, seed=args.seed, name=args.name, contest_id=args.contest_id,
    )  # fmt: skip
    args.out.write_text(json.dumps(data, indent=1) + "\n")
    rows = data["result"]["rows"]
    print(f"wrote {args.out}: {len(rows)} invented contestants, {len(problems)} problems")


if __name__ == "__main__":
    main()
