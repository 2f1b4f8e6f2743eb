"""The judge's one cache of prepared programs, for every language.

Each distinct (executor, fingerprint, source, headers) is prepared once: compiled, or
syntax-checked. An entry owns a directory for its artefacts (a binary); evicting the least
recently used entry removes that directory. Being the only cache, a hit refreshes the one
copy there is, so no second cache can delete a binary this one still hands out.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from judges.executors.base import Prepared

__all__ = ["CompileCache", "cache_key"]


def cache_key(
    language: str, fingerprint: str, source: str, extra_files: tuple[tuple[str, str], ...] = ()
) -> str:
    parts = [language, fingerprint, source, *(f"{name}\0{text}" for name, text in extra_files)]
    return hashlib.sha256("\0\0".join(parts).encode()).hexdigest()


class CompileCache:
    def __init__(self, root: Path, entries: int) -> None:
        self.root = root
        self.root.mkdir(mode=0o711, exist_ok=True)  # slot uids exec binaries below it
        self.entries = entries
        self._lock = threading.Lock()
        self._prepared: OrderedDict[str, Prepared] = OrderedDict()
        self._building: dict[str, threading.Lock] = {}  # builds in progress

    def __len__(self) -> int:
        with self._lock:
            return len(self._prepared)

    def get(self, key: str) -> Prepared | None:
        with self._lock:
            prepared = self._prepared.get(key)
            if prepared is not None:
                self._prepared.move_to_end(key)
            return prepared

    def get_or_build(self, key: str, build: Callable[[Path], Prepared]) -> Prepared:
        """The cached entry, or `build(directory)`'s result stored. Threads asking for the
        same key while it builds wait for that one build; a failed build (an exception)
        stores nothing."""
        prepared = self.get(key)
        if prepared is not None:
            return prepared
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            prepared = self.get(key)
            if prepared is None:
                try:
                    prepared = self._build(key, build)
                finally:
                    with self._lock:
                        self._building.pop(key, None)
        return prepared

    def _build(self, key: str, build: Callable[[Path], Prepared]) -> Prepared:
        # A fresh directory per build: a key evicted and built again never shares one.
        directory = Path(tempfile.mkdtemp(prefix=key[:16] + "-", dir=self.root))
        directory.chmod(0o711)
        try:
            prepared = build(directory)
        except BaseException:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        if prepared.binary is None or prepared.binary.parent != directory:
            shutil.rmtree(directory, ignore_errors=True)  # nothing of it is kept
        with self._lock:
            self._prepared[key] = prepared
            evicted = []
            while len(self._prepared) > self.entries:
                evicted.append(self._prepared.popitem(last=False)[1])
        for old in evicted:
            if old.binary is not None and old.binary.parent.parent == self.root:
                shutil.rmtree(old.binary.parent, ignore_errors=True)
        return prepared
