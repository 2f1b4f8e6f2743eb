"""Exact clustering on trusted inputs (AlphaCode), a cluster score that uses more than size,
and the 10 picks. Pure functions over plain data; deterministic."""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from clustering.signature import BAD_CODES
from clustering.trust import trusted_inputs

__all__ = [
    "Cluster",
    "ClusterFeatures",
    "Member",
    "Selection",
    "alphacode_picks",
    "alphacode_select",
    "cluster_exact",
    "cluster_features",
    "cluster_mass",
    "expected_draws",
    "hand_score",
    "round_robin_picks",
    "select",
]


@dataclass(frozen=True)
class Member:
    """What selection knows of one surviving candidate."""

    candidate_id: str
    signature: tuple[str, ...]  # one token per generated input
    log_likelihood: float = 0.0  # mean per token
    code_length: int = 0
    # How many samples were this program (equal up to normalisation). Duplicates are
    # deduplicated before judging, but each one is the model voting again: a program drawn
    # 480 times out of 500 is far likelier right than one drawn twice, so cluster mass
    # counts draws, not distinct texts (as AlphaCode's clusters of samples did). Draws
    # sampled without replacement cannot repeat within a group: there it is the program's
    # expected draws (`expected_draws`), a float.
    draws: float = 1


@dataclass(frozen=True)
class Cluster:
    key: tuple[str, ...]  # the signature restricted to trusted inputs
    members: tuple[str, ...]  # candidate ids, sorted


@dataclass(frozen=True)
class ClusterFeatures:
    log_size: float  # of the cluster's draws
    share: float  # of all surviving draws
    support: float  # agreement-weighted mass of the other clusters (SRank-style)
    loglik_z: float  # mean log-likelihood of the top-3 members, z-scored within the problem
    bad_share: float  # crash / timeout / limit cells on trusted inputs
    trivial: bool  # at most one distinct output over trusted inputs


def _restrict(sig: Sequence[str], trusted: Sequence[bool]) -> tuple[str, ...]:
    return tuple(t for t, keep in zip(sig, trusted, strict=True) if keep)


