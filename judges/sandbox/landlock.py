"""Landlock (Linux >= 5.13) through raw syscalls: restrict what a job may read, write,
execute, connect to and signal. Works unprivileged, inside default Docker containers too."""

from __future__ import annotations

import ctypes
import os
import struct

__all__ = ["abi_version", "restrict_self", "ruleset"]

_SYS_CREATE, _SYS_ADD_RULE, _SYS_RESTRICT = 444, 445, 446  # same on x86_64 and aarch64
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1

EXECUTE = 1 << 0
WRITE_FILE = 1 << 1
READ_FILE = 1 << 2
READ_DIR = 1 << 3
REMOVE_DIR = 1 << 4
REMOVE_FILE = 1 << 5
MAKE_CHAR = 1 << 6
MAKE_DIR = 1 << 7
MAKE_REG = 1 << 8
MAKE_SOCK = 1 << 9
MAKE_FIFO = 1 << 10
MAKE_BLOCK = 1 << 11
MAKE_SYM = 1 << 12
REFER = 1 << 13  # ABI 2
TRUNCATE = 1 << 14  # ABI 3
IOCTL_DEV = 1 << 15  # ABI 5

READ = READ_FILE | READ_DIR
READ_EXEC = READ | EXECUTE
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV  # rights valid on a file

_libc = ctypes.CDLL(None, use_errno=True)
_syscall = _libc.syscall  # looked up once: a forked job then pays only the call
_syscall.restype = ctypes.c_long


def _fs_rights(abi: int) -> int:
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= REFER
    if abi >= 3:
        rights |= TRUNCATE
    if abi >= 5:
        rights |= IOCTL_DEV
    return rights


def abi_version() -> int:
    """The kernel's Landlock ABI, or 0 when Landlock is unavailable."""
    abi = _syscall(_SYS_CREATE, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return max(0, int(abi))


def ruleset(rules: list[tuple[str, int]], *, deny_tcp: bool = True, scope: bool = True) -> int:
    """A ruleset fd allowing only `rules`: (path, rights). Paths that do not exist are skipped.

    Built once and kept by the zygote: a job then only calls `restrict_self(fd)`.
    """
    abi = abi_version()
    if abi < 1:
        raise OSError("landlock unavailable")
    handled_fs = _fs_rights(abi)
    attr = struct.pack("<Q", handled_fs)
    if abi >= 4:
        attr += struct.pack("<Q", 0b11 if deny_tcp else 0)  # BIND_TCP | CONNECT_TCP
    if abi >= 6:
        attr += struct.pack("<Q", 0b11 if scope else 0)  # abstract unix sockets | signals
    buf = ctypes.create_string_buffer(attr, len(attr))
    fd = _syscall(_SYS_CREATE, buf, ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))
    if fd < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        for path, rights in rules:
            try:
                pfd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                if not os.path.isdir(path):
                    rights &= FILE_RIGHTS
                rule = struct.pack("<Qi", rights & handled_fs, pfd)
                rbuf = ctypes.create_string_buffer(rule, len(rule))
                if (
                    _syscall(
                        _SYS_ADD_RULE,
                        ctypes.c_int(fd),
                        ctypes.c_int(_RULE_PATH_BENEATH),
                        rbuf,
                        ctypes.c_uint32(0),
                    )
                    < 0
                ):
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
            finally:
                os.close(pfd)
    except BaseException:
        os.close(fd)
        raise
    return fd


def restrict_self(fd: int) -> None:
    """Confine the calling process and its future children. Needs NO_NEW_PRIVS first."""
    if _syscall(_SYS_RESTRICT, fd, 0) < 0:
        raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
