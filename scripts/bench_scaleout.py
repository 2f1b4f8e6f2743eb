#!/usr/bin/env python3
"""Scale-out of `solve` over sampler actors, on a simulated cluster on this machine.

    python scripts/bench_scaleout.py [--problems 64] [--samples 256] [--chunk-seconds 0.25]

A Ray cluster from `ray.cluster_utils` on this machine: a head node holding the `judge`
resource (real judges, real programs) and GPU nodes whose GPUs are SIMULATED: their sampler
(alphasolve.model.simulated) sleeps for a GPU's time per chunk, using no CPU, and returns
the fake sampler's programs. So N sampler actors behave like N GPUs, and what is measured
is how busy the scheduler keeps them, not this machine's cores.

The same problems are solved with 1, 2, 4 and 8 sampler actors, each with the scheduler
keeping many problems open (default --max-open-problems) and, in the same run, with
--max-open-problems 1 (one problem at a time: the loop before the scheduler). For each:
samples/s against the ideal (N x one actor's samples/s with many problems open: one unit
for both ways, so their rows compare) and the share of the run each sampler was busy. Last lines: `scaling_8: X` (8 actors'
samples/s over 8 x one actor's, many problems open) and `sampler_busy: Y` (the 8 samplers'
mean busy share).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("RAY_AUTH_MODE", "disabled")

from alphasolve.formats import load_problems  # noqa: E402
from alphasolve.model.simulated import SETTINGS_FILE  # noqa: E402
from alphasolve.pipeline.config import AUTO, SolveConfig  # noqa: E402

SOLUTION = "a, b = map(int, input().split())\nprint(a + b + {k})\n"


def write_problems(root: Path, n: int) -> Path:
    """`n` small native problems (add two numbers and the problem's own constant), each
    with one accepted Python solution: the fake sampler's pool is it and two broken
    variants, so the judges' work per problem is small and alike."""
    for k in range(n):
        d = root / f"p{k:04d}"
        for sub in ("examples", "tests", "solutions"):
            (d / sub).mkdir(parents=True)
        (d / "problem.yaml").write_text(f"name: Sum {k}\ntime_limit: 1.0\nmemory_limit: 64\n")
        (d / "statement.md").write_text(
            f"Print a + b + {k}.\n\n## Input\na b\n\n## Output\nA number.\n"
        )
        (d / "examples" / "1.in").write_text("1 2\n")
        (d / "examples" / "1.ans").write_text(f"{3 + k}\n")
        (d / "tests" / "1.in").write_text("5 7\n")
        (d / "tests" / "1.ans").write_text(f"{12 + k}\n")
        (d / "solutions" / "main.py").write_text(SOLUTION.format(k=k))
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=64)
    parser.add_argument("--samples", type=int, default=256, help="per problem")
    parser.add_argument("--chunk-seconds", type=float, default=0.25,
                        help="simulated GPU time per chunk of 64 samples")  # fmt: skip
    parser.add_argument("--gpu-nodes", type=int, default=4, help="nodes sharing the 8 GPUs")
    parser.add_argument("--judge-slots", type=int, default=2)
    args = parser.parse_args()

    import ray
    from ray.cluster_utils import Cluster

    from alphasolve.pipeline.solve import solve

    work = Path(tempfile.mkdtemp(prefix="bench-scaleout-"))
    problems = load_problems([write_problems(work / "problems", args.problems)])
    model = work / "simulated-gpu"
    model.mkdir()
    (model / SETTINGS_FILE).write_text(json.dumps({"chunk_seconds": args.chunk_seconds}))
    per_node = 8 // args.gpu_nodes
    cluster = Cluster(
        initialize_head=True,
        head_node_args={"num_cpus": 2, "resources": {"judge": args.judge_slots},
                        "include_dashboard": False},
    )  # fmt: skip
    for _ in range(args.gpu_nodes):
        cluster.add_node(num_cpus=per_node, num_gpus=per_node)
    ray.init(address=cluster.address, log_to_driver=False)
    print(f"SIMULATED cluster: 1 judge node ({args.judge_slots} real judge slots), "
          f"{args.gpu_nodes} nodes x {per_node} SIMULATED GPUs "
          f"({args.chunk_seconds:g} s of sleep per chunk of 64 samples, fake sampler's programs); "
          f"{args.problems} problems x {args.samples} samples")  # fmt: skip
    results: dict[tuple[str, int], tuple[float, float]] = {}
    peak = 64 / args.chunk_seconds  # one simulated GPU that never waits and costs nothing
    try:
        for label, open_limit in (("many open", AUTO), ("one open", 1)):
            for n in (1, 2, 4, 8):
                cfg = SolveConfig(
                    samples=args.samples, sampler="simulated-gpu", model_dir=model,
                    model_inputs=2, mutated_inputs=2, sampler_actors=n,
                    max_open_problems=open_limit,
                )  # fmt: skip
                out = work / f"run-{open_limit}-{n}"
                solve(problems, out, cfg)
                info = json.loads((out / "run.json").read_text())["scheduler"]
                rate = args.problems * args.samples / info["wall_s"]
                busy = info["busy_share"]["sampler"]
                results[label, n] = (rate, sum(busy) / len(busy))
                one = results["many open", 1][0]  # one actor, measured: the ideal's unit
                print(f"{label:<10} (max open {info['max_open_problems']:>2}) {n} sampler actors: "
                      f"{rate:7.1f} samples/s, ideal {n * one:7.1f} (x{rate / (n * one):.2f}), "
                      f"simulated-GPU peak {n * peak:7.1f} (x{rate / (n * peak):.2f}), "
                      f"samplers busy {results[label, n][1]:.2f}, {info['wall_s']:.1f} s",
                      flush=True)  # fmt: skip
    finally:
        ray.shutdown()
        cluster.shutdown()
    base = results["one open", 8][0] / (8 * results["many open", 1][0])
    print(f"baseline (one problem open): scaling_8 {base:.2f}, "
          f"sampler_busy {results['one open', 8][1]:.2f}")  # fmt: skip
    print(f"scaling_8: {results['many open', 8][0] / (8 * results['many open', 1][0]):.2f}")
    print(f"sampler_busy: {results['many open', 8][1]:.2f}")


if __name__ == "__main__":
    main()
