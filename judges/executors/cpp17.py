"""C++17: compiled once per distinct source inside the sandbox, then exec'd per test.

The compiler runs as the slot uid under the compile limits, confined by Landlock to the
toolchain and its build directory, so `#include "/etc/passwd"` or "/dev/zero" fail instead of
leaking or hanging. The binary goes into the judge's compile cache (keyed by the source and
`fingerprint()`: compiler version and flags), which owns it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from judges.config import JudgeConfig, Limits
from judges.executors.base import Prepared, RunMode
from judges.executors.pch import precompiled_dir
from judges.executors.source import C_LIKE
from judges.sandbox.slot import Outcome, Slot
from judges.testdata import Blob

FLAGS = ("-O2", "-std=gnu++17", "-pipe")
MAX_SOURCE_BYTES = 1 << 20


class Cpp17:
    name = "cpp17"
    source_language = "cpp17"
    suffixes = (".cpp", ".cc", ".cxx", ".c++")
    time_multiplier = 1.0
    syntax = C_LIKE
    run_mode = RunMode.EXEC
    tracebacks = False
    self_test = "#include <iostream>\n#include <string>\nint main(){std::string s;while(std::getline(std::cin,s))std::cout<<s<<'\\n';}\n"

    def __init__(self) -> None:
        self.compiler = shutil.which("g++")
        self._version = ""

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

    def fingerprint(self) -> str:
        return "\0".join([self._compiler_version(), *FLAGS])

    def prepare(
        self,
        source: str,
        slot: Slot,
        config: JudgeConfig,
        artefacts: Path,
        extra_files: tuple[tuple[str, str], ...] = (),
    ) -> Prepared:
        if self.compiler is None:
            return Prepared(self.name, compile_error=self.unavailable_reason())
        if len(source.encode()) > MAX_SOURCE_BYTES:
            return Prepared(self.name, compile_error=f"source larger than {MAX_SOURCE_BYTES} bytes")
        return self._compile(source, slot, config, artefacts, extra_files)

    def _compile(
        self,
        source: str,
        slot: Slot,
        config: JudgeConfig,
        artefacts: Path,
        extra_files: tuple[tuple[str, str], ...],
    ) -> Prepared:
        # Not under the scratch directory: the zygote empties that after every job.
        build = slot.workdir / f"build-{slot.scratch.name}-{artefacts.name}"
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
            final = artefacts / "main"
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
