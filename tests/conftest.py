"""Shared fixtures: one judge for the whole session (its zygotes start once)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from judges import Judge, JudgeConfig

REPO = Path(__file__).resolve().parents[1]

# Before anything imports ray (it reads this then): tests write no ~/.ray token.
os.environ.setdefault("RAY_AUTH_MODE", "disabled")


@pytest.fixture(scope="session")
def judge() -> Iterator[Judge]:
    with Judge(JudgeConfig(workers=2)) as j:
        yield j


@pytest.fixture(scope="module")
def ray_local() -> Iterator[None]:
    """One embedded Ray per test module (`solve` joins it instead of starting its own)."""
    import ray

    if ray.is_initialized():
        ray.shutdown()
    ray.init(address="local", num_cpus=2, include_dashboard=False, resources={"judge": 2},
             object_store_memory=200 * 2**20, log_to_driver=False)  # fmt: skip
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture
def one_torch_thread() -> Iterator[None]:
    """For tests of tiny models: thread hand-offs cost more than their arithmetic, and the
    suite shares the cores with judge workers. Torch is imported here, not at the top:
    most tests never load it."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def steady(problem):  # -> Problem (alphasolve imported lazily, as elsewhere here)
    """The problem without its too-slow references (the fake sampler draws them): one that
    runs close to the time limit on a generated input times out in one run and not in the
    next, so no judge gives it the same behaviour twice, and the tests that compare two runs
    of the same problems would compare the machine's load."""
    from alphasolve.problem import SolutionKind

    slow = {SolutionKind.TIME_LIMIT, SolutionKind.TIME_LIMIT_OR_ACCEPTED}
    return replace(problem, solutions=tuple(s for s in problem.solutions if s.kind not in slow))
