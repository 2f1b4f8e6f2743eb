"""Filter, behaviour and selection for one problem, given a judge (no Ray, no files)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from alphasolve.candidate import Candidate
from alphasolve.problem import Problem
from alphasolve.records import FilterRecord, SampleRecord
from alphasolve.selectors import DEFAULT_SELECTOR, get_selector
from clustering import Member, Selection, expected_draws, input_shape_ok, signature
from judges import Blob, Judge, TestCase, Verdict
from judges.judge import BatchJob

__all__ = [
    "behaviour",
    "choose",
    "draw_weights",
    "fallback_picks",
    "filter_on_examples",
]


def filter_on_examples(
    judge: Judge, problem: Problem, candidates: Sequence[Candidate]
) -> list[FilterRecord]:
    """Judge each distinct program on every example (there are few): survivors pass all,
    and the count passed ranks the fallback when nothing survives.

    All (program, example) pairs go through the judge's batch API, so compiles and runs
    use every slot: judged one program at a time, C++ compiles kept all but one core idle."""
    examples = list(problem.examples)
    jobs = [
        BatchJob(
            f"{i}\0{j}",
            c.language,
            c.code,
            t,
            judge.limits_for(problem, c.language),
            problem.checker,
            problem.interactor,  # interactive: the example interactions
        )
        for i, c in enumerate(candidates)
        for j, t in enumerate(examples)
    ]
    verdicts: list[list[Verdict]] = [[Verdict.AC] * len(examples) for _ in candidates]
    for job, result in judge.run_many(jobs):
        i, _, j = job.key.partition("\0")
        verdicts[int(i)][int(j)] = result.verdict
    out = []
    for c, row in zip(candidates, verdicts, strict=True):
        passed = sum(v is Verdict.AC for v in row)
        first = next((v for v in row if v is not Verdict.AC), Verdict.AC)  # in example order
        out.append(
            FilterRecord(problem.id, c.candidate_id, str(first), passed, first is Verdict.AC)
        )
    return out


def behaviour(
    judge: Judge, problem: Problem, survivors: Sequence[Candidate], inputs: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    """Each survivor's signature over the generated inputs (all pairs on all slots). On an
    interactive problem the inputs are the interactor's, each run is a conversation with it,
    and a cell is (the interactor's verdict, the digest of what the program said)."""
    tests = [TestCase(f"gen-{j}", Blob.of(text)) for j, text in enumerate(inputs)]
    jobs = [
        BatchJob(
            f"{c.candidate_id}\0{j}",
            c.language,
            c.code,
            t,
            judge.limits_for(problem, c.language),
            interactor=problem.interactor,
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


def draw_weights(rows: Sequence[SampleRecord], group_size: int | None) -> Mapping[str, float]:
    """Each program's weight in its cluster (`choose`'s `draws`), from one problem's samples
    in sampling order (samples_io.in_sampling_order): its draws, or, drawn without
    replacement in groups of `group_size`, its expected draws (clustering.expected_draws)."""
    if group_size is None:
        return Counter(r.candidate_id for r in rows)
    return expected_draws(
        [(i // group_size, r.candidate_id, r.candidate.log_likelihood) for i, r in enumerate(rows)]
    )


def choose(
    problem: Problem,
    survivors: Sequence[Candidate],
    signatures: dict[str, tuple[str, ...]],
    inputs: Sequence[str],
    n: int = 10,
    selector: str = DEFAULT_SELECTOR,
    draws: Mapping[str, float] | None = None,
) -> Selection:
    """The picks among the survivors; `draws`: how many samples were each survivor, or its
    expected draws where they were drawn without replacement (1 for any not given), the
    weight of its vote in its cluster."""
    draws = draws or {}
    examples = [t.input.text() for t in problem.examples]
    shape_ok = [input_shape_ok(text, examples) for text in inputs]
    members = [
        Member(
            c.candidate_id,
            signatures[c.candidate_id],
            c.log_likelihood / max(1, c.num_tokens),
            len(c.code),
            draws.get(c.candidate_id, 1),
        )
        for c in survivors
    ]
    return get_selector(selector)(members, shape_ok, n)


def fallback_picks(
    candidates: Sequence[Candidate], outcomes: Sequence[FilterRecord], n: int = 10
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
