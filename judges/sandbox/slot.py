"""The judge's side of one zygote: start it, hand it jobs, turn its replies into kernel facts.

A slot is used by one thread at a time. It owns a slot uid (unique on the machine, held by a
lock file so several judges can run side by side), a private scratch directory, and its
zygote process; when the zygote dies or stops answering the slot starts a new one and the
run is reported as a judge error (retried by the caller), never as the candidate's fault.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import socket
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judges.config import Limits, SandboxConfig
from judges.sandbox import landlock, protocol
from judges.testdata import Blob

__all__ = ["JudgeError", "Outcome", "Piped", "Slot", "make_workdir"]

log = logging.getLogger(__name__)

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[3]); from judges.sandbox import zygote; zygote.main()"
)
_UID_LOCKS = Path(tempfile.gettempdir()) / "alphasolve-uids"
_UID_RANGE = 1024
_STDLIB_PATHS = tuple(sorted({sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib")}))


class JudgeError(Exception):
    """The judge, not the candidate, failed (verdict JE)."""


@dataclass(frozen=True)
class Outcome:
    """What the kernel says about one run."""

    exit_code: int | None
    signal: int | None
    cpu: float
    wall: float
    maxrss_kb: int
    killed: str | None  # "cpu" or "wall" when the supervisor killed it
    stdout: bytes
    stdout_size: int
    stderr: bytes  # truncated
    stderr_size: int
    compile_error: str | None = None  # Python syntax error, found before running
    ended: float = 0.0  # CLOCK_MONOTONIC when the job was reaped (which side of a pair ended first)


@dataclass(frozen=True)
class Piped:
    """A job's stdin and stdout wired to pipes instead of a file and a memfd (an interactive
    run). The slot owns both fds: it closes its copies as soon as the zygote has them, so the
    far end sees end-of-file the moment the job ends. `writable`: directories the job may also
    write (an interactor's feedback directory)."""

    stdin_fd: int
    stdout_fd: int
    writable: tuple[str, ...] = ()


def make_workdir(config: SandboxConfig) -> Path:
    base = config.workdir or Path(tempfile.gettempdir())
    base.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix="alphasolve-judge-", dir=base))
    path.chmod(0o711)  # slot uids may traverse it to reach their own directories
    return path


