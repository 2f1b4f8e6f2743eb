"""What containment is in force, from the zygote's start-up probe; never degraded silently."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from judges.config import SandboxConfig

__all__ = ["IsolationReport", "isolation_report"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IsolationReport:
    level: str  # "full", "partial" or "minimal"
    measures: tuple[tuple[str, str], ...]  # (measure, what is in force)
    warnings: tuple[str, ...]

    def describe(self) -> str:
        lines = [f"isolation level: {self.level}"]
        lines += [f"  {name:<18} {state}" for name, state in self.measures]
        lines += [f"  WARNING: {w}" for w in self.warnings]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "measures": dict(self.measures),
            "warnings": list(self.warnings),
        }


def isolation_report(facts: dict[str, Any], config: SandboxConfig) -> IsolationReport:
    setuid = bool(facts.get("setuid"))
    pidns = bool(facts.get("pid_namespace"))
    netns = bool(facts.get("net_namespace"))
    abi = int(facts.get("landlock_abi") or 0)
    seccomp = bool(facts.get("seccomp"))
    warnings = []
    if pidns:
        processes = "PID namespace per slot, swept after each run"
    elif setuid:
        processes = "per-uid kill sweep + RLIMIT_NPROC"
    elif seccomp:
        processes = "seccomp: no fork/clone for single-process jobs, no kill(-1); session killed after each run"
    else:
        processes = "process group kill only"
    measures = [
        ("slot uid", "per-slot non-root uid" if setuid else "off: jobs share the judge's uid"),
        ("processes", processes),
        ("network", "empty network namespace" if netns else
         "Landlock TCP deny + seccomp socket deny" if abi >= 4 and seccomp else
         "seccomp socket deny" if seccomp else "none"),
        ("filesystem", f"Landlock ABI {abi}: read-only toolchain, private scratch" if abi else "none beyond uid permissions"),
        ("syscalls", "seccomp deny list (+ no exec for Python)" if seccomp else "none"),
        ("privileges", "NO_NEW_PRIVS, rlimits"),
        ("stack", f"{int(facts.get('stack_bytes') or 0) >> 20} MiB of room reserved at zygote exec"),
    ]  # fmt: skip
    if not setuid:
        warnings.append(
            "no per-slot uid (the judge is not root, or use_setuid is off): jobs run as the judge's user"
            + ("" if seccomp else ", and forks or kill(-1) cannot be contained")
        )
    if not pidns and not setuid and not seccomp:
        warnings.append(
            "no PID namespace, slot uid or seccomp: a job that escapes its process group may survive"
        )
    if not netns and not (abi >= 4 or seccomp):
        warnings.append("network is reachable from jobs")
    if not abi:
        warnings.append(
            "Landlock unavailable: jobs can read files their uid can read (including test answers if readable)"
        )
    if not seccomp:
        warnings.append("seccomp unavailable: no syscall filter")
    if setuid and pidns and netns and abi and seccomp:
        level = "full"
    elif (setuid or pidns or seccomp) and (abi or seccomp):
        level = "partial"
    else:
        level = "minimal"
    for w in warnings:
        log.warning("judge isolation: %s", w)
    return IsolationReport(level, tuple(measures), tuple(warnings))
