"""Messages between a judge process and its zygotes: one JSON object per SEQPACKET datagram,
file descriptors (stdin, stdout and stderr memfds, code) passed alongside with SCM_RIGHTS."""

from __future__ import annotations

import array
import json
import socket
from typing import Any

__all__ = ["MAX_FDS", "MAX_MESSAGE", "recv", "send"]

MAX_MESSAGE = 1 << 20
MAX_FDS = 8


def send(sock: socket.socket, obj: dict[str, Any], fds: list[int] | tuple[int, ...] = ()) -> None:
    data = json.dumps(obj, separators=(",", ":")).encode()
    if fds:
        socket.send_fds(sock, [data], list(fds))
    else:
        sock.sendall(data)


def recv(sock: socket.socket) -> tuple[dict[str, Any] | None, list[int]]:
    """One message, or (None, []) when the peer has gone."""
    fds = array.array("i")
    msg, ancdata, _flags, _addr = sock.recvmsg(MAX_MESSAGE, socket.CMSG_LEN(MAX_FDS * fds.itemsize))
    for level, kind, cdata in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(cdata[: len(cdata) - (len(cdata) % fds.itemsize)])
    if not msg:
        return None, list(fds)
    return json.loads(msg), list(fds)