class Slot:
    def __init__(self, config: SandboxConfig, workdir: Path) -> None:
        self.config = config
        self.workdir = workdir
        self.root = os.geteuid() == 0
        self._lock_fd: int | None = None
        self.uid = self._claim_uid() if self.root and config.use_setuid else None
        name = f"slot-{self.uid}" if self.uid is not None else f"slot-{os.getpid()}-{id(self)}"
        self.scratch = workdir / name
        self.scratch.mkdir(mode=0o700, exist_ok=True)
        if self.uid is not None:
            os.chown(self.scratch, self.uid, self.uid)
        self.proc: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self.facts: dict[str, Any] = {}
        self.start()

    # ----- lifecycle -----

    def _claim_uid(self) -> int:
        _UID_LOCKS.mkdir(mode=0o700, exist_ok=True)
        for uid in range(self.config.base_uid, self.config.base_uid + _UID_RANGE):
            fd = os.open(_UID_LOCKS / f"{uid}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            self._lock_fd = fd
            return uid
        raise JudgeError(
            f"no free slot uid in {self.config.base_uid}..{self.config.base_uid + _UID_RANGE}"
        )

    def start(self) -> None:
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        cfg = {
            "uid": self.uid,
            "setuid": self.uid is not None,
            "scratch": str(self.scratch),
            "net_namespace": self.config.use_net_namespace,
            "pid_namespace": self.config.use_pid_namespace,
            "landlock": self.config.use_landlock,
            "seccomp": self.config.use_seccomp,
        }
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"}
        log_path = self.workdir / f"{self.scratch.name}.log"
        with open(log_path, "ab") as logf:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-S",
                    "-c",
                    _BOOTSTRAP,
                    str(child.fileno()),
                    json.dumps(cfg),
                    _PACKAGE_ROOT,
                ],
                pass_fds=[child.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=logf,
                stderr=logf,
                env=env,
                cwd="/",
            )
        child.close()
        self.sock = parent
        self.sock.settimeout(60)
        reply, fds = protocol.recv(self.sock)
        for fd in fds:
            os.close(fd)
        if not reply or not reply.get("ready"):
            self.close()
            raise JudgeError(f"zygote failed to start (see {log_path})")
        self.facts = reply["facts"]

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            self.proc = None

    def release(self) -> None:
        self.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def restart(self) -> None:
        self.close()
        self.start()

    # ----- running -----

    @property
    def baseline_kb(self) -> int:
        return int(self.facts.get("baseline_rss_kb", 0))

    def run_python(
        self,
        code: str,
        stdin: Blob | Piped,
        limits: Limits,
        args: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
    ) -> Outcome:
        writable = stdin.writable if isinstance(stdin, Piped) else ()
        data = code.encode()
        code_fd = _memfd("code", data)
        req = {
            "kind": "python",
            "code_hash": hashlib.sha256(data).hexdigest(),
            "args": list(args),
            "recursion_limit": self.config.python_recursion_limit,
            "int_max_str_digits": self.config.python_int_max_str_digits,
            "landlock": self._rules(python=True, extra_read=extra_read, extra_write=writable),
            "limits": self._limits(limits, python=True),
        }
        try:
            return self._run(req, stdin, limits, extra_fds=[code_fd])
        finally:
            os.close(code_fd)

    def run_exec(
        self,
        argv: list[str],
        stdin: Blob | Piped,
        limits: Limits,
        *,
        exec_paths: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
        extra_write: tuple[str, ...] = (),
        cwd: str | None = None,
        env: dict[str, str] | None = None,
    ) -> Outcome:
        if isinstance(stdin, Piped):
            extra_write = (*extra_write, *stdin.writable)
        req = {
            "kind": "exec",
            "argv": argv,
            "cwd": cwd,
            "env": env or {},
            "landlock": self._rules(
                python=False, exec_paths=exec_paths, extra_read=extra_read, extra_write=extra_write
            ),
            "limits": self._limits(limits, python=False),
        }
        return self._run(req, stdin, limits, extra_fds=[])

    def _limits(self, limits: Limits, python: bool) -> dict[str, Any]:
        mem = limits.memory_mb * 2**20 + limits.address_space_grace_mb * 2**20
        rss_kb = limits.memory_mb * 1024
        if python:  # the forked child starts with the zygote's address space and pages
            mem += int(self.facts.get("baseline_vm_kb", 0)) * 1024
            rss_kb += self.baseline_kb
        return {
            "rss_kb": rss_kb,
            "cpu": limits.time,
            "wall": limits.wall,
            "poll": limits.poll_interval,
            "cpu_rlimit": limits.cpu_rlimit,
            "fsize": limits.output_mb * 2**20 + 1,
            "nofile": limits.open_files,
            "nproc": limits.processes,
            "stack": min(limits.stack, mem),
            "address_space": mem,
        }

    def _rules(
        self,
        *,
        python: bool,
        exec_paths: tuple[str, ...] = (),
        extra_read: tuple[str, ...] = (),
        extra_write: tuple[str, ...] = (),
    ) -> list[tuple[str, int]]:
        rules: list[tuple[str, int]] = [
            (str(self.scratch), landlock.READ | landlock.WRITE_FILE | landlock.REMOVE_DIR | landlock.REMOVE_FILE
             | landlock.MAKE_DIR | landlock.MAKE_REG | landlock.TRUNCATE),
            ("/dev/null", landlock.READ_FILE | landlock.WRITE_FILE),
            ("/dev/urandom", landlock.READ_FILE),
        ]  # fmt: skip
        if python:
            rules += [(p, landlock.READ) for p in _STDLIB_PATHS]
        else:
            for lib in ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/etc/ld.so.cache"):
                rules.append((lib, landlock.READ_EXEC))
            rules += [(p, landlock.READ_EXEC) for p in exec_paths]
        rules += [(p, landlock.READ) for p in extra_read]
        rules += [(p, landlock.READ | landlock.WRITE_FILE | landlock.MAKE_REG | landlock.REMOVE_FILE
                   | landlock.MAKE_DIR | landlock.TRUNCATE) for p in extra_write]  # fmt: skip
        return rules

    def _run(
        self, req: dict[str, Any], stdin: Blob | Piped, limits: Limits, extra_fds: list[int]
    ) -> Outcome:
        piped = isinstance(stdin, Piped)
        if isinstance(stdin, Piped):
            stdin_fd, out_fd = stdin.stdin_fd, stdin.stdout_fd
        else:
            stdin_fd, out_fd = _open_input(stdin), _memfd("stdout")
        err_fd = _memfd("stderr")
        handed_over = [stdin_fd, out_fd] if piped else []  # closed once the zygote has them
        try:
            reply = self._exchange(
                req,
                [stdin_fd, out_fd, err_fd, *extra_fds],
                timeout=limits.wall + 30,
                close_after_send=handed_over,
            )
            if "compile_error" in reply:
                return Outcome(
                    None,
                    None,
                    0.0,
                    0.0,
                    0,
                    None,
                    b"",
                    0,
                    b"",
                    0,
                    compile_error=reply["compile_error"],
                )
            if reply.get("error"):
                raise JudgeError(f"zygote: {reply['error']}")
            if reply.get("setup_error"):
                raise JudgeError(reply["setup_error"])
            out_size = 0 if piped else os.fstat(out_fd).st_size
            err_size = os.fstat(err_fd).st_size
            return Outcome(
                exit_code=reply["exit_code"],
                signal=reply["signal"],
                cpu=reply["cpu"],
                wall=reply["wall"],
                maxrss_kb=reply["maxrss_kb"],
                killed=reply["killed"],
                stdout=b""
                if piped
                else os.pread(out_fd, min(out_size, limits.output_mb * 2**20 + 1), 0),
                stdout_size=out_size,
                stderr=os.pread(err_fd, min(err_size, self.config.stderr_keep_chars * 4), 0),
                stderr_size=err_size,
                ended=reply.get("ended", 0.0),
            )
        finally:
            for fd in (*handed_over, err_fd) if piped else (stdin_fd, out_fd, err_fd):
                os.close(fd)

    def _exchange(
        self,
        req: dict[str, Any],
        fds: list[int],
        timeout: float,
        close_after_send: list[int] | None = None,
    ) -> dict[str, Any]:
        if self.sock is None or self.proc is None or self.proc.poll() is not None:
            self.restart()
        assert self.sock is not None
        try:
            self.sock.settimeout(timeout)
            protocol.send(self.sock, req, fds)
            while close_after_send:  # emptied here: the caller closes what is left on failure
                os.close(close_after_send.pop())
            reply, extra = protocol.recv(self.sock)
            for fd in extra:
                os.close(fd)
        except (OSError, ValueError) as exc:
            self.restart()
            raise JudgeError(f"lost the zygote: {exc}") from exc
        if reply is None:
            self.restart()
            raise JudgeError("the zygote exited")
        return reply


def _memfd(name: str, data: bytes = b"") -> int:
    fd = os.memfd_create(name, os.MFD_CLOEXEC)
    if data:
        _write_all(fd, data)
        os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _open_input(stdin: Blob) -> int:
    """A file stays a file (never read into memory, never a pipe that could block)."""
    if stdin.path is not None:
        try:
            return os.open(stdin.path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as exc:
            raise JudgeError(f"cannot open test input {stdin.path}: {exc.strerror}") from exc
    return _memfd("stdin", stdin.read())
