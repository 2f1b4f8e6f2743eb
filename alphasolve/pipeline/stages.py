"""Filter, behaviour and selection for one problem, given a judge (no Ray, no files)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from alphasolve.candidate import Candidate
from alphasolve.problem import Problem
from clustering import Member, Selection, input_shape_ok, select, signature
from clustering.scorer import DEFAULT_SCORER, get_scorer
from judges import Blob, Judge, Program, TestCase, Verdict
from judges.judge import BatchJob

__all__ = ["FilterOutcome", "behaviour", "choose", "fallback_picks", "filter_on_examples"]


@dataclass(frozen=True)
class FilterOutcome:
    candidate_id: str
    verdict: str  # the first failing example's verdict, or AC
    examples_passed: int
    passed: bool


def filter_on_examples(
    judge: Judge, problem: Problem, candidates: Sequence[Candidate]
) -> list[FilterOutcome]:
    """Judge each distinct program on every example (there are few): survivors pass all,
    and the count passed ranks the fallback when nothing survives."""
    out = []
    for c in candidates:
        report = judge.judge(
            problem, Program(c.language, c.code), problem.examples, stop_on_first_failure=False
        )
        passed = sum(r.verdict is Verdict.AC for r in report.tests)
        out.append(
            FilterOutcome(c.candidate_id, str(report.verdict), passed, report.verdict is Verdict.AC)
        )
    return out


def behaviour(
    judge: Judge, problem: Problem, survivors: Sequence[Candidate], inputs: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    """Each survivor's signature over the generated inputs (all pairs on all slots)."""
    tests = [TestCase(f"gen-{j}", Blob.of(text)) for j, text in enumerate(inputs)]
    jobs = [
        BatchJob(
            f"{c.candidate_id}\0{j}", c.language, c.code, t, judge.limits_for(problem, c.language)
        )
        for c in survivors
        for j, t in enumerate(tests)
    ]
    cells: dict[str, list[tuple[str, str]]] = {
        c.candidate_id: [("", "")] * len(tests) for c in survivors
    }
    for job, result in judge.run_many(jobs):
        cid, _, j = job.key.partition("\0")
        cells[cid][int(j)] = (str(result.verdict), result.output_digest)
    return {cid: signature(row) for cid, row in cells.items()}


def choose(
    problem: Problem,
    survivors: Sequence[Candidate],
    signatures: dict[str, tuple[str, ...]],
    inputs: Sequence[str],
    n: int = 10,
    scorer: str = DEFAULT_SCORER,
) -> Selection:
    examples = [t.input.text() for t in problem.examples]
    shape_ok = [input_shape_ok(text, examples) for text in inputs]
    members = [
        Member(
            c.candidate_id,
            signatures[c.candidate_id],
            c.log_likelihood / max(1, c.num_tokens),
            len(c.code),
        )
        for c in survivors
    ]
    return select(members, shape_ok, n, score=get_scorer(scorer))


def fallback_picks(
    candidates: Sequence[Candidate], outcomes: Sequence[FilterOutcome], n: int = 10
) -> list[str]:
    """Nothing passed the examples: the programs that passed most examples, then the
    likeliest, rather than submitting nothing."""
    by_id = {c.candidate_id: c for c in candidates}
    ranked = sorted(
        outcomes,
        key=lambda o: (
            -o.examples_passed,
            o.verdict == "CE",
            -by_id[o.candidate_id].log_likelihood,
            o.candidate_id,
        ),
    )
    return [o.candidate_id for o in ranked[:n]]
