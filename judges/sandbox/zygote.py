"""The zygote: a warm, single-threaded Python process that forks one contained job per request.

Started by `judges.sandbox.slot.Slot` as `python -S -c ... zygote.main()` with a socket on an
inherited fd. Start-up: re-exec once with a large stack limit (deep recursion needs room
below the stack, which is laid out at exec time), enter an empty network namespace and a PID
namespace when permitted (the server then runs as PID 1 there, so `kill(-1)` from it sweeps
every process a job left behind), preload the modules contest programs import, freeze the GC
and report what isolation is in force. Then: one request in, one fork, supervise, one reply.

This module imports only the standard library and its two siblings: whatever it holds in
memory is every Python job's baseline, and every Python job can read it. It never holds test
answers - only the job's code and its fds.
"""

from __future__ import annotations

import ast
import ctypes
import fcntl
import gc
import io
import linecache
import os
import resource
import select
import shutil
import signal
import socket
import sys
import time
import traceback
import types
from typing import Any

from judges.sandbox import landlock, protocol, seccomp

_CLONE_NEWNET = 0x40000000
_CLONE_NEWPID = 0x20000000
_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_NO_NEW_PRIVS = 38
_REEXEC_FLAG = "ALPHASOLVE_ZYGOTE_STAGE"
_STACK_WANTED = 4 << 30

# What most contest programs import. Kept short on purpose: every preloaded page makes each
# fork slower. Other standard-library modules a program names are imported in the job itself,
# before it drops privileges (the slot uid may not be able to read the standard library).
_PRELOAD = (
    "array", "bisect", "collections", "copy", "functools", "heapq", "io", "itertools", "math",
    "operator", "random", "re", "string", "sys", "os", "time", "typing", "encodings.utf_8",
    "encodings.latin_1", "encodings.ascii", "ast",
)  # fmt: skip

_libc = ctypes.CDLL(None, use_errno=True)
_libc_prctl = _libc.prctl  # looked up once here: a forked job then pays only the call
_libc_prctl.argtypes = [
    ctypes.c_int,
    ctypes.c_ulong,
    ctypes.c_ulong,
    ctypes.c_ulong,
    ctypes.c_ulong,
]


def _prctl(option: int, value: int) -> None:
    if _libc_prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl({option}) failed")


def _unshare(flags: int) -> bool:
    return _libc.unshare(ctypes.c_int(flags)) == 0


