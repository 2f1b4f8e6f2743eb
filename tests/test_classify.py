"""Verdicts from kernel facts: literal outcomes in, verdicts out."""

from __future__ import annotations

import signal

import pytest

from judges.classify import classify
from judges.config import Limits
from judges.sandbox.slot import Outcome
from judges.verdict import Verdict

LIMITS = Limits(time=1.0, memory_mb=256, output_mb=64)


def outcome(**kw: object) -> Outcome:
    base = dict(exit_code=0, signal=None, cpu=0.01, wall=0.02, maxrss_kb=20_000, killed=None,
                stdout=b"", stdout_size=0, stderr=b"", stderr_size=0)  # fmt: skip
    base.update(kw)
    return Outcome(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "forked", "verdict"),
    [
        ({}, True, None),  # clean: the checker decides
        (
            {"killed": "cpu", "signal": signal.SIGKILL, "exit_code": None, "cpu": 1.01},
            True,
            Verdict.TLE,
        ),
        ({"killed": "wall", "signal": signal.SIGKILL, "exit_code": None}, True, Verdict.TLE),
        ({"cpu": 1.2}, True, Verdict.TLE),  # finished, but over the limit
        ({"signal": signal.SIGXCPU, "exit_code": None}, False, Verdict.TLE),
        ({"killed": "memory", "signal": signal.SIGKILL, "exit_code": None}, False, Verdict.MLE),
        ({"maxrss_kb": 300 * 1024}, False, Verdict.MLE),  # exec'd: its own peak
        ({"maxrss_kb": 270 * 1024}, True, None),  # forked: 20 MB baseline subtracted
        ({"exit_code": 1, "stderr": b"Traceback...\nMemoryError\n"}, True, Verdict.MLE),
        (
            {
                "signal": signal.SIGABRT,
                "exit_code": None,
                "stderr": b"terminate called after throwing an instance of 'std::bad_alloc'",
            },
            False,
            Verdict.MLE,
        ),
        ({"stdout_size": 64 * 2**20 + 1, "exit_code": 1}, True, Verdict.OLE),
        ({"stderr_size": 64 * 2**20 + 1}, False, Verdict.OLE),
        ({"signal": signal.SIGXFSZ, "exit_code": None}, False, Verdict.OLE),
        ({"signal": signal.SIGSEGV, "exit_code": None}, False, Verdict.RTE),
        ({"signal": signal.SIGKILL, "exit_code": None}, False, Verdict.RTE),  # killed itself
        ({"exit_code": 3}, True, Verdict.RTE),
        (
            {"exit_code": 1, "stderr": b"Traceback\nZeroDivisionError: division by zero\n"},
            True,
            Verdict.RTE,
        ),
        # priority: a run over time that also crashed is TLE
        ({"cpu": 1.5, "signal": signal.SIGSEGV, "exit_code": None}, False, Verdict.TLE),
    ],
)
def test_classify(facts: dict[str, object], forked: bool, verdict: Verdict | None) -> None:
    result = classify(
        outcome(**facts), LIMITS, baseline_kb=20_000, forked=forked, tracebacks=forked
    )
    assert result.verdict is verdict, result.detail


def test_rte_detail_names_signal_and_exception() -> None:
    seg = classify(
        outcome(signal=signal.SIGSEGV, exit_code=None), LIMITS, 0, forked=False, tracebacks=False
    )
    assert "SIGSEGV" in seg.detail
    exc = classify(
        outcome(exit_code=1, stderr=b"Traceback\nValueError: bad\n"),
        LIMITS,
        0,
        forked=True,
        tracebacks=True,
    )
    assert "ValueError" in exc.detail
