"""Which process made a request: the client's TCP port traced to its socket and owner in /proc.

Telegram cannot tell two senders apart, but a test of "never two senders at once" must; the
kernel knows which process holds each socket (Linux only: elsewhere every sender is None).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

PROC = Path("/proc")


def socket_inode(local_port: int, remote_port: int) -> int | None:
    """The inode of the IPv4/IPv6 TCP socket from `local_port` to `remote_port`, if any."""
    for table in ("tcp", "tcp6"):
        path = PROC / "net" / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], int(fields[9])
            if _port(local) == local_port and _port(remote) == remote_port and inode:
                return inode
    return None


def holder(inode: int, pids: list[int]) -> int | None:
    """Which of `pids` has the socket `inode` open."""
    target = f"socket:[{inode}]"
    for pid in pids:
        try:
            descriptors = os.listdir(PROC / str(pid) / "fd")
        except OSError:
            continue  # Gone, or not ours to read.
        for fd in descriptors:
            try:
                if os.readlink(PROC / str(pid) / "fd" / fd) == target:
                    return pid
            except OSError:
                continue
    return None


class PeerFinder:
    """Callable: client port -> pid among `pids()`; sockets are cached by inode."""

    def __init__(self, server_port: Callable[[], int], pids: Callable[[], list[int]]) -> None:
        self._server_port = server_port
        self._pids = pids
        self._owners: dict[int, int] = {}

    def __call__(self, client_port: int) -> int | None:
        inode = socket_inode(client_port, self._server_port())
        if inode is None:
            return None
        if inode not in self._owners:
            owner = holder(inode, self._pids())
            if owner is None:
                return None
            self._owners[inode] = owner
        return self._owners[inode]


def _port(address: str) -> int:
    return int(address.rsplit(":", 1)[1], 16)