def _host_pid(pidfd: int, pid: int) -> int:
    """The job's pid as /proc (mounted for the host's PID namespace) knows it."""
    with open(f"/proc/self/fdinfo/{pidfd}") as f:
        for line in f:
            if line.startswith("Pid:"):
                return int(line.split()[1])
    return pid


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Zygote:
    def __init__(
        self, sock: socket.socket, cfg: dict[str, Any], pid1: bool, facts: dict[str, Any]
    ) -> None:
        self.sock = sock
        self.cfg = cfg
        self.pid1 = pid1
        self.facts = facts
        self.root = os.geteuid() == 0
        self.uid = cfg["uid"] if self.root and cfg["setuid"] else None
        self.scratch = cfg["scratch"]
        # code hash -> (compiled program, stdlib modules it imports, its source lines)
        self.code_cache: dict[str, tuple[types.CodeType, tuple[str, ...], list[str]]] = {}
        self.rulesets: dict[
            str, int
        ] = {}  # Landlock ruleset fds, built once per distinct rule list
        # seccomp programs by (deny exec, deny fork), built once: a job pays one prctl
        self.filters: dict[tuple[bool, bool], seccomp.Filter] = {}

    # ----- start-up -----

    def warm_up(self) -> None:
        for name in _PRELOAD:
            try:
                __import__(name)
            except Exception:  # a module missing from this Python build is no reason to fail
                pass
        self.facts["landlock_abi"] = landlock.abi_version() if self.cfg["landlock"] else 0
        self.facts["seccomp"] = self.cfg["seccomp"] and seccomp.supported() and self._try_seccomp()
        if self.facts["seccomp"]:
            self.filters = {
                (no_exec, no_fork): seccomp.Filter(seccomp.build(no_exec, no_fork))
                for no_exec in (False, True)
                for no_fork in (False, True)
            }
        self.facts["setuid"] = self.uid is not None
        self.facts["pid_namespace"] = self.pid1
        gc.collect()
        gc.freeze()  # no copy-on-write storms from the collector touching old objects
        sys.stdout.flush()
        sys.stderr.flush()
        # A forked child's resident set starts below the zygote's (file pages are mapped
        # lazily): measure it, so that "memory used" means what the job itself added.
        probe = os.fork()
        if probe == 0:
            os._exit(0)
        _, _, ru = os.wait4(probe, 0)
        self.facts["baseline_rss_kb"] = ru.ru_maxrss
        self.facts["baseline_vm_kb"] = _status_kb("VmSize")

    def _try_seccomp(self) -> bool:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _prctl(_PR_SET_NO_NEW_PRIVS, 1)
                seccomp.Filter(seccomp.build(deny_exec=True)).install()
                code = 0
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    # ----- the request loop -----

    def serve(self) -> None:
        protocol.send(self.sock, {"ready": True, "facts": self.facts})
        while True:
            try:
                req, fds = protocol.recv(self.sock)
            except (ConnectionError, OSError):
                return
            if req is None:
                return
            try:
                reply = self.handle(req, fds)
            except Exception as exc:  # a broken request must not kill the server
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            finally:
                for fd in fds:
                    os.close(fd)
            protocol.send(self.sock, reply)

    def handle(self, req: dict[str, Any], fds: list[int]) -> dict[str, Any]:
        code = None
        if req["kind"] == "python":
            code = self._code(req, fds[3])
            if isinstance(code, str):
                return {"compile_error": code}
        ruleset = self._ruleset(req["landlock"]) if self.facts.get("landlock_abi") else None
        status_r, status_w = os.pipe2(os.O_CLOEXEC)
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.close(status_r)
            self._child(req, fds, status_w, ruleset, code)  # never returns
        os.close(status_w)
        # The job has its own copies of its stdio. Dropping ours at once lets the other end of
        # a pipe (an interactive run) see end-of-file when the job ends, not after the sweep.
        for fd in fds[:3]:
            os.close(fd)
        del fds[:3]
        try:
            return self._supervise(req, pid, start, status_r)
        finally:
            os.close(status_r)
            self._sweep(pid)

    def _ruleset(self, rules: list[list[Any]]) -> int:
        key = repr(rules)
        fd = self.rulesets.get(key)
        if fd is None:
            if len(self.rulesets) >= 32:
                os.close(self.rulesets.pop(next(iter(self.rulesets))))
            fd = self.rulesets[key] = landlock.ruleset([(p, r) for p, r in rules])
        return fd

    def _code(
        self, req: dict[str, Any], fd: int
    ) -> tuple[types.CodeType, tuple[str, ...], list[str]] | str:
        """The compiled program and the standard-library modules it imports (cached)."""
        key = req["code_hash"]
        entry = self.code_cache.get(key)
        if entry is None:
            size = os.fstat(fd).st_size
            src = os.pread(fd, size, 0)
            try:
                tree = compile(src, "main.py", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
                code = compile(tree, "main.py", "exec", dont_inherit=True)
            except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as exc:
                return "".join(traceback.format_exception_only(type(exc), exc))
            names = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.update(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.add(node.module)
            stdlib = tuple(
                sorted(n for n in names if n.partition(".")[0] in sys.stdlib_module_names)
            )
            if len(self.code_cache) >= 256:
                self.code_cache.pop(next(iter(self.code_cache)))
            lines = src.decode("utf-8", errors="replace").splitlines(keepends=True)
            entry = self.code_cache[key] = (code, stdlib, lines)
        return entry

    def _supervise(
        self, req: dict[str, Any], pid: int, start: float, status_r: int
    ) -> dict[str, Any]:
        limits = req["limits"]
        cpu_limit, wall_limit, poll = limits["cpu"], limits["wall"], limits["poll"]
        rss_limit = limits["rss_kb"] // 4  # in pages
        clock = (~pid << 3) | 2  # the process's CPU-time clock (CPUCLOCK_SCHED)
        pidfd = os.pidfd_open(pid)
        statm = -1
        killed = None
        ended = start
        try:
            while True:
                ready, _, _ = select.select([pidfd], [], [], poll)
                # When the job ended, for ordering the two sides of an interactive run: taken
                # before any kill, which is the cause of whatever the other side sees next.
                ended = time.monotonic()
                if ready:
                    break
                try:
                    cpu = time.clock_gettime(clock)
                except OSError:
                    cpu = 0.0  # exiting; the pidfd says so at the next select
                try:
                    if statm < 0:
                        statm = os.open(f"/proc/{_host_pid(pidfd, pid)}/statm", os.O_RDONLY)
                    rss = int(os.pread(statm, 128, 0).split()[1])
                except (OSError, ValueError, IndexError):
                    rss = 0
                if cpu > cpu_limit:
                    killed = "cpu"
                elif rss > rss_limit:
                    killed = "memory"  # resident memory decides MLE, checked every poll
                elif time.monotonic() - start > wall_limit:
                    killed = "wall"
                if killed:
                    signal.pidfd_send_signal(pidfd, signal.SIGKILL)
                    break
        finally:
            os.close(pidfd)
            if statm >= 0:
                os.close(statm)
        _, status, ru = os.wait4(pid, 0)
        wall = time.monotonic() - start
        setup_error = os.read(status_r, 4096).decode(errors="replace")
        return {
            "setup_error": setup_error,
            "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "cpu": ru.ru_utime + ru.ru_stime,
            "wall": wall,
            "maxrss_kb": ru.ru_maxrss,
            "killed": killed,
            "ended": ended,  # the system-wide monotonic clock: comparable across zygotes
        }

    def _sweep(self, job: int) -> None:
        """No process a job started survives it."""
        if self.pid1:
            try:
                os.kill(-1, signal.SIGKILL)  # from PID 1: every other process of the namespace
            except ProcessLookupError:
                pass  # nothing left: the usual case
        elif self.uid is not None:
            helper = os.fork()
            if helper == 0:
                try:
                    os.setgid(self.uid)
                    os.setuid(self.uid)
                    os.kill(-1, signal.SIGKILL)  # as the slot uid: exactly the slot's processes
                except OSError:
                    pass
                finally:
                    os._exit(0)
            os.waitpid(helper, 0)
        else:  # unprivileged, no namespace: the job's session (seccomp stops forks anyway)
            try:
                os.killpg(job, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        # Reap whatever was re-parented to us (we are PID 1 or a subreaper). A killed process
        # may take a moment to die (a big compiler on a loaded machine): wait for it, boundedly,
        # so that none is left over, even as a zombie, when the next job starts.
        deadline = time.monotonic() + 2.0
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.001)
        try:
            leftovers = os.listdir(self.scratch)
        except OSError:
            leftovers = []
        for name in leftovers:
            path = os.path.join(self.scratch, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                try:
                    os.unlink(path)
                except OSError:
                    pass

    # ----- the job (runs in the forked child) -----

    def _child(
        self,
        req: dict[str, Any],
        fds: list[int],
        status_w: int,
        ruleset: int | None,
        code: tuple[types.CodeType, tuple[str, ...], list[str]] | None,
    ) -> None:
        rc = 120
        try:
            if code is not None:
                for name in code[1]:  # trusted standard-library code, imported while readable
                    try:
                        __import__(name)
                    except Exception:
                        pass  # the program's own import will raise the real error
            try:
                self._enter_sandbox(req, fds, status_w, ruleset)
            except BaseException as exc:
                os.write(3, f"sandbox setup failed: {type(exc).__name__}: {exc}".encode())
                os._exit(121)
            if req["kind"] == "python":
                os.close(3)  # setup succeeded: the judge sees EOF with no error
                # Tracebacks quote main.py's lines, as they would from a file.
                linecache.cache["main.py"] = (0, None, code[2], "main.py")  # type: ignore[index]
                rc = _run_python(code[0], req)  # type: ignore[index]
            else:
                env = {
                    "PATH": "/usr/bin:/bin",
                    "LANG": "C.UTF-8",
                    "HOME": self.scratch,
                    "TMPDIR": self.scratch,
                }
                env.update(req.get("env", {}))
                try:
                    os.execve(req["argv"][0], req["argv"], env)
                except OSError as exc:
                    os.write(3, f"exec failed: {exc}".encode())
                    rc = 122
        finally:
            os._exit(rc)

    def _enter_sandbox(
        self, req: dict[str, Any], fds: list[int], status_w: int, ruleset: int | None
    ) -> None:
        limits = req["limits"]
        python = req["kind"] == "python"
        os.setsid()
        # The zygote installs no handlers of its own: its signal state is what the interpreter
        # set up at start (SIGPIPE, SIGXFSZ ignored, SIGINT handled), which a Python job keeps,
        # as `python3 main.py` would. An exec'd program gets the defaults back.
        if not python:
            for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT):
                signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        # fds land on 0-2 (stdio), 3 (setup status) and 4 (Landlock ruleset). Copy them above
        # every target first, so that no dup2 overwrites a source still to be placed.
        sources = [*fds[:3], status_w] + ([ruleset] if ruleset is not None else [])
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 64) for fd in sources]
        for target, fd in enumerate(high):
            os.dup2(fd, target, inheritable=target < 3)
        os.closerange(len(high), 1 << 16)
        os.chdir(req.get("cwd") or self.scratch)
        os.umask(0o022)
        mem = limits["address_space"]
        rlimits = [
            (resource.RLIMIT_CPU, limits["cpu_rlimit"], limits["cpu_rlimit"] + 1),
            (resource.RLIMIT_FSIZE, limits["fsize"], limits["fsize"]),
            (resource.RLIMIT_NOFILE, limits["nofile"], limits["nofile"]),
            (resource.RLIMIT_CORE, 0, 0),
            (resource.RLIMIT_MEMLOCK, 0, 0),
            (resource.RLIMIT_STACK, limits["stack"], limits["stack"]),
            (resource.RLIMIT_AS, mem, mem),
        ]
        if self.uid is not None:
            # RLIMIT_NPROC is ignored for root and counts per uid: only useful after setuid.
            rlimits.append((resource.RLIMIT_NPROC, limits["nproc"], limits["nproc"]))
        for which, soft, hard in rlimits:
            resource.setrlimit(which, (soft, hard))
        if self.uid is not None:
            os.setgroups([])
            os.setresgid(self.uid, self.uid, self.uid)
            os.setresuid(self.uid, self.uid, self.uid)
        _prctl(_PR_SET_NO_NEW_PRIVS, 1)
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # after setuid, which clears it
        if ruleset is not None:
            landlock.restrict_self(4)
            os.close(4)
        if self.filters:
            self.filters[(python, limits["nproc"] <= 1)].install()
        if python:
            os.environ.clear()
            os.environ.update({"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": self.scratch})


