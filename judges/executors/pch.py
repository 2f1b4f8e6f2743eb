"""A precompiled `<bits/stdc++.h>` for the C++ executor.

Contest programs (and the model's samples, which learn from them) start with
`#include <bits/stdc++.h>`; parsing that header is most of a compile (`scripts/bench_judge.py`
measures both ways). At AlphaCode scale half the candidates are C++, so this is the judge's
hot path.

The header is built once per machine and (compiler, flags) in a directory private to this
user under the temp directory, outside any sandbox: its only input is the system header.
Compiles then add `-I DIR`; GCC takes `DIR/bits/stdc++.h.gch` when it is valid for the
flags in force and silently falls back to the real header otherwise, so a program's meaning
never depends on it. If anything is off (no compiler, a directory owned by another user or
writable by others, a failed build) the executor compiles without it.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import tempfile
import threading
from pathlib import Path

HEADER = "bits/stdc++.h"
BUILD_TIMEOUT_S = 180.0

_lock = threading.Lock()
_built: dict[str, Path | None] = {}


def _private_dir(path: Path) -> bool:
    """Ours and not writable by others: nobody else can swap the header under us."""
    try:
        st = path.lstat()
    except OSError:
        return False
    return (
        path.is_dir()
        and not path.is_symlink()
        and st.st_uid == os.geteuid()
        and not st.st_mode & 0o022
    )


def _build(compiler: str, flags: tuple[str, ...], target: Path) -> bool:
    target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=".gch", dir=target.parent)
    os.close(fd)
    source = Path(tmp).with_suffix(".h")  # g++ will not precompile from stdin
    try:
        source.write_text(f"#include <{HEADER}>\n")
        done = subprocess.run(
            [compiler, *flags, "-x", "c++-header", str(source), "-o", tmp],
            capture_output=True,
            timeout=BUILD_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            return False
        os.chmod(tmp, 0o644)  # slot uids read it during their compiles
        os.replace(tmp, target)
        return True
    except (OSError, subprocess.TimeoutExpired):
        return False
    finally:
        Path(tmp).unlink(missing_ok=True)
        source.unlink(missing_ok=True)


def precompiled_dir(compiler: str, flags: tuple[str, ...], version: str) -> Path | None:
    """A directory to pass with `-I` holding `bits/stdc++.h.gch` for `flags`, or None.

    Thread-safe and process-safe: concurrent judges wait for one build (a file lock)."""
    key = hashlib.sha256("\0".join((version, compiler, *flags)).encode()).hexdigest()[:16]
    with _lock:
        if key in _built:
            return _built[key]
        base = Path(tempfile.gettempdir()) / f"alphasolve-pch-{os.geteuid()}"
        try:
            base.mkdir(mode=0o755, exist_ok=True)
        except OSError:
            _built[key] = None
            return None
        if not _private_dir(base):
            _built[key] = None
            return None
        root = base / key
        target = root / HEADER.replace("/", os.sep)
        target = target.with_name(target.name + ".gch")
        ok = True
        try:
            root.mkdir(mode=0o755, exist_ok=True)
            with open(base / f"{key}.lock", "w") as lock_file:
                fcntl.flock(lock_file, fcntl.LOCK_EX)
                if not target.is_file():
                    ok = _build(compiler, flags, target)
        except OSError:
            ok = False
        ok = ok and _private_dir(root) and _private_dir(target.parent)
        _built[key] = root if ok else None
        return _built[key]
