"""Evaluation: selectors on literal pools against brute force, the summary, perplexity, and
`alphasolve eval` end to end with the fake sampler."""

from __future__ import annotations

import itertools
import json
import math
import os
import subprocess
import sys
from math import exp
from pathlib import Path

import pytest

from alphasolve.evaluate.ablation import (
    SUBSET_SELECTORS,
    budgets,
    evaluate_pool,
    solved_share,
    subset_n_at,
    subset_picks,
)
from alphasolve.evaluate.pools import Pool, restrict
from alphasolve.evaluate.summary import difficulty, summarise
from clustering import Member, alphacode_picks, pass_at_k
from clustering.metrics import random_subsets
from tests.conftest import REPO

SIG_RIGHT = ("o:1", "o:2", "o:3", "o:4", "o:5")
SIG_WRONG = ("o:1", "o:2", "o:9", "o:4", "o:5")


def literal_pool() -> Pool:
    """8 draws: r1 r1 r2 (right, one behaviour), w1 w2 (wrong, another behaviour), x1 x2 x3
    (fail the examples). The right cluster is the larger one among survivors."""
    samples = ("r1", "w1", "x1", "r1", "x2", "r2", "w2", "x3")
    langs = {c: ("cpp17" if c in ("r2", "w2", "x3") else "python3") for c in samples}
    members = {
        "r1": Member("r1", SIG_RIGHT, -0.1, 50),
        "r2": Member("r2", SIG_RIGHT, -0.2, 60),
        "w1": Member("w1", SIG_WRONG, -0.05, 40),
        "w2": Member("w2", SIG_WRONG, -0.3, 70),
    }
    return Pool(
        "p", 1100, samples, langs, frozenset({"r1", "r2", "w1", "w2"}), frozenset({"r1", "r2"}),
        members, (True,) * 5, {"r1": "AC", "r2": "AC", "w1": "WA", "w2": "WA"},
    )  # fmt: skip


def brute_alphacode(pool: Pool, k: int, n: int) -> float:
    """Exact expectation of AlphaCode's selector over every k-subset of the draws."""
    hits = []
    for subset in itertools.combinations(range(pool.size), k):
        members = pool.survivors(subset)
        picks = alphacode_picks(members, n) if members else []
        hits.append(any(c in pool.correct for c in picks))
    return sum(hits) / len(hits)


def test_closed_forms_match_definitions() -> None:
    pool = literal_pool()
    r = evaluate_pool(pool, budgets(8), (1, 10), ("random", "filtered-random"), subsets=1)
    assert r.draws == 8 and r.unique == 7 and r.passed_draws == 5 and r.correct_draws == 3
    for k in (1, 8):
        assert r.pass_at[k] == pytest.approx(pass_at_k(8, 3, k))
        assert r.n_at["random"][1][k] == pytest.approx(pass_at_k(8, 3, 1))
    # filtered-random, one pick from the whole pool: 3 of the 5 survivor draws are right
    assert r.n_at["filtered-random"][1][8] == pytest.approx(3 / 5)
    assert r.n_at["filtered-random"][10][8] == pytest.approx(1.0)


def test_cluster_selector_subsets_converge_to_brute_force() -> None:
    pool = literal_pool()
    exact = brute_alphacode(pool, 3, 1)
    assert 0 < exact < 1
    r = evaluate_pool(pool, [3], (1,), ("alphacode",), subsets=4000, seed=1)
    assert r.n_at["alphacode"][1][3] == pytest.approx(exact, abs=0.03)
    # the whole pool: both clusters have 2 distinct programs, but the right one has 3 draws
    # (r1 twice) against 2, so both selectors submit it first
    whole = evaluate_pool(pool, [8], (1, 10), ("alphacode", "alphasolve"), subsets=5)
    assert whole.n_at["alphacode"][1][8] == 1.0 and whole.n_at["alphasolve"][1][8] == 1.0


def test_survivors_weigh_their_draws_in_the_subset() -> None:
    pool = literal_pool()  # r1 w1 x1 r1 x2 r2 w2 x3
    assert [(m.candidate_id, m.draws) for m in pool.survivors(range(8))] == [
        ("r1", 2), ("w1", 1), ("r2", 1), ("w2", 1)
    ]  # fmt: skip
    # r1 drawn once in this subset, whatever its count in the pool; x1 did not survive
    assert [(m.candidate_id, m.draws) for m in pool.survivors([2, 3, 1])] == [("r1", 1), ("w1", 1)]
    # two draws of w1 against one of r1: the wrong cluster is submitted first
    lopsided = Pool("q", None, ("w1", "r1", "w1"), {"w1": "python3", "r1": "python3"},
                    frozenset({"w1", "r1"}), frozenset({"r1"}),
                    {"w1": pool.members["w1"], "r1": pool.members["r1"]}, (True,) * 5)  # fmt: skip
    r = evaluate_pool(lopsided, [3], (1, 10), ("alphacode",), subsets=1)
    assert r.n_at["alphacode"][1][3] == 0.0 and r.n_at["alphacode"][10][3] == 1.0