def _run_python(code: types.CodeType, req: dict[str, Any]) -> int:
    """Run `code` as the real __main__ on fds 0/1/2, the way `python3 main.py` would."""
    import random

    sys.stdin = io.TextIOWrapper(
        io.BufferedReader(io.FileIO(0, "r", closefd=False)), encoding="utf-8"
    )
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding="utf-8"
    )
    sys.stderr = io.TextIOWrapper(
        io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
        encoding="utf-8",
        errors="backslashreplace",
        line_buffering=True,
    )
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr
    sys.argv = ["main.py", *req.get("args", [])]
    sys.setrecursionlimit(req["recursion_limit"])
    sys.set_int_max_str_digits(req["int_max_str_digits"])
    random.seed()  # forked children would otherwise share one random stream
    main = types.ModuleType("__main__")
    main.__file__ = "main.py"
    main.__builtins__ = __builtins__  # type: ignore[attr-defined]
    sys.modules["__main__"] = main
    rc = 0
    try:
        exec(code, main.__dict__)
    except SystemExit as exc:
        if exc.code is None:
            rc = 0
        elif isinstance(exc.code, int):
            rc = exc.code & 0xFF
        else:
            print(exc.code, file=sys.stderr)
            rc = 1
    except BaseException as exc:
        # Skip this function's own frame: the traceback starts in main.py, as it would under
        # `python3 main.py`, and shows no judge path.
        traceback.print_exception(
            type(exc), exc, exc.__traceback__.tb_next if exc.__traceback__ else None
        )
        rc = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            rc = rc or 1
    return rc


