"""Per-problem sample pools read back from a run directory, plus hidden-test correctness.

A pool is the K samples drawn for one problem, in sampling order (duplicates included: n@k
is defined over draws, not over distinct programs). A sample is *correct* when its program
passes the examples and every hidden test. Programs that fail the examples are never
judged again: they cannot be correct, so only the survivors go to the hidden tests, which
is what keeps evaluation at 1,000 samples per problem affordable on two cores.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property

from alphasolve.candidate import Candidate
from alphasolve.model.sampler import SamplingConfig
from alphasolve.model.samples_io import in_sampling_order
from alphasolve.problem import Problem
from alphasolve.rundir import RunDir
from clustering import Member, expected_draws, input_shape_ok
from judges import Judge, JudgeConfig, Program

__all__ = ["Pool", "draws", "judge_hidden", "load_pool", "restrict", "sampled_group_size"]


@dataclass(frozen=True)
class Pool:
    problem_id: str
    rating: int | None
    samples: tuple[str, ...]  # candidate id of every draw, in sampling order
    languages: Mapping[str, str]  # candidate id -> language
    passed: frozenset[str]  # candidate ids that pass the examples
    correct: frozenset[str]  # ... and every hidden test
    members: Mapping[str, Member]  # survivors with a behaviour signature; draws in the pool
    shape_ok: tuple[bool, ...]  # per generated input: looks like the examples
    verdicts: Mapping[str, str] = field(default_factory=dict)  # survivors: hidden-test verdict
    # Sampled without replacement: each group's draw indices, in the order drawn (a group's
    # draws are distinct programs, so draws are independent only group by group). None:
    # every draw independent.
    groups: tuple[tuple[int, ...], ...] | None = None
    # Every draw's log-likelihood (whole program), in sampling order: what a program drawn
    # without replacement weighs (clustering.expected_draws). Unused when groups is None.
    log_likelihoods: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if self.groups is not None and len(self.log_likelihoods) != len(self.samples):
            raise ValueError(
                f"{self.problem_id}: a pool sampled without replacement needs every draw's "
                f"log-likelihood ({len(self.log_likelihoods)} for {len(self.samples)} draws)"
            )

    @property
    def size(self) -> int:
        return len(self.samples)

    def survivors(self, draws: Iterable[int]) -> list[Member]:
        """The survivors among the draws at these indices, in first-draw order, each
        weighing as many draws as it has among them (not in the whole pool); drawn without
        replacement, its expected draws among them."""
        if self.groups is None:
            weights: Mapping[str, float] = Counter(self.samples[i] for i in draws)
        else:
            group_of = self._group_of
            weights = expected_draws(
                [(group_of[i], self.samples[i], self.log_likelihoods[i]) for i in draws]
            )
        return [replace(self.members[c], draws=w) for c, w in weights.items() if c in self.members]

    @cached_property
    def _group_of(self) -> dict[int, int]:
        """Draw index -> its group's index (groups given); built once, not per budget."""
        return {i: g for g, members in enumerate(self.groups or ()) for i in members}

    def count(self, ids: Iterable[str]) -> int:
        """How many draws are one of `ids`."""
        wanted = set(ids)
        return sum(1 for cid in self.samples if cid in wanted)


def restrict(pool: Pool, language: str) -> Pool:
    """The pool of one language's draws (for per-language results)."""
    kept = [i for i, cid in enumerate(pool.samples) if pool.languages[cid] == language]
    keep = tuple(pool.samples[i] for i in kept)
    ids = set(keep)
    return Pool(
        pool.problem_id,
        pool.rating,
        keep,
        {c: lang for c, lang in pool.languages.items() if c in ids},
        pool.passed & ids,
        pool.correct & ids,
        {c: m for c, m in pool.members.items() if c in ids},
        pool.shape_ok,
        {c: v for c, v in pool.verdicts.items() if c in ids},
        _regroup(pool, language),
        tuple(pool.log_likelihoods[i] for i in kept) if pool.log_likelihoods else (),
    )


def _regroup(pool: Pool, language: str) -> tuple[tuple[int, ...], ...] | None:
    """Pool.groups of one language's draws (a group shares one header, so one language)."""
    if pool.groups is None:
        return None
    kept = [i for i, cid in enumerate(pool.samples) if pool.languages[cid] == language]
    new = {old: j for j, old in enumerate(kept)}
    groups = (tuple(new[i] for i in g if i in new) for g in pool.groups)
    return tuple(g for g in groups if g)


def draws(run: RunDir, pid: str, limit: int) -> list[dict]:
    """The first `limit` sample rows of a problem, in sampling order. Rows come through the
    run directory's per-problem index (RunDir.problem_rows): a 1,000-sample run of 120
    problems has 120,000 sample rows, so neither a scan per problem (quadratic) nor every
    stage file held in memory at once (it grows with the run) is affordable."""
    return in_sampling_order(run.problem_rows("samples", pid))[:limit]


