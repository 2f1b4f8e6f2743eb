"""`alphasolve replay CONTEST --out DIR`: rank the picks against a past contest's standings."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from alphasolve.cli.solve_cmd import ProgressBars, add_pipeline_arguments, pipeline_config
from alphasolve.errors import AlphasolveError
from alphasolve.replay.contest import load_contest
from alphasolve.replay.scoring import Clock, ClockKind, ScoringKind

HELP = "replay a past contest: solve its problems, submit on a simulated clock, rank"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contest", type=Path, metavar="CONTEST", help="a contest YAML file")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DIR",
        help="output directory: the solve run in DIR/run (resumed), DIR/replay.json, DIR/replay.png",
    )  # fmt: skip
    add_pipeline_arguments(parser)
    parser.add_argument(
        "--clock", choices=[k.value for k in ClockKind], default=Clock.kind.value,
        help="when picks are submitted: spread (AlphaCode's schedule, default) or measured "
        "(the pipeline's own wall time)",
    )  # fmt: skip
    parser.add_argument(
        "--time-scale", type=float, default=Clock.time_scale, metavar="X",
        help="measured clock: multiply the pipeline's wall time by X",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print replay.json to stdout")


def run(args: argparse.Namespace) -> int:
    contest = load_contest(args.contest)  # bad input fails before Ray is imported
    if args.time_scale <= 0:
        raise AlphasolveError("--time-scale must be positive")
    from alphasolve.replay.run import ReplayConfig, replay  # imports ray

    cfg = ReplayConfig(
        solve=pipeline_config(args),
        clock=Clock(kind=ClockKind(args.clock), time_scale=args.time_scale),
    )
    bars = ProgressBars(args.samples * len(contest.problems))
    result = replay(contest, args.out, cfg, args.address, bars)
    bars.close()
    if args.json:
        print(json.dumps(result.to_json(), indent=2))
        return 0
    icpc = contest.rules.kind is ScoringKind.ICPC
    print(
        f"{contest.name}: {contest.rules.kind.value}, {contest.duration_seconds / 60:g} min, "
        f"clock {cfg.clock.kind.value}, {len(contest.standings.rows)} contestants"
    )
    score_head = "penalty" if icpc else "points"
    w = max([24, *(len(r.problem_id) for r in result.problems)])
    print(
        f"{'':<3} {'problem':<{w}} {'picks':>5} {'tried':>5} {'accepted':>8} {'minute':>6} "
        f"{'rejected':>8} {score_head:>7}"
    )
    for r in result.problems:
        s = r.score
        accepted = f"pick {r.submissions[-1].attempt.pick}" if s.solved else "-"
        value = (f"{s.penalty}" if icpc else f"{s.points:g}") if s.solved else "-"
        print(
            f"{r.label:<3} {r.problem_id:<{w}} {r.picks:>5} {len(r.submissions):>5} "
            f"{accepted:>8} {s.minute if s.solved else '-':>6} {s.rejections:>8} {value:>7}"
        )
    t, p = result.total, result.placement
    score = f"{t.solved} solved, penalty {t.penalty}" if icpc else f"{t.points:g} points"
    print(f"total: {score}")
    print(
        f"rank {p.rank}/{p.contestants} ({p.tied} tied), percentile {p.percentile:.1f} "
        f"(beat or tie {p.contestants - p.better} of {p.contestants}), top {p.top_percent:.1f}%"
    )
    print(f"wrote {args.out / 'replay.json'}, {args.out / 'replay.png'}")
    return 0
