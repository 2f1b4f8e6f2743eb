"""The process around a training run on CPU: the allocator it runs under, the memory it
hands back, and the signals that end a sitting cleanly."""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys

import psutil

__all__ = [
    "JEMALLOC",
    "JEMALLOC_CONF",
    "StopRequest",
    "jemalloc_env",
    "reexec_under_jemalloc",
    "release_memory_above",
]

log = logging.getLogger(__name__)

# glibc's malloc hands the large, short-lived activation buffers of every step back to the
# kernel and faults them in again (much of the CPU time goes to the kernel); jemalloc with
# decay off keeps them. scripts/bench_training.py measures the difference.
JEMALLOC = (
    "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
    "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2",
    "/usr/lib64/libjemalloc.so.2",
    "/usr/local/lib/libjemalloc.so.2",
)
JEMALLOC_CONF = "dirty_decay_ms:-1,muzzy_decay_ms:-1"


class StopRequest:
    """SIGTERM (a Ray pod or batch system ending the job) or Ctrl-C during the steps: finish
    the step under way, save a checkpoint and return, so the sitting's last minutes are kept
    (a kill loses everything since the last periodic save). A second signal stops at once,
    leaving the last checkpoint as it was (the save is atomic)."""

    def __init__(self) -> None:
        self.name: str | None = None

    def __call__(self, signum: int, frame: object) -> None:
        if self.name is not None:
            sys.exit(f"second {signal.Signals(signum).name}: stopped without saving this step")
        self.name = signal.Signals(signum).name

    def install(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self)


def release_memory_above(limit_bytes: int) -> bool:
    """With decay off jemalloc never returns freed pages, and the per-shape buffers add up
    until the kernel kills the run; past `limit_bytes` of resident memory, hand them all back
    at once. A no-op under any other allocator (glibc returns them itself)."""
    if psutil.Process().memory_info().rss <= limit_bytes:
        return False
    mallctl = getattr(ctypes.CDLL(None), "mallctl", None)
    if mallctl is None:
        return False
    all_arenas = b"arena.4096.purge"  # MALLCTL_ARENAS_ALL
    return mallctl(all_arenas, None, None, None, ctypes.c_size_t(0)) == 0


def jemalloc_env(env: dict[str, str]) -> dict[str, str] | None:
    """`env` with jemalloc preloaded, or None where it is not installed (apt install
    libjemalloc2) or already preloaded."""
    if "jemalloc" in env.get("LD_PRELOAD", ""):
        return None
    lib = next((path for path in JEMALLOC if os.path.exists(path)), None)
    if lib is None:
        return None
    preload = " ".join(filter(None, [lib, env.get("LD_PRELOAD", "")]))
    return env | {"LD_PRELOAD": preload, "MALLOC_CONF": env.get("MALLOC_CONF", JEMALLOC_CONF)}


def reexec_under_jemalloc() -> None:
    """Start this same command again with jemalloc preloaded (the allocator is chosen when a
    process starts); returns only where jemalloc is missing or already in use."""
    env = jemalloc_env(dict(os.environ))
    if env is None:
        return
    log.info("re-running under %s", env["LD_PRELOAD"].split()[0])
    for handler in logging.getLogger().handlers:
        handler.flush()
    os.execve(sys.executable, [sys.executable, *sys.argv], env)
