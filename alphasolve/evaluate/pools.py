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
from alphasolve.problem import Problem
from alphasolve.problem_state import ProblemState
from alphasolve.records import EvalRecord
from alphasolve.rundir import RunDir
from clustering import Member, expected_draws, input_shape_ok
from judges import Judge, JudgeConfig, Program

__all__ = ["Pool", "judge_hidden", "load_pool", "restrict", "sampled_group_size"]


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
    judge per problem paid its start-up (zygotes, self-tests) once per problem."""
    jobs: list[tuple[Problem, Candidate]] = []
    for problem in problems:  # one problem's state at a time: memory stays flat
        state = ProblemState(run, problem.id)
        todo: dict[str, Candidate] = {}
        for r in state.draws(limit):
            cid = r.candidate_id
            passed = cid in state.filtered and state.filtered[cid].passed
            if passed and cid not in state.evals and cid not in todo:
                todo[cid] = r.candidate
        jobs += [(problem, c) for c in todo.values()]
    if not jobs:
        return
    workers = workers or len(os.sched_getaffinity(0))
    with Judge(JudgeConfig(workers=workers, runtimes=runtimes)) as judge:

        def one(job: tuple[Problem, Candidate]) -> EvalRecord:
            problem, c = job
            tests = problem.examples + problem.hidden_tests
            report = judge.judge(problem, Program(c.language, c.code), tests)
            return EvalRecord(problem.id, c.candidate_id, report.passed, str(report.verdict))

        batch: list[EvalRecord] = []

        def flush() -> None:
            run.write(batch)
            progress(len(batch))
            batch.clear()

        # Twice the slots in threads: one thread compiling C++ leaves the other slot busy.
        with ThreadPoolExecutor(2 * workers) as pool:
            for row in pool.map(one, jobs):
                batch.append(row)
                if len(batch) >= 32:  # persist as we go: a kill loses at most one batch
                    flush()
        flush()


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
    state = ProblemState(run, pid)
    rows = state.draws(limit)
    samples = tuple(r.candidate_id for r in rows)
    # Each program as first drawn, in sampling order among these draws (as solve takes it:
    # ProblemState.survivors), not as first written to the file
    first: dict[str, Candidate] = {}
    for r in rows:
        first.setdefault(r.candidate_id, r.candidate)
    ids = set(samples)
    languages = {c: first[c].language for c in ids}
    passed = frozenset(c for c in ids if c in state.filtered and state.filtered[c].passed)
    judged = [r for c, r in state.evals.items() if c in ids]
    verdicts = {r.candidate_id: r.verdict for r in judged}
    missing = passed - verdicts.keys()
    if missing:
        raise RuntimeError(f"{pid}: {len(missing)} survivors were never judged on hidden tests")
    correct = frozenset(r.candidate_id for r in judged if r.correct)
    times = Counter(samples)
    members = {}
    for cid, sig in state.signatures.items():
        if cid in passed:
            c = first[cid]
            members[cid] = Member(
                cid, sig, c.log_likelihood / max(1, c.num_tokens), len(c.code), times[cid]
            )
    examples = [t.input.text() for t in problem.examples]
    shape_ok = tuple(input_shape_ok(text, examples) for text in state.inputs or [])
    groups = None
    if group_size:
        starts = range(0, len(samples), group_size)
        groups = tuple(tuple(range(a, min(a + group_size, len(samples)))) for a in starts)
    log_likelihoods = tuple(r.candidate.log_likelihood for r in rows)
    return Pool(
        pid, problem.rating, samples, languages, passed, correct, members, shape_ok, verdicts,
        groups, log_likelihoods,
    )  # fmt: skip