def test_at_one_draw_every_cluster_selector_reads_the_closed_form() -> None:
    # k = 1: a selector can only submit the one draw if it survives, as filtered-random does,
    # so the control variate makes 3 subsets give the exact 3/8 (plainly: 0, 1/3, 2/3 or 1).
    r = evaluate_pool(literal_pool(), [1], (1, 10), ("filtered-random", "alphacode", "alphasolve"),
                      subsets=3)  # fmt: skip
    assert r.n_at["filtered-random"][1][1] == pytest.approx(3 / 8)
    for s in ("alphacode", "alphasolve"):
        assert r.n_at[s][1][1] == pytest.approx(3 / 8, abs=1e-12)
        assert r.n_at[s][10][1] == pytest.approx(3 / 8, abs=1e-12)


def test_the_control_variate_keeps_the_mean_and_cuts_the_spread() -> None:
    pool = literal_pool()
    pickers = {"alphacode": SUBSET_SELECTORS["alphacode"]()}
    exact = brute_alphacode(pool, 2, 1)
    corrected, plain = [], []
    for seed in range(200):  # 200 evaluations of 5 subsets each
        corrected.append(subset_n_at(pool, 2, pickers, (1,), 5, seed)["alphacode"][1])
        picks = subset_picks(pool, random_subsets(pool.size, 2, 5, seed), pickers, 1)
        plain.append(solved_share(picks["alphacode"], pool.correct))
    # sd over seeds: ~0.10 corrected, ~0.21 plain; the mean of 200 is within ~0.007 of exact
    assert abs(sum(corrected) / 200 - exact) < 0.03
    spread = [max(v) - min(v) for v in (corrected, plain)]
    sd = [(sum((x - sum(v) / 200) ** 2 for x in v) / 200) ** 0.5 for v in (corrected, plain)]
    assert sd[0] < 0.7 * sd[1] and spread[0] <= spread[1]


def test_no_survivor_in_a_subset_counts_as_unsolved() -> None:
    pool = literal_pool()
    failing = Pool("q", None, ("x1", "x2"), {"x1": "python3", "x2": "python3"}, frozenset(),
                   frozenset(), {}, (True,) * 5)  # fmt: skip
    r = evaluate_pool(failing, [1, 2], (1, 10), ("random", "filtered-random", "alphasolve"))
    assert all(v == 0.0 for s in r.n_at.values() for per_k in s.values() for v in per_k.values())
    assert restrict(pool, "cpp17").samples == ("r2", "w2", "x3")
    assert restrict(pool, "cpp17").correct == frozenset({"r2"})


def test_budgets() -> None:
    assert budgets(1000) == [1, 10, 100, 1000]
    assert budgets(250) == [1, 10, 100, 250]
    assert budgets(1) == [1]


def test_summary_means_intervals_and_groups() -> None:
    pool = literal_pool()
    solved = evaluate_pool(pool, [1, 8], (1, 10), ("random", "filtered-random"), subsets=1)
    unsolved = evaluate_pool(
        Pool("q", 2000, ("x1",) * 8, {"x1": "python3"}, frozenset(), frozenset(), {}, ()),
        [1, 8], (1, 10), ("random", "filtered-random"), subsets=1,
    )  # fmt: skip
    m = summarise([solved, unsolved], {"python3": [solved]}, seed=0)
    assert m["budgets"] == [1, 8]
    cell = m["n_at"]["filtered-random"]["10"]["8"]
    assert cell["mean"] == pytest.approx(0.5) and cell["low"] <= 0.5 <= cell["high"]
    assert m["pass_at"]["8"]["mean"] == pytest.approx(0.5)
    # paired difference at 1@8: random 3/8 vs filtered-random 3/5 on the solved problem, 0 vs 0
    assert m["vs_baseline"]["random"]["1"]["8"]["mean"] == pytest.approx((3 / 8 - 3 / 5) / 2)
    assert set(m["by_difficulty"]) == {"rating 1000-1199", "rating >= 1600"}
    assert m["solved_at_largest"]["filtered-random"] == 1
    assert difficulty(None) == "unrated" and difficulty(800) == "rating < 1000"


