"""Pipeline stages on a real demo problem with the FakeSampler and the real judge."""

from __future__ import annotations

import pytest

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


def test_draw_weights_count_draws_or_expected_draws_in_sampling_order() -> None:
    import math

    from alphasolve.candidate import Candidate
    from alphasolve.model.samples_io import in_sampling_order
    from alphasolve.pipeline.stages import draw_weights
    from alphasolve.records import SampleRecord

    # Two chunks of 4, groups of 2 within each: chunk 0 was cut short by a kill after its
    # first row, chunk 1 finished meanwhile, and chunk 0's other rows came on resuming.
    def row(chunk: int, cid: str, p: float) -> SampleRecord:
        c = Candidate("p", cid, "python3", "", 800, (), 1.0, 0, math.log(p), 1)
        return SampleRecord(c, chunk)

    rows = [row(0, "b", 0.3),
            row(1, "a", 0.5), row(1, "b", 0.1), row(1, "a", 0.5), row(1, "c", 0.2),
            row(0, "b", 0.3), row(0, "a", 0.6), row(0, "d", 0.01)]  # fmt: skip
    ordered = in_sampling_order(rows)
    assert [(r.chunk, r.candidate_id) for r in ordered] == [
        (0, "b"), (0, "b"), (0, "a"), (0, "d"), (1, "a"), (1, "b"), (1, "a"), (1, "c")
    ]  # fmt: skip
    assert draw_weights(ordered, None) == {"b": 3, "a": 3, "d": 1, "c": 1}
    # groups (b b) (a d) (a b) (a c), 2 draws each; the first group's repeated row is one
    # program: b 2 * (0.3 + 0.1), a 2 * (0.6 + 0.5 + 0.5), d 2 * 0.01, c 2 * 0.2
    weights = draw_weights(ordered, 2)
    assert list(weights) == ["b", "a", "d", "c"]
    assert weights == pytest.approx({"b": 0.8, "a": 3.2, "d": 0.02, "c": 0.4})
    # the wrong order (as appended) groups other draws together and gives other weights
    assert draw_weights(rows, 2) != pytest.approx(draw_weights(ordered, 2))


def node(node_id: str, alive: bool = True, **resources: float) -> dict:
    return {"NodeID": node_id, "Alive": alive, "Resources": resources}


def test_placement_follows_the_cluster_shape() -> None:
    from alphasolve.errors import AlphasolveError
    from alphasolve.pipeline.solve import Placement, SolveConfig, plan_placement

    laptop = [node("a", CPU=2, judge=2)]
    assert plan_placement(SolveConfig(), laptop) == Placement(1, 0.0, (("a", 2),))
    # two GPU nodes and two judge nodes (one dead): a sampler per GPU, a judge per node
    cluster = [node("g1", CPU=8, GPU=4), node("g2", CPU=8, GPU=4),
               node("j1", CPU=16, judge=16), node("j2", CPU=8, judge=8),
               node("j3", alive=False, judge=8)]  # fmt: skip
    auto = plan_placement(SolveConfig(), cluster)
    assert auto == Placement(8, 1.0, (("j1", 16), ("j2", 8)))
    half = plan_placement(SolveConfig(sampler_gpus=0.5), cluster)
    assert half.samplers == 16 and half.sampler_gpus == 0.5
    fixed = plan_placement(SolveConfig(sampler_actors=3, judge_actors=3, judge_workers=4), cluster)
    assert fixed == Placement(3, 1.0, ((None, 4),) * 3)
    assert plan_placement(SolveConfig(judge_workers=2), cluster).judges == (("j1", 2), ("j2", 2))
    with pytest.raises(AlphasolveError, match="need 9 GPUs; the cluster has 8"):
        plan_placement(SolveConfig(sampler_actors=9), cluster)
    with pytest.raises(AlphasolveError, match=r"^no node offers the 'judge' resource \(nodes: "):
        plan_placement(SolveConfig(), [node("g1", CPU=8, GPU=1)])


def test_judge_nodes_are_checked_for_the_executors_that_will_judge() -> None:
    """--python-runtime pypy3: a judge node must pass pypy3's self-test, not python3's (else a
    node without PyPy passes the start-up check and every Python program comes back JE)."""
    from alphasolve.pipeline.solve import SolveConfig

    assert SolveConfig().judged_with(("python3", "cpp17")) == ("python3", "cpp17")
    pypy = SolveConfig(python_runtime="pypy3")
    assert pypy.judged_with(("python3", "cpp17")) == ("pypy3", "cpp17")
    assert pypy.runtimes == (("python3", "pypy3"),)