def cluster_exact(members: Sequence[Member], trusted: Sequence[bool]) -> list[Cluster]:
    """Programs with identical behaviour on every trusted input form one cluster."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for m in members:
        groups[_restrict(m.signature, trusted)].append(m.candidate_id)
    return [Cluster(key, tuple(sorted(ids))) for key, ids in sorted(groups.items())]


def expected_draws(draws: Sequence[tuple[int, str, float]]) -> dict[str, float]:
    """Each program's vote when the draws were sampled without replacement within groups:
    the draws that independent sampling with the same headers would spend on it, in
    expectation. `draws`: (group, candidate id, log-likelihood of the whole program under
    the model) per draw; a group with j of its draws here that found program y adds
    j * p(y | the group's header). Programs in first-draw order.

    Why: without replacement a group draws each program at most once, so counting draws
    gives a favourite at p = 0.9 and a long shot at p = 0.01 found by the same groups the
    same vote, where independent draws would have given them about 90 to 1 (docs/model.md
    has what this changed in the shipped model's 1@k). Independent draws keep their counts.
    """
    in_group = Counter(group for group, _, _ in draws)
    seen: set[tuple[int, str, float]] = set()
    votes: dict[str, float] = {}
    for draw in draws:
        group, cid, log_likelihood = draw
        # The same program twice in a group (a distribution with fewer programs than the
        # group's draws repeats its last one) is one program: its probability once.
        if draw in seen:
            continue
        seen.add(draw)
        # Never exactly 0 (exp underflows below -745 nats): a drawn program was possible,
        # and a cluster's log-size must stay finite.
        p = max(math.exp(log_likelihood), 1e-300)
        votes[cid] = votes.get(cid, 0.0) + in_group[group] * p
    return votes


def cluster_mass(cluster: Cluster, by_id: Mapping[str, Member]) -> float:
    """The cluster's draws (or expected draws): its size for every selector."""
    return sum(by_id[i].draws for i in cluster.members)


def cluster_features(
    clusters: Sequence[Cluster], members: Sequence[Member]
) -> list[ClusterFeatures]:
    by_id = {m.candidate_id: m for m in members}
    mass = [cluster_mass(c, by_id) for c in clusters]
    total = sum(mass) or 1
    top3 = []
    for c in clusters:
        lls = sorted((by_id[i].log_likelihood for i in c.members), reverse=True)[:3]
        top3.append(sum(lls) / len(lls))
    mu = statistics.fmean(top3) if top3 else 0.0
    sd = statistics.pstdev(top3) if len(top3) > 1 else 0.0
    out = []
    for a, c in enumerate(clusters):
        width = len(c.key) or 1
        support = 0.0
        for b, other in enumerate(clusters):
            if a != b:
                agree = sum(x == y for x, y in zip(c.key, other.key, strict=True)) / width
                support += agree * mass[b] / total
        outputs = {t for t in c.key if t not in BAD_CODES}
        out.append(
            ClusterFeatures(
                log_size=math.log(mass[a]),
                share=mass[a] / total,
                support=support,
                # Equal likelihoods can leave a rounding-error sd (1e-17) that would turn
                # into z-scores of +-1: below 1e-9 nats they are equal.
                loglik_z=(top3[a] - mu) / sd if sd > 1e-9 else 0.0,
                bad_share=sum(t in BAD_CODES for t in c.key) / width,
                trivial=len(outputs) <= 1,
            )
        )
    return out


def hand_score(f: ClusterFeatures) -> float:
    """The hand-set score: size first, corrected by agreement with the rest (SRank-style
    support), likelihood, and penalties for crashing and constant-output clusters."""
    return f.log_size + 2.0 * f.support + 0.3 * f.loglik_z - 3.0 * f.bad_share - 2.0 * f.trivial


def _member_order(ids: Sequence[str], by_id: Mapping[str, Member]) -> list[str]:
    # No crashes first, then likelier, then shorter, then the id (determinism).
    def key(i: str) -> tuple[int, float, int, str]:
        m = by_id[i]
        return (sum(t in BAD_CODES for t in m.signature), -m.log_likelihood, m.code_length, i)

    return sorted(ids, key=key)


def round_robin_picks(
    clusters: Sequence[Cluster], scores: Sequence[float], members: Sequence[Member], n: int = 10
) -> list[str]:
    """Visit clusters in score order, one pick per visit, wrapping round while fewer than
    `n` picks are made and members remain; within a cluster, its best member first."""
    by_id = {m.candidate_id: m for m in members}
    mass = [cluster_mass(c, by_id) for c in clusters]
    order = sorted(range(len(clusters)), key=lambda i: (-scores[i], -mass[i], clusters[i].key))
    queues = [_member_order(clusters[i].members, by_id) for i in order]
    picks: list[str] = []
    while len(picks) < n and any(queues):
        for q in queues:
            if q and len(picks) < n:
                picks.append(q.pop(0))
    return picks


def alphacode_picks(members: Sequence[Member], n: int = 10) -> list[str]:
    """AlphaCode's selector, kept for comparison: exact clusters on all inputs, largest
    (most draws) first, round-robin, the first member by id."""
    return list(alphacode_select(members, n).picks)


def alphacode_select(members: Sequence[Member], n: int = 10) -> Selection:
    """`alphacode_picks` with the clusters and sizes behind them (every input trusted)."""
    every = (True,) * (len(members[0].signature) if members else 0)
    clusters = cluster_exact(members, every)
    by_id = {m.candidate_id: m for m in members}
    sizes = tuple(float(cluster_mass(c, by_id)) for c in clusters)
    plain = [Member(m.candidate_id, (), draws=m.draws) for m in members]  # no member preference
    picks = round_robin_picks(clusters, list(sizes), plain, n)
    return Selection(tuple(picks), tuple(clusters), sizes, every)


@dataclass(frozen=True)
class Selection:
    picks: tuple[str, ...]
    clusters: tuple[Cluster, ...]
    scores: tuple[float, ...]
    trusted: tuple[bool, ...]


def select(
    members: Sequence[Member],
    shape_ok: Sequence[bool],
    n: int = 10,
    score: Callable[[ClusterFeatures], float] = hand_score,
) -> Selection:
    """alphasolve's selector: trusted inputs, exact clusters on them, a cluster score (the
    hand-set one unless a learned one is given), round-robin picks."""
    trusted = trusted_inputs([m.signature for m in members], shape_ok)
    clusters = cluster_exact(members, trusted)
    scores = [score(f) for f in cluster_features(clusters, members)]
    picks = round_robin_picks(clusters, scores, members, n)
    return Selection(tuple(picks), tuple(clusters), tuple(scores), tuple(trusted))