def test_scorer_perplexity_matches_the_model_loss(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from alphasolve.evaluate.perplexity import perplexity
    from alphasolve.formats import load_problem
    from alphasolve.model.seq2seq import Seq2SeqSampler
    from tests.test_model_samplers import PROBLEM_DIR, save_tiny_model

    sampler = Seq2SeqSampler(save_tiny_model(tmp_path))
    pairs = [("a statement", "print(1)\n"), ("another, longer statement", "x = 2\nprint(x)\n")]
    scored = sampler.score_pairs(pairs)
    for (prompt, target), (nll, tokens) in zip(pairs, scored, strict=True):
        enc = sampler.tokenizer([prompt], return_tensors="pt")
        labels = sampler.tokenizer([target], return_tensors="pt")["input_ids"]
        with torch.no_grad():
            loss = sampler.model(**enc, labels=labels).loss.item()
        assert tokens == labels.shape[1]
        assert nll / tokens == pytest.approx(loss, rel=1e-4)
    result = perplexity(sampler, [load_problem(PROBLEM_DIR)])
    assert set(result) == {"python3", "cpp17"}
    for lang in result.values():
        assert lang["perplexity"] == pytest.approx(exp(lang["nll_per_token"]))
        assert lang["perplexity"] > 1.0 and lang["programs"] >= 1


def test_eval_cli_end_to_end_and_reuse(tmp_path: Path) -> None:
    out = tmp_path / "run"
    env = dict(os.environ, RAY_AUTH_MODE="disabled")
    problems = [str(REPO / "problems" / name) for name in ("rope-teams", "two-gifts")]
    cmd = [sys.executable, "-m", "alphasolve.cli", "eval", *problems, "--samples", "24",
           "--sampler", "fake", "--subsets", "5", "--out", str(out)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "10@k" in done.stdout and "alphasolve" in done.stdout
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["problems"] == 2 and metrics["budgets"] == [1, 10, 24]
    assert {"random", "filtered-random", "alphacode", "alphasolve"} <= set(metrics["selectors"])
    # the fake sampler draws the problems' own accepted solutions among wrong ones
    assert metrics["pass_at"]["24"]["mean"] == 1.0
    assert metrics["n_at"]["alphasolve"]["10"]["24"]["mean"] > 0
    assert set(metrics["by_language"]) == {"python3", "cpp17"}
    assert metrics["verdicts"]["examples"] and metrics["verdicts"]["hidden tests"]["AC"] > 0
    for name in ("solve_rate.png", "verdicts.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = (out / "report.md").read_text()
    assert "solve_rate.png" in report and "rope-teams" in (out / "problems.md").read_text()
    judged = (out / "eval.jsonl").read_text()
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    assert again.returncode == 0, again.stderr[-3000:]
    assert (out / "eval.jsonl").read_text() == judged  # nothing judged twice


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--selectors", "random,best"], "unknown selector 'best'"),
        (["--subsets", "0"], "--subsets must be at least 1"),
        (["--samples", "0"], "--samples must be at least 1"),
    ],
)
def test_eval_bad_arguments(tmp_path: Path, capsys, extra: list[str], message: str) -> None:
    from alphasolve.cli import main

    code = main(["eval", str(REPO / "problems" / "rope-teams"), "--out", str(tmp_path / "r"),
                 "--sampler", "fake", *extra])  # fmt: skip
    assert code == 2 and message in capsys.readouterr().err


def test_a_pool_sampled_without_replacement_is_evaluated_by_groups() -> None:
    """Groups r1 w1 x1 r1 | x2 r2 w2 x3: a budget below the group size is one group's first
    draws, not any k draws (iid pass@1 would be 3/8: the first draws make it 1/2)."""
    from dataclasses import replace

    pool = replace(literal_pool(), groups=((0, 1, 2, 3), (4, 5, 6, 7)), log_likelihoods=(-1.0,) * 8)
    r = evaluate_pool(pool, [1, 2, 4, 8], (1,), ("random", "filtered-random"), seed=3)
    assert r.pass_at == {1: 0.5, 2: 1.0, 4: 1.0, 8: 1.0}
    # k = 2: the budgets {r1, w1} and {x2, r2}; one random pick is right half the time in
    # each, and filtered-random picks among the survivors: 1/2 and 1 (r2 alone)
    assert r.n_at["random"][1][2] == pytest.approx(0.5)
    assert r.n_at["filtered-random"][1][2] == pytest.approx(0.75, abs=0.03)
    # a language's draws keep their groups (a group shares one header, so one language)
    assert restrict(pool, "cpp17").groups == ((0, 1, 2),)
    assert restrict(pool, "python3").groups == ((0, 1, 2, 3), (4,))


def test_drawn_without_replacement_a_program_weighs_its_probability_not_its_count() -> None:
    """Two groups of 4 sampled without replacement: the right program r1 (p = 0.9 under each
    header) is drawn once per group, three wrong long shots (p = 0.01, one behaviour) five
    times in all. Counting draws submits the wrong cluster (5 against 2); expected draws
    (4 * 0.9 per group against 4 * 0.01 per program and group) submit the right one."""
    from dataclasses import replace

    samples = ("w1", "r1", "w2", "w3", "r1", "w1", "w2", "x1")
    right, wrong = math.log(0.9), math.log(0.01)
    lls = tuple(right if c == "r1" else wrong for c in samples)
    base = literal_pool()
    members = {
        "r1": base.members["r1"],
        **{w: Member(w, SIG_WRONG, -0.05, 40) for w in ("w1", "w2", "w3")},
    }
    iid = Pool("q", None, samples, dict.fromkeys(samples, "python3"),
               frozenset(members), frozenset({"r1"}), members, (True,) * 5)  # fmt: skip
    swor = replace(iid, groups=((0, 1, 2, 3), (4, 5, 6, 7)), log_likelihoods=lls)
    by_id = {m.candidate_id: m.draws for m in swor.survivors(range(8))}
    assert by_id == pytest.approx({"w1": 0.08, "r1": 7.2, "w2": 0.08, "w3": 0.04})
    # a budget of 6: the first group and the second group's first 2 draws (r1, w1)
    part = {m.candidate_id: m.draws for m in swor.survivors(range(6))}
    assert part == pytest.approx({"w1": 0.06, "r1": 5.4, "w2": 0.04, "w3": 0.04})
    for pool, right_first in ((iid, False), (swor, True)):
        r = evaluate_pool(pool, [8], (1,), ("alphacode", "alphasolve"), subsets=1)
        assert r.n_at["alphacode"][1][8] == r.n_at["alphasolve"][1][8] == float(right_first)
    # restricting to a language keeps each draw's log-likelihood beside it
    assert restrict(swor, "python3").log_likelihoods == lls
    with pytest.raises(ValueError, match="needs every draw's log-likelihood"):
        replace(iid, groups=((0, 1, 2, 3), (4, 5, 6, 7)))


def test_the_run_says_whether_it_was_sampled_without_replacement(tmp_path: Path) -> None:
    from alphasolve.evaluate.pools import sampled_group_size
    from alphasolve.model.sampler import SamplingConfig
    from alphasolve.rundir import RunDir

    run = RunDir(tmp_path)
    assert sampled_group_size(run) is None  # no run.json yet
    run.update_info(config={"without_replacement": "False", "samples": "24"})
    assert sampled_group_size(run) is None
    run.update_info(config={"without_replacement": "True", "samples": "24"})
    assert sampled_group_size(run) == SamplingConfig().samples_per_prompt


def test_a_pool_takes_each_program_as_first_drawn_not_as_first_written(tmp_path: Path) -> None:
    """Chunks land in samples.jsonl in the order they finish; the pool must describe a program
    by its first draw in sampling order (as `solve` does), whatever the file order."""
    from alphasolve.candidate import Candidate
    from alphasolve.evaluate.pools import load_pool
    from alphasolve.formats import load_problems
    from alphasolve.records import BehaviourRecord, EvalRecord, FilterRecord, SampleRecord
    from alphasolve.rundir import RunDir

    problem = load_problems([REPO / "problems" / "two-gifts"])[0]

    def draw(code: str, log_likelihood: float) -> Candidate:
        return Candidate.create(
            problem_id=problem.id, language="python3", code=code, rating=800, tags=(),
            temperature=1.0, seed=0, log_likelihood=log_likelihood, num_tokens=10,
        )  # fmt: skip

    early = draw("print(1)\n", -1.0)  # chunk 0: drawn first
    late = draw("print(1)   # the same program, another text\n", -50.0)  # chunk 1
    assert early.candidate_id == late.candidate_id and early.code != late.code
    run = RunDir(tmp_path)
    run.write([SampleRecord(late, 1)])  # chunk 1 finished first
    run.write([SampleRecord(early, 0)])
    cid = early.candidate_id
    run.write([FilterRecord(problem.id, cid, "AC", 1, True)])
    run.write([BehaviourRecord(problem.id, cid, ("o:1",))])
    run.write([EvalRecord(problem.id, cid, True, "AC")])
    member = load_pool(run, problem, 2).members[cid]
    assert member.log_likelihood == -1.0 / 10 and member.code_length == len(early.code)
