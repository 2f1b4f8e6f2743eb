"""C++17: compiled once per distinct source inside the sandbox, then exec'd per test.

The compiler runs as the slot uid under the compile limits, confined by Landlock to the
toolchain and its build directory, so `#include "/etc/passwd"` or "/dev/zero" fail instead of
leaking or hanging. Binaries are cached by a hash of (compiler, flags, source).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import threading
from collections import OrderedDict
from pathlib import Path

from judges.config import JudgeConfig, Limits
from judges.executors.base import Prepared
from judges.executors.pch import precompiled_dir
from judges.sandbox.slot import Outcome, Slot
from judges.testdata import Blob

FLAGS = ("-O2", "-std=gnu++17", "-pipe")
MAX_SOURCE_BYTES = 1 << 20


class Cpp17:
    name = "cpp17"
    suffixes = (".cpp", ".cc", ".cxx", ".c++")
    self_test = "#include <iostream>\n#include <string>\nint main(){std::string s;while(std::getline(std::cin,s))std::cout<<s<<'\\n';}\n"

    def __init__(self) -> None:
        self.compiler = shutil.which("g++")
        self._version = ""
        self._lock = threading.Lock()
        self._building: dict[str, threading.Lock] = {}  # bounded: entries mirror the cache
        self._cache: OrderedDict[str, Path] = OrderedDict()

    def unavailable_reason(self) -> str | None:
        if self.compiler is None:
            return "g++ not found on PATH (install g++ to judge C++)"
        return None

    def _compiler_version(self) -> str:
        if not self._version:
            out = subprocess.run(
                [self.compiler or "g++", "--version"], capture_output=True, text=True, check=False
            )
            self._version = out.stdout.splitlines()[0] if out.stdout else "g++"
        return self._version

    def _key(self, source: str, extra_files: tuple[tuple[str, str], ...] = ()) -> str:
        parts = [self._compiler_version(), *FLAGS, source, *(f"{n}\0{t}" for n, t in extra_files)]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def prepare(
        self,
        source: str,
        slot: Slot,
        config: JudgeConfig,
        extra_files: tuple[tuple[str, str], ...] = (),
    ) -> Prepared:
        """`extra_files` are (name, text) headers placed beside the source (testlib.h)."""
        if self.compiler is None:
            return Prepared(self.name, compile_error=self.unavailable_reason())
        if len(source.encode()) > MAX_SOURCE_BYTES:
            return Prepared(self.name, compile_error=f"source larger than {MAX_SOURCE_BYTES} bytes")
        key = self._key(source, extra_files)
        # The executor is shared by every Judge in the process; binaries live in each
        # judge's own work directory, so that directory is part of the cache key.
        entry = f"{slot.workdir}:{key}"
        with self._lock:
            lock = self._building.setdefault(entry, threading.Lock())
        with lock:  # two threads with the same source compile it once
            with self._lock:
                cached = self._cache.get(entry)
                if cached is not None and cached.is_file():
                    self._cache.move_to_end(entry)
                    return Prepared(self.name, binary=cached)
            prepared = self._compile(source, key, slot, config, extra_files)
            if prepared.binary is not None:
                with self._lock:
                    self._cache[entry] = prepared.binary
                    while len(self._cache) > config.cpp_cache_entries:
                        old_entry, old = self._cache.popitem(last=False)
                        self._building.pop(old_entry, None)
                        shutil.rmtree(old.parent, ignore_errors=True)
            return prepared

    def _compile(
        self,
        source: str,
        key: str,
        slot: Slot,
        config: JudgeConfig,
        extra_files: tuple[tuple[str, str], ...],
    ) -> Prepared:
        cache_root = slot.workdir / "cpp"
        cache_root.mkdir(mode=0o711, exist_ok=True)
        # Not under the scratch directory: the zygote empties that after every job.
        build = slot.workdir / f"build-{slot.scratch.name}-{key[:16]}"
        build.mkdir(mode=0o700)
        try:
            (build / "main.cpp").write_text(source)
            for name, text in extra_files:
                (build / Path(name).name).write_text(text)
            if slot.uid is not None:
                for p in (build, *build.iterdir()):
                    os.chown(p, slot.uid, slot.uid)
            lim = config.compile
            limits = Limits(
                time=lim.time, wall_factor=1.0, wall_extra=lim.wall - lim.time, memory_mb=lim.memory_mb,
                output_mb=lim.output_mb, processes=lim.processes, open_files=256, stack_mb=64,
            )  # fmt: skip
            assert self.compiler is not None
            version = self._compiler_version()
            pch = precompiled_dir(self.compiler, FLAGS, version) if config.cpp_pch else None
            include = ("-I", str(pch)) if pch else ()
            argv = [self.compiler, *FLAGS, *include, "-o", "main", "main.cpp"]
            out = slot.run_exec(
                argv,
                Blob.of(b""),
                limits,
                exec_paths=("/usr", "/bin"),
                extra_read=(str(pch),) if pch else (),
                extra_write=(str(build),),
                cwd=str(build),
                env={"TMPDIR": str(build)},
            )
            message = _clean(
                out.stderr.decode(errors="replace") + out.stdout.decode(errors="replace"), build
            )
            binary = build / "main"
            if out.killed or out.exit_code != 0 or not binary.is_file():
                reason = {
                    "cpu": "compilation took too long",
                    "wall": "compilation took too long",
                }.get(out.killed or "")
                if reason is None and out.signal:
                    reason = f"compiler killed by signal {out.signal}"
                text = (reason + "\n" if reason else "") + message
                return Prepared(
                    self.name,
                    compile_error=text[: lim.message_chars] or "compilation failed",
                    compile_time=out.wall,
                )
            target = cache_root / key
            target.mkdir(mode=0o711, exist_ok=True)
            final = target / "main"
            shutil.copyfile(binary, final)  # root-owned copy: no slot can rewrite it later
            final.chmod(0o755)
            return Prepared(self.name, binary=final, compile_time=out.wall)
        finally:
            shutil.rmtree(build, ignore_errors=True)

    def run(
        self,
        prepared: Prepared,
        slot: Slot,
        stdin: Blob,
        limits: Limits,
        args: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
    ) -> Outcome:
        assert prepared.binary is not None
        binary = str(prepared.binary)
        return slot.run_exec(
            [binary, *args], stdin, limits, exec_paths=(binary,), extra_read=extra_read
        )


def _clean(message: str, build: Path) -> str:
    """Compiler messages go back to users and models: no host paths in them."""
    message = message.replace(str(build) + "/", "").replace(str(build), ".")
    return re.sub(r"/(?:usr|lib|opt|root|home|tmp)[^\s:'\"]*/", "", message)
