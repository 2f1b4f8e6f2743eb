"""From kernel facts to a verdict: a pure function, tested on literal outcomes.

Only facts the candidate cannot forge are used: the wait status, rusage, the sizes of its
output files, and whether the supervisor killed it. Priority follows DMOJ:
TLE > MLE > OLE > RTE, and the checker decides between AC and WA only for a clean exit.
"""

from __future__ import annotations

import signal as _signal
from dataclasses import dataclass

from judges.config import Limits
from judges.sandbox.slot import Outcome
from judges.verdict import Verdict

__all__ = ["Classified", "classify", "last_line", "signal_name"]


@dataclass(frozen=True)
class Classified:
    verdict: Verdict | None  # None: the run ended cleanly, the checker decides
    detail: str
    peak_kb: int


def signal_name(number: int) -> str:
    try:
        return _signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def last_line(stderr: str) -> str:
    """The last non-blank line of a program's stderr (at most 200 characters)."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def classify(
    out: Outcome, limits: Limits, baseline_kb: int, *, forked: bool, tracebacks: bool
) -> Classified:
    """`forked`: the job was forked from the zygote, so its resident set started at the
    zygote's baseline; an exec'd program's peak is its own. `tracebacks`: the runtime reports
    a failure as a Python traceback whose last line names the exception (CPython, PyPy)."""
    peak = max(0, out.maxrss_kb - baseline_kb) if forked else out.maxrss_kb
    stderr = out.stderr.decode("utf-8", errors="replace")
    sig = out.signal
    if out.killed == "cpu" or out.cpu > limits.time or sig == _signal.SIGXCPU:
        return Classified(
            Verdict.TLE, f"cpu time {out.cpu:.2f}s over the {limits.time:g}s limit", peak
        )
    if out.killed == "wall":
        return Classified(
            Verdict.TLE, f"wall time {out.wall:.2f}s over the {limits.wall:g}s limit (idle)", peak
        )
    memory_limit_kb = limits.memory_mb * 1024
    if out.killed == "memory" or peak > memory_limit_kb:
        return Classified(
            Verdict.MLE,
            f"peak memory {peak // 1024} MiB over the {limits.memory_mb} MiB limit",
            peak,
        )
    # An allocation refused at the address-space backstop. (A SIGKILL we did not send is not
    # taken as the OOM killer: resident memory is polled, and a job may kill itself.)
    failed_allocation = (
        ("MemoryError" in last_line(stderr)) if tracebacks else ("std::bad_alloc" in stderr)
    )
    if failed_allocation:
        return Classified(Verdict.MLE, "memory allocation failed", peak)
    output_limit = limits.output_mb * 2**20
    if out.stdout_size > output_limit or out.stderr_size > output_limit or sig == _signal.SIGXFSZ:
        return Classified(Verdict.OLE, f"output over the {limits.output_mb} MiB limit", peak)
    if sig is not None:
        return Classified(Verdict.RTE, f"killed by {signal_name(sig)}", peak)
    if out.exit_code:
        reason = last_line(stderr) if tracebacks else ""
        detail = f"exit code {out.exit_code}" + (f": {reason}" if reason else "")
        return Classified(Verdict.RTE, detail, peak)
    return Classified(None, "", peak)
