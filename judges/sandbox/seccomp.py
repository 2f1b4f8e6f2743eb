"""A seccomp-BPF deny list built by hand (no libseccomp needed): the syscalls a contest
program never needs and an escape would. Denied calls fail with EPERM."""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

__all__ = ["Filter", "build", "supported"]

_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_RET_KILL_PROCESS = 0x80000000

# BPF opcodes
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_RET_K = 0x06

_ARCH = {
    # machine: (AUDIT_ARCH, syscall numbers by name)
    "x86_64": (
        0xC000003E,
        {
            "socket": 41, "ptrace": 101, "mount": 165, "umount2": 166, "unshare": 272,
            "setns": 308, "process_vm_readv": 310, "process_vm_writev": 311, "keyctl": 250,
            "add_key": 248, "request_key": 249, "bpf": 321, "perf_event_open": 298,
            "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426,
            "io_uring_register": 427, "clone3": 435, "execve": 59, "execveat": 322,
            "clone": 56, "fork": 57, "vfork": 58, "kill": 62,
            "pivot_root": 155, "chroot": 161, "kexec_load": 246, "init_module": 175,
            "finit_module": 313, "open_by_handle_at": 304, "fsopen": 430, "fsmount": 432,
            "move_mount": 429, "open_tree": 428, "mount_setattr": 442,
        },
    ),
    "aarch64": (
        0xC00000B7,
        {
            "socket": 198, "ptrace": 117, "mount": 40, "umount2": 39, "unshare": 97,
            "setns": 268, "process_vm_readv": 270, "process_vm_writev": 271, "keyctl": 219,
            "add_key": 217, "request_key": 218, "bpf": 280, "perf_event_open": 241,
            "userfaultfd": 282, "io_uring_setup": 425, "io_uring_enter": 426,
            "io_uring_register": 427, "clone3": 435, "execve": 221, "execveat": 281,
            "clone": 220, "kill": 129,
            "pivot_root": 41, "chroot": 51, "kexec_load": 104, "init_module": 105,
            "finit_module": 273, "open_by_handle_at": 265, "fsopen": 430, "fsmount": 432,
            "move_mount": 429, "open_tree": 428, "mount_setattr": 442,
        },
    ),
}  # fmt: skip

# Denied for every job. clone3 gets ENOSYS so libc falls back to clone (whose namespace flags
# are then stopped by the missing CAP_SYS_ADMIN of the slot uid).
_ALWAYS = (
    "socket", "ptrace", "mount", "umount2", "unshare", "setns", "process_vm_readv",
    "process_vm_writev", "keyctl", "add_key", "request_key", "bpf", "perf_event_open",
    "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register", "pivot_root",
    "chroot", "kexec_load", "init_module", "finit_module", "open_by_handle_at", "fsopen",
    "fsmount", "move_mount", "open_tree", "mount_setattr",
)  # fmt: skip

_libc = ctypes.CDLL(None, use_errno=True)
_prctl = _libc.prctl


class _Prog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def supported() -> bool:
    return platform.machine() in _ARCH


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("<HBBI", code, jt, jf, k)


def build(deny_exec: bool, deny_fork: bool = False) -> bytes:
    """The filter: always the deny list; `deny_exec` for Python jobs (the fork-server never
    execs); `deny_fork` when the job may have no second process or thread, which contains
    it even where no slot uid or PID namespace is available (fork fails with EAGAIN, as
    RLIMIT_NPROC would make it)."""
    arch, numbers = _ARCH[platform.machine()]
    denied = [numbers[n] for n in _ALWAYS]
    if deny_exec:
        denied += [numbers["execve"], numbers["execveat"]]
    forks = [numbers[n] for n in ("clone", "fork", "vfork") if n in numbers] if deny_fork else []
    clone3 = numbers["clone3"]
    prog = [
        _insn(_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        _insn(_JEQ_K, 1, 0, arch),
        _insn(_RET_K, 0, 0, _RET_KILL_PROCESS),  # foreign ABI: refuse outright
        _insn(_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
    ]
    if platform.machine() == "x86_64":  # x32 syscalls carry bit 30
        prog += [_insn(_JGE_K, 0, 1, 0x40000000), _insn(_RET_K, 0, 0, _RET_ERRNO | errno.EPERM)]
    # kill(-1, ...) signals every process the caller may signal: refused outright, so even a
    # job that could not be given its own uid cannot take down the host's processes.
    prog += [
        _insn(_JEQ_K, 0, 3, numbers["kill"]),
        _insn(_LD_W_ABS, 0, 0, 16),  # seccomp_data.args[0], low 32 bits (little endian)
        _insn(_JEQ_K, 0, 1, 0xFFFFFFFF),
        _insn(_RET_K, 0, 0, _RET_ERRNO | errno.EPERM),
        _insn(_LD_W_ABS, 0, 0, 0),  # back to seccomp_data.nr
    ]
    prog += [_insn(_JEQ_K, 0, 1, clone3), _insn(_RET_K, 0, 0, _RET_ERRNO | errno.ENOSYS)]
    for nr in forks:
        prog += [_insn(_JEQ_K, 0, 1, nr), _insn(_RET_K, 0, 0, _RET_ERRNO | errno.EAGAIN)]
    for nr in denied:
        prog += [_insn(_JEQ_K, 0, 1, nr), _insn(_RET_K, 0, 0, _RET_ERRNO | errno.EPERM)]
    prog.append(_insn(_RET_K, 0, 0, _RET_ALLOW))
    return b"".join(prog)


class Filter:
    """A filter program ready to install: built in the zygote, so a job pays one syscall."""

    def __init__(self, code: bytes) -> None:
        self._buf = ctypes.create_string_buffer(code, len(code))
        self._prog = _Prog(len(code) // 8, ctypes.cast(self._buf, ctypes.c_void_p))
        self._ref = ctypes.byref(self._prog)

    def install(self) -> None:
        """Install on the calling process. Needs NO_NEW_PRIVS first."""
        if _prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, self._ref, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "seccomp filter not installed")
