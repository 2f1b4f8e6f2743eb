"""The judge without root privileges' measures (no slot uid, no namespaces), as in an
unprivileged container: still contained by seccomp and Landlock, and it says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from judges import Blob, CheckerSpec, Judge, JudgeConfig, Program, TestCase, Verdict
from judges.config import SandboxConfig


class _Problem:
    time_limit = 1.0
    memory_limit = 256
    checker = CheckerSpec()


@pytest.fixture(scope="module")
def degraded() -> Iterator[Judge]:
    config = JudgeConfig(
        sandbox=SandboxConfig(use_setuid=False, use_pid_namespace=False, use_net_namespace=False),
        workers=1,
    )
    with Judge(config) as judge:
        if not judge.isolation().as_dict()["measures"]["syscalls"].startswith("seccomp"):
            pytest.skip("no seccomp here: degraded-mode attacks would reach the host")
        yield judge


def test_degraded_mode_is_reported(degraded: Judge) -> None:
    report = degraded.isolation()
    assert report.level == "partial"
    assert any("per-slot uid" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        ("python3", "import os\nwhile True: os.fork()", Verdict.RTE),
        ("python3", "import os\nif os.fork() == 0:\n    os.setsid()\nprint('ok')", Verdict.RTE),
        ("python3", "import os\nos.kill(-1, 9)\nprint('ok')", Verdict.RTE),
        (
            "cpp17",
            '#include <signal.h>\n#include <cstdio>\nint main(){kill(-1, 9); puts("ok");}',
            Verdict.AC,
        ),
        (
            "python3",
            "import threading\nthreading.Thread(target=print).start()\nprint('ok')",
            Verdict.RTE,
        ),
        (
            "python3",
            "import socket\nsocket.create_connection(('127.0.0.1', 22), timeout=1)\nprint('ok')",
            Verdict.RTE,
        ),
        ("python3", "open('/etc/passwd').read()\nprint('ok')", Verdict.RTE),
        ("python3", "print('ok')", Verdict.AC),
    ],
)
def test_contained_without_privileges(
    degraded: Judge, language: str, code: str, expected: Verdict
) -> None:
    # The C++ kill(-1) returns EPERM (refused by seccomp) and the program goes on: AC proves
    # the call was refused rather than delivered (delivered, it would have killed the judge).
    report = degraded.judge(
        _Problem(), Program(language, code), [TestCase("t", Blob.of(""), Blob.of("ok\n"))]
    )
    assert report.verdict is expected, report.tests[0].detail
    assert degraded.judge(
        _Problem(), Program("python3", "print('ok')"), [TestCase("t", Blob.of(""), Blob.of("ok\n"))]
    ).passed
