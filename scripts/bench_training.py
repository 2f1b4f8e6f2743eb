"""Training-step throughput of the default model's shape on CPU: glibc's malloc (the baseline)
against jemalloc, which the trainer (scripts/train_default_model.py) preloads when it is installed.

    python scripts/bench_training.py [--steps 12] [--threads N]

Each allocator runs in its own process: the same randomly initialised T5 (d_model 256, 4+4
layers, vocab 2048), the same AdamW step in the precision the training script picks on this
CPU (bf16 autocast where it has bf16 units, float32 elsewhere), and the same batches — random
token ids in the training script's padded (source, target) bucket shapes, sized by its token
budget, one per shape in turn. Prints samples/s, tokens/s and the CPU time the kernel took
per allocator; the last line is `ratio: X` = jemalloc samples/s / glibc samples/s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time


def child(steps: int, threads: int) -> dict:
    import torch

    from alphasolve.model.seq2seq import resolve_dtype
    from alphasolve.train.config import TrainConfig
    from alphasolve.train.data import SRC_BUCKETS, TGT_BUCKETS
    from alphasolve.train.loop import new_model

    torch.set_num_threads(threads)
    dtype = resolve_dtype("auto", "cpu")
    cfg = TrainConfig()
    model = new_model(cfg, cfg.vocab_size, 0, 1)
    optim = torch.optim.AdamW(model.parameters(), lr=1e-4)
    shapes = [(s, t) for s in SRC_BUCKETS for t in TGT_BUCKETS]
    gen = torch.Generator().manual_seed(0)

    def step(k: int) -> tuple[int, int]:
        s, t = shapes[k % len(shapes)]
        batch = max(4, cfg.tokens_per_batch // (s + t))
        ids = torch.randint(3, cfg.vocab_size, (batch, s), generator=gen)
        labels = torch.randint(3, cfg.vocab_size, (batch, t), generator=gen)
        with torch.autocast("cpu", dtype=dtype, enabled=dtype != torch.float32):
            loss = model(input_ids=ids, attention_mask=torch.ones_like(ids), labels=labels).loss
        loss.backward()
        optim.step()
        optim.zero_grad(set_to_none=True)
        return batch, batch * (s + t)

    for k in range(len(shapes)):  # warm-up: every shape once
        step(k)
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    samples = tokens = 0
    for k in range(steps):
        b, n = step(k)
        samples, tokens = samples + b, tokens + n
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "samples_per_s": samples / wall,
        "tokens_per_s": tokens / wall,
        "user_s": after.ru_utime - before.ru_utime,
        "sys_s": after.ru_stime - before.ru_stime,
        "wall_s": wall,
        "dtype": str(dtype).removeprefix("torch."),
    }


def run(env: dict[str, str], steps: int, threads: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--steps", str(steps), "--threads", str(threads)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=16)
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.steps, args.threads)))
        return
    base = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "MALLOC_CONF")}
    from alphasolve.train.memory import jemalloc_env

    with_jemalloc = jemalloc_env(base)
    if with_jemalloc is None:
        print("jemalloc is not installed (Debian/Ubuntu: apt install libjemalloc2)")
        print("ratio: n/a")
        return
    print(
        f"like for like: the same model, {args.steps} timed steps after a warm-up, batches, "
        f"precision and {args.threads} threads; each allocator in its own fresh process"
    )
    results = {}
    for name, env in (("glibc", base), ("jemalloc", with_jemalloc)):
        r = results[name] = run(env, args.steps, args.threads)
        print(
            f"{name:9s} {r['samples_per_s']:7.1f} samples/s {r['tokens_per_s']:8.0f} tokens/s "
            f"cpu user {r['user_s']:.1f} s, kernel {r['sys_s']:.1f} s, wall {r['wall_s']:.1f} s, "
            f"{r['dtype']}",
            flush=True,
        )
    print("ratio = jemalloc samples/s / glibc samples/s")
    print(f"ratio: {results['jemalloc']['samples_per_s'] / results['glibc']['samples_per_s']:.2f}")


if __name__ == "__main__":
    main()