def judge_hidden(
    run: RunDir,
    problems: Sequence[Problem],
    limit: int,
    workers: int = 0,
    progress: Callable[[int], None] = lambda n: None,
    runtimes: tuple[tuple[str, str], ...] = (),
) -> None:
    """Judge every survivor among each problem's first `limit` draws on examples + hidden
    tests, once: results append to the run's `eval` stage, so a killed evaluation resumes.

    One judge and one thread pool for all problems: survivors are few per problem, and a
    judge per problem paid its start-up (zygotes, self-tests) 120 times on the test split."""
    jobs: list[tuple[Problem, Candidate]] = []
    for problem in problems:
        done = {r["candidate_id"] for r in run.problem_rows("eval", problem.id)}
        passed = {r["candidate_id"] for r in run.problem_rows("filter", problem.id) if r["passed"]}
        todo: dict[str, Candidate] = {}
        for r in draws(run, problem.id, limit):
            cid = r["candidate_id"]
            if cid in passed and cid not in done and cid not in todo:
                todo[cid] = Candidate.from_json({k: v for k, v in r.items() if k != "chunk"})
        jobs += [(problem, c) for c in todo.values()]
    if not jobs:
        return
    workers = workers or len(os.sched_getaffinity(0))
    with Judge(JudgeConfig(workers=workers, runtimes=runtimes)) as judge:

        def one(job: tuple[Problem, Candidate]) -> dict:
            problem, c = job
            tests = problem.examples + problem.hidden_tests
            report = judge.judge(problem, Program(c.language, c.code), tests)
            return {
                "problem_id": problem.id,
                "candidate_id": c.candidate_id,
                "correct": report.passed,
                "verdict": str(report.verdict),
            }

        batch: list[dict] = []
        # Twice the slots in threads: one thread compiling C++ leaves the other slot busy.
        with ThreadPoolExecutor(2 * workers) as pool:
            for row in pool.map(one, jobs):
                batch.append(row)
                if len(batch) >= 32:  # persist as we go: a kill loses at most one batch
                    run.append("eval", batch)
                    progress(len(batch))
                    batch = []
        run.append("eval", batch)
        progress(len(batch))


def sampled_group_size(run: RunDir) -> int | None:
    """The size of the groups a run sampled without replacement (its run.json says so),
    else None: its draws are independent."""
    if not run.config_flag("without_replacement"):
        return None
    return SamplingConfig().samples_per_prompt  # the pipeline never changes it


def load_pool(run: RunDir, problem: Problem, limit: int) -> Pool:
    """The pool of the first `limit` draws; `judge_hidden` must have run for them. Drawn
    without replacement (the run says so), in groups consecutive in sampling order."""
    pid = problem.id
    group_size = sampled_group_size(run)
    rows = draws(run, pid, limit)
    samples = tuple(r["candidate_id"] for r in rows)
    languages = {r["candidate_id"]: r["language"] for r in rows}
    ids = set(samples)
    passed = frozenset(
        r["candidate_id"]
        for r in run.problem_rows("filter", pid)
        if r["passed"] and r["candidate_id"] in ids
    )
    judged = [r for r in run.problem_rows("eval", pid) if r["candidate_id"] in ids]
    verdicts = {r["candidate_id"]: r["verdict"] for r in judged}
    missing = passed - verdicts.keys()
    if missing:
        raise RuntimeError(f"{pid}: {len(missing)} survivors were never judged on hidden tests")
    correct = frozenset(r["candidate_id"] for r in judged if r["correct"])
    first = {}
    for r in rows:
        first.setdefault(r["candidate_id"], r)
    times = Counter(samples)
    members = {
        r["candidate_id"]: Member(
            r["candidate_id"],
            tuple(r["signature"]),
            first[r["candidate_id"]]["log_likelihood"]
            / max(1, first[r["candidate_id"]]["num_tokens"]),
            len(first[r["candidate_id"]]["code"]),
            times[r["candidate_id"]],
        )
        for r in run.problem_rows("behaviour", pid)
        if r["candidate_id"] in passed
    }
    inputs = sorted(run.problem_rows("inputs", pid), key=lambda r: r["index"])
    examples = [t.input.text() for t in problem.examples]
    shape_ok = tuple(input_shape_ok(r["input"], examples) for r in inputs)
    groups = None
    if group_size:
        starts = range(0, len(samples), group_size)
        groups = tuple(tuple(range(a, min(a + group_size, len(samples)))) for a in starts)
    log_likelihoods = tuple(r["log_likelihood"] for r in rows)
    return Pool(
        pid, problem.rating, samples, languages, passed, correct, members, shape_ok, verdicts,
        groups, log_likelihoods,
    )  # fmt: skip
