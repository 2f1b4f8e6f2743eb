"""Pipeline stages on a real demo problem with the FakeSampler and the real judge."""

from __future__ import annotations

from alphasolve.candidate import dedupe
from alphasolve.formats import load_problem
from alphasolve.model.fake import FakeSampler
from alphasolve.model.sampler import SamplingConfig
from alphasolve.pipeline.mutate import mutate_inputs
from alphasolve.pipeline.stages import behaviour, choose, fallback_picks, filter_on_examples
from judges import Judge, Program
from tests.conftest import REPO


def test_mutations_keep_structure_and_are_deterministic() -> None:
    examples = ["3\n1 5 2\n", "2\n7 7\n"]
    a = mutate_inputs(examples, 8, seed=1)
    assert a == mutate_inputs(examples, 8, seed=1) and len(a) == 8 and len(set(a)) == 8
    for text in a:
        lines = text.splitlines()
        assert lines[0] in ("3", "2")
        assert len(lines[1].split()) == int(lines[0])
        assert all(1 <= int(t) <= 7 for t in lines[1].split())
    assert mutate_inputs([], 5, 0) == []


def test_filter_behaviour_and_picks(judge: Judge) -> None:
    problem = load_problem(REPO / "problems" / "rope-teams")
    candidates = dedupe(FakeSampler().sample(problem, 40, seed=3, config=SamplingConfig()))
    outcomes = filter_on_examples(judge, problem, candidates)
    survivors = [c for c, o in zip(candidates, outcomes, strict=True) if o.passed]
    assert survivors and len(survivors) < len(candidates)
    inputs = mutate_inputs([t.input.text() for t in problem.examples], 12, seed=0)
    signatures = behaviour(judge, problem, survivors, inputs)
    assert set(signatures) == {c.candidate_id for c in survivors}
    selection = choose(problem, survivors, signatures, inputs)
    assert selection.picks
    first = next(c for c in survivors if c.candidate_id == selection.picks[0])
    report = judge.judge(problem, Program(first.language, first.code), problem.hidden_tests)
    assert report.passed  # the top cluster's representative solves the hidden tests
    assert fallback_picks(candidates, outcomes, 3)[0] in {c.candidate_id for c in survivors}


def test_judge_slots_share_the_judge_resource_within_one_node() -> None:
    from alphasolve.pipeline.solve import judge_slots

    assert judge_slots(3, 1, [2.0]) == 3  # asked for: taken as is
    assert judge_slots(0, 1, [2.0]) == 2  # one machine: a slot per core
    assert judge_slots(0, 2, [8.0, 8.0]) == 8  # one actor per node
    assert judge_slots(0, 1, [8.0, 8.0]) == 8  # never more than a node holds
    assert judge_slots(0, 4, [2.0, 0.0]) == 1  # at least one
    assert judge_slots(0, 1, []) == 1
