"""Whole splits: generating, verifying and writing many problems at once.

Problem i of a split is drawn from its own seeded generator (build.py), so a split does not
depend on the number of workers. A held-out split kept apart from others (`Avoid`) is built
in index order instead, each problem also avoiding the ones before it, so it never repeats
a meaning or a reference program either.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from contextlib import nullcontext
from multiprocessing import Pool
from pathlib import Path

from alphasolve.errors import AlphasolveError

from .build import build
from .disjoint import Avoid
from .model import BuiltProblem
from .verify import LocalRunner, verify_all
from .writer import read_native, to_json, write_native

__all__ = [
    "DEFAULT_COUNT",
    "build_split",
    "clear_split_dir",
    "generate",
    "read_split",
    "stream_jsonl",
    "verified",
    "verify_dir",
    "write_split",
]

log = logging.getLogger(__name__)

DEFAULT_COUNT = {"train": 30000, "valid": 60, "test": 120}


def build_one(job: tuple[str, int, int]) -> BuiltProblem:
    """`build` on one (split, seed, index) tuple: what a process pool maps."""
    return build(*job)


def generate(
    split: str, seed: int, indices: list[int], workers: int, avoid: Avoid | None = None
) -> list[BuiltProblem]:
    if avoid is not None:
        built: list[BuiltProblem] = []
        for i in indices:
            built.append(build(split, seed, i, avoid))
            avoid = avoid.plus(built[-1])
        return built
    jobs = [(split, seed, i) for i in indices]
    if workers <= 1 or len(jobs) < 50:
        return [build_one(j) for j in jobs]
    with Pool(workers) as pool:
        return pool.map(build_one, jobs, chunksize=64)


def stream_jsonl(split: str, seed: int, count: int, workers: int, out: Path) -> int:
    """Problems 0..count-1 as JSON lines, written as they are built (a train split of 40,000
    does not fit in memory as problems)."""
    jobs = [(split, seed, i) for i in range(count)]
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed when complete: the trainer builds its split
    # only when the file is missing, so a build killed halfway must not leave a shorter
    # file under the final name to be trained on as if whole.
    part = out.with_name(out.name + ".part")
    try:
        with part.open("w") as f, Pool(workers) if workers > 1 else nullcontext() as pool:
            built = pool.imap(build_one, jobs, chunksize=64) if pool else map(build_one, jobs)
            for p in built:
                f.write(json.dumps(to_json(p), ensure_ascii=False) + "\n")
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, out)
    return count


def clear_split_dir(out: Path) -> None:
    """Remove the corpus problems in an output directory (other files, such as a JSON lines
    file beside them, stay; a directory that is not a corpus problem stops the build)."""
    if not out.exists():
        return
    for child in sorted(out.iterdir()):
        if child.is_dir() and (child / "problem.yaml").exists():
            shutil.rmtree(child)
        elif child.is_dir():
            raise AlphasolveError(
                f"{out} holds {child.name}, which is not a corpus problem; refusing to clear it"
            )


def write_split(problems: list[BuiltProblem], out: Path, fmt: str) -> None:
    """Native problem directories under `out` (replacing the corpus problems there), or
    one JSON lines file `out`."""
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(to_json(p), ensure_ascii=False) + "\n" for p in problems))
        return
    clear_split_dir(out)
    out.mkdir(parents=True, exist_ok=True)
    for p in problems:
        write_native(p, out)


def read_split(root: Path) -> list[BuiltProblem]:
    """The native problems written into `root`, in id order."""
    return [read_native(d) for d in sorted(root.iterdir()) if (d / "problem.yaml").exists()]


def verified(
    problems: list[BuiltProblem],
    split: str,
    seed: int,
    workers: int,
    avoid: Avoid | None = None,
) -> list[BuiltProblem]:
    """Run every program; replace a failing problem with the next unused index, so the
    split keeps its size (a kept-apart split also avoids every problem built so far)."""
    runner = LocalRunner()
    count = len(problems)
    if avoid is not None:
        avoid = avoid.plus(*problems)
    kept: list[BuiltProblem] = []
    next_index = 1 + max((int(p.meta["index"]) for p in problems), default=-1)  # type: ignore[call-overload]
    total_var = caught = dropped = unconfirmed = 0
    batch = problems
    start = time.perf_counter()
    while batch:
        for p, r in zip(batch, verify_all(batch, runner, workers), strict=True):
            total_var += r.variants_total
            caught += r.variants_caught
            unconfirmed += r.unconfirmed
            for e in r.errors:
                log.warning("  %s: %s", p.id, e)
            if r.ok:
                kept.append(p)
            else:
                dropped += 1
        missing = count - len(kept)
        indices = list(range(next_index, next_index + missing))
        batch = generate(split, seed, indices, 1, avoid) if missing else []
        if avoid is not None:
            avoid = avoid.plus(*batch)
        next_index += missing
    kept.sort(key=lambda p: int(p.meta["index"]))  # type: ignore[call-overload]
    took = time.perf_counter() - start
    log.info(
        "verified %d problems in %.0fs: %d kept, %d dropped; incorrect variants caught %d/%d%s",
        len(kept) + dropped, took, len(kept), dropped, caught, total_var,
        f" ({unconfirmed} too-slow ones not timed: no big test)" if unconfirmed else "",
    )  # fmt: skip
    return kept


def verify_dir(root: Path, workers: int) -> list[str]:
    """Verify the native problems already in `root`; the ids of those that fail."""
    problems = read_split(root)
    start = time.perf_counter()
    results = verify_all(problems, LocalRunner(), workers)
    for r in results:
        for e in r.errors:
            log.warning("  %s: %s", r.id, e)
    bad = [r.id for r in results if not r.ok]
    log.info(
        "verified %d problems in %.0fs: %d failed; incorrect variants caught %d/%d",
        len(results), time.perf_counter() - start, len(bad),
        sum(r.variants_caught for r in results), sum(r.variants_total for r in results),
    )  # fmt: skip
    return bad


def build_split(
    split: str,
    seed: int,
    count: int,
    out: Path,
    *,
    fmt: str = "native",
    workers: int = 2,
    verify: bool = False,
    avoid: Avoid | None = None,
) -> list[BuiltProblem] | None:
    """Generate a split and write it to `out`: the problems written, or None for JSON lines
    streamed without verifying (they are never all in memory)."""
    start = time.perf_counter()
    if fmt == "jsonl" and not verify and avoid is None:
        stream_jsonl(split, seed, count, workers, out)
        took = time.perf_counter() - start
        log.info("wrote %d %s problems to %s in %.1fs (%.0f problems/s)",
                 count, split, out, took, count / took)  # fmt: skip
        return None
    problems = generate(split, seed, list(range(count)), workers, avoid)
    took = time.perf_counter() - start
    log.info("generated %d %s problems in %.1fs (%.0f problems/s)",
             len(problems), split, took, len(problems) / took)  # fmt: skip
    if verify:
        problems = verified(problems, split, seed, workers, avoid)
    write_split(problems, out, fmt)
    log.info("wrote %d problems to %s", len(problems), out)
    return problems