def main() -> None:
    sock_fd = int(sys.argv[1])
    import json

    cfg = json.loads(sys.argv[2])
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    if (
        os.environ.get(_REEXEC_FLAG) != "1"
        and soft != resource.RLIM_INFINITY
        and soft < _STACK_WANTED
    ):
        # The stack's room is reserved when a process is exec'd: raise the limit, exec again.
        new = hard if hard != resource.RLIM_INFINITY and hard < _STACK_WANTED else _STACK_WANTED
        resource.setrlimit(resource.RLIMIT_STACK, (new, hard))
        os.environ[_REEXEC_FLAG] = "1"
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    os.environ.pop(_REEXEC_FLAG, None)
    sock = socket.socket(fileno=sock_fd)
    facts: dict[str, Any] = {
        "net_namespace": False,
        "stack_bytes": resource.getrlimit(resource.RLIMIT_STACK)[0],
    }
    if cfg["net_namespace"]:
        facts["net_namespace"] = _unshare(_CLONE_NEWNET)
    pid1 = False
    if cfg["pid_namespace"] and _unshare(_CLONE_NEWPID):
        child = os.fork()  # the first child is PID 1 of the new namespace
        if child:
            sock.close()
            _, status = os.waitpid(child, 0)
            os._exit(os.waitstatus_to_exitcode(status) & 0xFF)
        pid1 = True
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        _prctl(_PR_SET_CHILD_SUBREAPER, 1)
    # Jobs import only the standard library: nothing of this project or the current directory.
    sys.path[:] = [p for p in sys.path if p and p != sys.argv[3]]
    zygote = Zygote(sock, cfg, pid1, facts)
    zygote.warm_up()
    zygote.serve()
