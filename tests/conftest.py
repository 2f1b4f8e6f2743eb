"""Shared fixtures: one judge for the whole session (its zygotes start once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from judges import Judge, JudgeConfig

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def judge() -> Iterator[Judge]:
    with Judge(JudgeConfig(workers=2)) as j:
        yield j
