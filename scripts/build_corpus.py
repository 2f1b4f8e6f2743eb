#!/usr/bin/env python3
"""Build alphasolve's synthetic problem corpus.

    python scripts/build_corpus.py --split test --seed 0 --verify --stats
    python scripts/build_corpus.py --split train --seed 1 --count 30000 --format jsonl --out /tmp/train.jsonl

Deterministic from --seed: problem i of a split is drawn from its own seeded generator, so
the output does not depend on --workers. valid/test hold out whole compositions and
templates that train never uses (scripts/corpus/holdout.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections import Counter
from contextlib import nullcontext
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import grammar
from corpus import holdout as H
from corpus.build import build
from corpus.model import BuiltProblem
from corpus.verify import LocalRunner, verify_all
from corpus.writer import read_native, to_json, write_native

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COUNT = {"train": 30000, "valid": 60, "test": 120}


def _build_one(args: tuple[str, int, int]) -> BuiltProblem:
    return build(*args)


def generate(split: str, seed: int, indices: list[int], workers: int) -> list[BuiltProblem]:
    jobs = [(split, seed, i) for i in indices]
    if workers <= 1 or len(jobs) < 50:
        return [_build_one(j) for j in jobs]
    with Pool(workers) as pool:
        return pool.map(_build_one, jobs, chunksize=64)


def _stream_jsonl(split: str, seed: int, count: int, workers: int, out: Path) -> int:
    jobs = [(split, seed, i) for i in range(count)]
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed when complete: the training script builds its
    # split only when the file is missing, so a build killed halfway must not leave a
    # shorter file under the final name to be trained on as if whole.
    part = out.with_name(out.name + ".part")
    try:
        with part.open("w") as f, Pool(workers) if workers > 1 else nullcontext() as pool:
            built = pool.imap(_build_one, jobs, chunksize=64) if pool else map(_build_one, jobs)
            for p in built:
                f.write(json.dumps(to_json(p), ensure_ascii=False) + "\n")
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, out)
    return count


def _clear(out: Path) -> None:
    """Remove the corpus problems in an output directory (other files, such as a JSON lines
    file beside them, stay; anything else that looks foreign stops the build)."""
    if not out.exists():
        return
    for child in sorted(out.iterdir()):
        if child.is_dir() and (child / "problem.yaml").exists():
            shutil.rmtree(child)
        elif child.is_dir():
            raise SystemExit(
                f"{out} holds {child.name}, which is not a corpus problem; refusing to clear it"
            )


def meaning_stats() -> dict[str, object]:
    ms = grammar.all_meanings()
    kinds = Counter(k for m in ms for k in H.composition_kinds(m))
    return {
        "blocks": len(grammar.blocks()),
        "meanings": len(ms),
        "meanings_train_allowed": sum(1 for m in ms if not H.composition_kinds(m)),
        "meanings_held_out": sum(1 for m in ms if H.composition_kinds(m)),
        "held_out_by_kind": dict(kinds),
        "by_family": dict(Counter(m[0] for m in ms)),
    }


def split_stats(problems: list[BuiltProblem]) -> dict[str, object]:
    lens = sorted(len(p.full_statement()) for p in problems)
    n = len(lens)
    return {
        "problems": n,
        "families": dict(Counter(str(p.meta["kind"]) for p in problems)),
        "holdout": dict(Counter(k for p in problems for k in p.meta["holdout"])),  # type: ignore[union-attr]
        "with_literal": sum(1 for p in problems if p.meta["has_literal"]),
        "statement_chars": {
            "median": lens[n // 2],
            "p90": lens[int(n * 0.9)],
            "max": lens[-1],
            "share_under_700": round(sum(1 for x in lens if x < 700) / n, 3),
        }
        if n
        else {},
        "hidden_tests_mean": round(sum(len(p.tests) for p in problems) / max(1, n), 1),
        "incorrect_variants": sum(len(c) for p in problems for _, c in p.incorrect),
        "variant_kinds": dict(Counter(v.name for p in problems for v, _ in p.incorrect)),
        "mutants_killed": f"{sum(int(p.meta['mutants_killed']) for p in problems)}/"  # type: ignore[call-overload]
        f"{sum(int(p.meta['mutants']) for p in problems)}",  # type: ignore[call-overload]
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=("train", "valid", "test"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, help="output directory (native) or file (jsonl)")
    ap.add_argument("--count", type=int)
    ap.add_argument("--format", choices=("native", "jsonl"), default="native")
    ap.add_argument(
        "--verify", action="store_true", help="run every program with g++/python and drop failures"
    )
    ap.add_argument(
        "--stats", action="store_true", help="print block / meaning counts and split statistics"
    )
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--verify-dir", type=Path, help="only verify the native problems already in this directory"
    )
    args = ap.parse_args(argv)
    if args.verify_dir:
        return _verify_dir(args.verify_dir, args.workers)
    if args.split is None:
        ap.error("--split is required (or --verify-dir)")
    count = args.count if args.count is not None else DEFAULT_COUNT[args.split]
    # JSON lines go to the git-ignored train directory unless --out says otherwise
    default_out = ROOT / "problems" / "corpus" / args.split
    jsonl_out = ROOT / "problems" / "corpus" / "train" / f"{args.split}.jsonl"
    out: Path = args.out or (jsonl_out if args.format == "jsonl" else default_out)

    if args.stats:
        print(json.dumps(meaning_stats(), indent=2))
    start = time.perf_counter()
    if args.format == "jsonl" and not args.verify:
        _stream_jsonl(args.split, args.seed, count, args.workers, out)
        took = time.perf_counter() - start
        print(
            f"wrote {count} {args.split} problems to {out} in {took:.1f}s ({count / took:.0f} problems/s)"
        )
        return 0

    problems = generate(args.split, args.seed, list(range(count)), args.workers)
    took = time.perf_counter() - start
    print(
        f"generated {len(problems)} {args.split} problems in {took:.1f}s ({len(problems) / took:.0f} problems/s)"
    )
    if args.verify:
        problems = _verified(problems, args, count)
    if args.format == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(to_json(p), ensure_ascii=False) + "\n" for p in problems))
    else:
        _clear(out)
        out.mkdir(parents=True, exist_ok=True)
        for p in problems:
            write_native(p, out)
    print(f"wrote {len(problems)} problems to {out}")
    if args.stats:
        print(json.dumps(split_stats(problems), indent=2))
    return 0


def _verified(
    problems: list[BuiltProblem], args: argparse.Namespace, count: int
) -> list[BuiltProblem]:
    """Verify; replace failing problems with the next indices so the split keeps its size."""
    runner = LocalRunner()
    kept: list[BuiltProblem] = []
    next_index, total_var, caught, dropped, unconfirmed = count, 0, 0, 0, 0
    batch = problems
    start = time.perf_counter()
    while batch:
        for p, r in zip(batch, verify_all(batch, runner, args.workers), strict=True):
            total_var += r.variants_total
            caught += r.variants_caught
            unconfirmed += r.unconfirmed
            for e in r.errors:
                print(f"  {p.id}: {e}")
            if r.ok:
                kept.append(p)
            else:
                dropped += 1
        missing = count - len(kept)
        batch = (
            generate(args.split, args.seed, list(range(next_index, next_index + missing)), 1)
            if missing
            else []
        )
        next_index += missing
    kept.sort(key=lambda p: int(p.meta["index"]))  # type: ignore[call-overload]
    took = time.perf_counter() - start
    print(
        f"verified {len(kept) + dropped} problems in {took:.0f}s: {len(kept)} kept, {dropped} dropped; "
        f"incorrect variants caught {caught}/{total_var}"
        + (f" ({unconfirmed} too-slow ones not timed: no big test)" if unconfirmed else "")
    )
    return kept


def _verify_dir(root: Path, workers: int) -> int:
    problems = [read_native(d) for d in sorted(root.iterdir()) if (d / "problem.yaml").exists()]
    start = time.perf_counter()
    results = verify_all(problems, LocalRunner(), workers)
    for r in results:
        for e in r.errors:
            print(f"  {r.id}: {e}")
    bad = [r.id for r in results if not r.ok]
    print(
        f"verified {len(results)} problems in {time.perf_counter() - start:.0f}s: {len(bad)} failed; "
        f"incorrect variants caught {sum(r.variants_caught for r in results)}/{sum(r.variants_total for r in results)}"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
