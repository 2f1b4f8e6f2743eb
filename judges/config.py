"""Every limit the judge enforces, as frozen dataclasses owning their defaults."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["CompileLimits", "JudgeConfig", "Limits", "SandboxConfig"]


@dataclass(frozen=True)
class Limits:
    """Limits of one run. CPU time decides TLE; wall time is only a backstop for sleepers."""

    time: float = 1.0  # CPU seconds (user + system), already multiplied per language
    wall_factor: float = 3.0  # wall backstop = max(time * wall_factor, time + wall_extra)
    wall_extra: float = 1.0
    memory_mb: int = 256  # peak resident memory above the fork baseline
    # The address-space limit is only a backstop against runaway allocation; resident
    # memory (polled with the CPU time, and the final peak) decides MLE, so untouched
    # reservations (static arrays, a big malloc used sparsely) are not punished.
    address_space_grace_mb: int = 2048
    output_mb: int = 64  # stdout and stderr each (RLIMIT_FSIZE on their memfds)
    processes: int = 1  # per slot uid: 1 means no threads and no forks (DMOJ's policy)
    open_files: int = 64
    stack_mb: int | None = None  # None: as large as the memory limit (usual CP practice)
    poll_interval: float = 0.01  # how often CPU time is sampled (seconds)

    @property
    def wall(self) -> float:
        return max(self.time * self.wall_factor, self.time + self.wall_extra)

    @property
    def stack(self) -> int:
        return (self.stack_mb if self.stack_mb is not None else self.memory_mb) * 2**20

    def with_time(self, seconds: float) -> Limits:
        return replace(self, time=seconds)

    @property
    def cpu_rlimit(self) -> int:
        # RLIMIT_CPU has whole-second granularity: a backstop behind the poller.
        return math.ceil(self.time) + 1


@dataclass(frozen=True)
class CompileLimits:
    time: float = 20.0  # CPU seconds for the whole compiler process tree
    wall: float = 40.0
    memory_mb: int = 2048
    output_mb: int = 64  # largest binary (RLIMIT_FSIZE)
    message_chars: int = 4000  # compiler messages are truncated to this
    processes: int = 16  # g++ runs cc1plus, as and ld


@dataclass(frozen=True)
class SandboxConfig:
    """Containment. Each measure is used when the start-up probe finds it available."""

    base_uid: int = 61000  # slot i runs as uid/gid base_uid + i when the judge is root
    use_setuid: bool = True  # False: keep the judge's uid (as an unprivileged judge must)
    use_pid_namespace: bool = True
    use_net_namespace: bool = True
    use_landlock: bool = True
    use_seccomp: bool = True
    workdir: Path | None = None  # scratch space; None: a private directory under /tmp
    stderr_keep_chars: int = 2000  # stderr kept in results, for diagnostics
    python_recursion_limit: int = (
        1000  # Python's default; programs may raise it (the stack allows it)
    )
    python_int_max_str_digits: int = 0  # 0: print huge ints, as contest judges do


def _default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)))


@dataclass(frozen=True)
class JudgeConfig:
    limits: Limits = field(default_factory=Limits)
    compile: CompileLimits = field(default_factory=CompileLimits)
    sandbox: SandboxConfig = field(default_factory=SandboxConfig)
    # Per-language overrides of the executors' own time multipliers: (("python3", 3.0),).
    time_multipliers: tuple[tuple[str, float], ...] = ()
    # Which executor runs a source language's programs: (("python3", "pypy3"),) judges
    # Python programs under PyPy. A language not named runs under its own executor.
    runtimes: tuple[tuple[str, str], ...] = ()
    workers: int = field(default_factory=_default_workers)
    retries: int = 2  # a JE run is retried this many times before it is reported
    compile_cache_entries: int = 4096  # prepared programs (and their binaries) kept
    # A precompiled <bits/stdc++.h> (judges/executors/pch.py): parsing it is most of a compile.
    cpp_pch: bool = True

    def multiplier(self, language: str) -> float:
        overrides = dict(self.time_multipliers)
        if language in overrides:
            return overrides[language]
        from judges.executors import get_executor  # the executors import this module

        return get_executor(language).time_multiplier

    def runtime(self, language: str) -> str:
        return dict(self.runtimes).get(language, language)
