"""Selection on literal data: signatures, trust, clusters, scores, picks."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from clustering import (
    Code,
    Member,
    alphacode_picks,
    cluster_exact,
    cluster_features,
    cluster_mass,
    hand_score,
    input_shape_ok,
    round_robin_picks,
    select,
    signature,
    trusted_inputs,
)

CRASH, TIMEOUT = str(Code.CRASH), str(Code.TIMEOUT)


def test_signature_tokens() -> None:
    cells = [("AC", "d1"), ("RTE", ""), ("TLE", ""), ("MLE", ""), ("OLE", ""), ("JE", "")]
    assert signature(cells) == ("d1", CRASH, TIMEOUT, "!memory", "!output", "!judge-error")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("3\n1 2 3\n", True),
        ("5\n-1 0 7 8 9\n", True),
        ("", False),
        ("hello world\n", False),  # words where the examples have numbers
        ("2.5\n1 2\n", False),  # a float first line
    ],
)
def test_input_shape_check(text: str, ok: bool) -> None:
    examples = ["3\n1 2 3\n", "1\n5\n"]
    assert input_shape_ok(text, examples) is ok


def test_untrusted_inputs_do_not_split_clusters() -> None:
    # Inputs 0-4 are valid; input 5 is malformed: most programs crash on it, and two
    # correct programs crash differently from a third that prints garbage.
    correct_a = Member("a", ("1", "2", "3", "4", "5", CRASH), -0.1, 50)
    correct_b = Member("b", ("1", "2", "3", "4", "5", "junk"), -0.2, 60)
    correct_c = Member("c", ("1", "2", "3", "4", "5", CRASH), -0.3, 70)
    wrong = Member("w", ("1", "2", "3", "4", "6", CRASH), -0.1, 40)
    members = [correct_a, correct_b, correct_c, wrong]
    trusted = trusted_inputs([m.signature for m in members], [True] * 6)
    assert trusted == [True, True, True, True, True, False]
    clusters = cluster_exact(members, trusted)
    assert sorted(c.members for c in clusters) == [("a", "b", "c"), ("w",)]
    # without trust, the correct programs split into two clusters
    assert len(cluster_exact(members, [True] * 6)) == 3


def test_few_trusted_inputs_fall_back_to_all() -> None:
    sigs = [("1", CRASH, CRASH), ("1", CRASH, "x")]
    assert trusted_inputs(sigs, [True, True, True]) == [True, True, True]


def test_features_and_scores_prefer_supported_non_trivial_clusters() -> None:
    members = [
        Member("big-wrong-1", ("0", "0", "0", "0", "0")),  # constant output
        Member("big-wrong-2", ("0", "0", "0", "0", "0")),
        Member("big-wrong-3", ("0", "0", "0", "0", "0")),
        Member("right-1", ("1", "2", "3", "4", "5")),
        Member("right-2", ("1", "2", "3", "4", "5")),
        Member("near-right", ("1", "2", "3", "4", "6")),  # agrees with "right" on 4 of 5
        Member("crashy", (CRASH, CRASH, "3", CRASH, CRASH)),
    ]
    clusters = cluster_exact(members, [True] * 5)
    features = {
        c.members[0]: f for c, f in zip(clusters, cluster_features(clusters, members), strict=True)
    }
    assert features["big-wrong-1"].trivial and not features["right-1"].trivial
    assert features["crashy"].bad_share == pytest.approx(0.8)
    assert features["right-1"].support > features["big-wrong-1"].support
    scores = {name: hand_score(f) for name, f in features.items()}
    assert scores["right-1"] > scores["big-wrong-1"] > scores["crashy"]


def test_round_robin_wraps_and_prefers_good_members() -> None:
    members = [
        Member("a1", ("x", CRASH), -0.5, 10),
        Member("a2", ("x", "y"), -0.9, 10),  # no crash: before a1 despite lower likelihood
        Member("a3", ("x", "y"), -0.1, 99),
        Member("b1", ("z", "z"), -0.1, 10),
    ]
    clusters = cluster_exact(members, [True, False])
    assert round_robin_picks(clusters, [2.0, 1.0], members, n=10) == ["a3", "b1", "a2", "a1"]
    assert round_robin_picks(clusters, [2.0, 1.0], members, n=2) == ["a3", "b1"]


def test_select_is_deterministic_and_alphacode_differs() -> None:
    members = [Member(f"w{i}", ("0", "0", "0", "0", "0", "0")) for i in range(4)]
    members += [Member(f"r{i}", ("1", "2", "3", "4", "5", "6"), -0.1) for i in range(3)]
    first = select(members, [True] * 6, n=2)
    assert first == select(list(reversed(members)), [True] * 6, n=2)
    assert first.picks[0].startswith("r")  # the constant-output cluster is larger but trivial
    assert alphacode_picks(members, n=2)[0].startswith("w")  # AlphaCode: largest first


def test_cluster_size_counts_draws_not_distinct_programs() -> None:
    # One program the model drew 40 times against three variants drawn once each that
    # behave alike (a wrong cluster of many near-identical texts). Seen as distinct texts,
    # the wrong cluster is three times larger; in draws, the right one is 13 times larger.
    right = Member("right", ("1", "2", "3", "4", "5"), -0.1, 50, draws=40)
    wrong = [Member(f"wrong-{i}", ("1", "2", "3", "4", "6"), -0.1, 50) for i in range(3)]
    members = [right, *wrong]
    clusters = cluster_exact(members, [True] * 5)
    assert [cluster_mass(c, {m.candidate_id: m for m in members}) for c in clusters] == [40, 3]
    features = cluster_features(clusters, members)
    assert features[0].log_size == pytest.approx(math.log(40))
    assert features[0].share == pytest.approx(40 / 43)
    assert features[1].support == pytest.approx(0.8 * 40 / 43)  # agrees on 4 of 5 inputs
    assert features[0].loglik_z == features[1].loglik_z == 0.0  # equal likelihoods
    assert select(members, [True] * 5, 1).picks == ("right",)
    assert alphacode_picks(members, 1) == ["right"]
    # the same programs drawn once each: the three-text cluster wins, as it did before
    once = [replace(m, draws=1) for m in members]
    assert select(once, [True] * 5, 1).picks[0].startswith("wrong")
    assert alphacode_picks(once, 1)[0].startswith("wrong")


def test_expected_draws_weigh_each_program_by_its_probability_in_each_group() -> None:
    from clustering import expected_draws

    fav, shot = math.log(0.9), math.log(0.01)
    draws = [(0, "fav", fav), (0, "shot", shot), (0, "other", math.log(0.05)),
             (1, "shot", shot), (1, "fav", fav)]  # fmt: skip
    # group 0 has 3 draws, group 1 has 2: fav 3 * 0.9 + 2 * 0.9, shot 3 * 0.01 + 2 * 0.01
    votes = expected_draws(draws)
    assert list(votes) == ["fav", "shot", "other"]  # first-draw order
    assert votes == pytest.approx({"fav": 4.5, "shot": 0.05, "other": 0.15})
    # a row repeated within a group (a distribution with fewer programs than draws) is one
    # program: its probability once, though the group now has 3 draws
    assert expected_draws([*draws, (1, "fav", fav)])["fav"] == pytest.approx(2.7 + 2.7)
    # two texts that normalise to one program are two sequences: both probabilities count
    assert expected_draws([(0, "a", math.log(0.25)), (0, "a", math.log(0.5))]) == pytest.approx(
        {"a": 2 * 0.75}
    )
    # a survivor the model found very unlikely still has a positive, finite log-size
    tiny = expected_draws([(0, "t", -2000.0)])["t"]
    member = Member("t", ("1",), draws=tiny)
    assert tiny > 0 and math.isfinite(
        cluster_features(cluster_exact([member], [True]), [member])[0].log_size
    )


def test_linear_scorer_is_a_dot_product_and_drives_select() -> None:
    from clustering import ClusterFeatures, Member, select
    from clustering.scorer import FEATURE_NAMES, LinearScorer, get_scorer

    f = ClusterFeatures(
        log_size=2.0, share=0.5, support=0.25, loglik_z=-1.0, bad_share=0.0, trivial=True
    )
    scorer = LinearScorer((1.0, 0.0, 0.0, 0.0, 0.0, -10.0), bias=0.5)
    assert scorer(f) == pytest.approx(0.5 + 2.0 - 10.0)
    assert LinearScorer.from_json(scorer.to_json()) == scorer
    with pytest.raises(ValueError, match="one weight per feature"):
        LinearScorer((1.0,))
    assert len(FEATURE_NAMES) == 6
    with pytest.raises(ValueError, match="unknown cluster scorer 'best'"):
        get_scorer("best")
    # big constant-output cluster vs a small varied one: the hand score avoids the trivial
    # cluster, a scorer that rewards size alone picks it first
    sig_const = ("o:1",) * 6
    sig_varied = ("o:1", "o:2", "o:3", "o:4", "o:5", "o:6")
    members = [Member(f"c{i}", sig_const) for i in range(5)] + [
        Member(f"v{i}", sig_varied) for i in range(2)
    ]
    size_only = LinearScorer((1.0, 0.0, 0.0, 0.0, 0.0, 0.0))
    assert select(members, [True] * 6, 1).picks == ("v0",)
    assert select(members, [True] * 6, 1, score=size_only).picks == ("c0",)
