"""Accepting connections when the process is out of file descriptors, without a log storm.

tornado's accept handler lets `accept()`'s EMFILE escape; the listening socket stays readable,
so the event loop calls it again at once and logs a traceback each time (issue 20: 1,100
half-sent requests under a 1,024 file limit wrote 261 MB of ERROR lines in a minute and kept
the loop busy). Here the socket is left alone for a moment instead, while the connections that
hold the descriptors finish or time out, and the condition is logged once a minute.
"""

from __future__ import annotations

import errno
import logging
import socket
from collections.abc import Callable, Iterable
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop

from bot.log_throttle import ThrottledLog

log = logging.getLogger(__name__)

# The process's or the system's table is full, or the kernel is short of memory for a socket.
OUT_OF_DESCRIPTORS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
# Long enough for a timed-out connection to free its descriptor, short enough that a webhook
# update waiting in the listen backlog is still taken within Telegram's patience.
ACCEPT_PAUSE_SECONDS = 0.5
# tornado's own figure: connections taken per wake-up before other work gets a turn.
ACCEPTS_PER_WAKE_UP = 128

Accepted = Callable[[socket.socket, Any], None]


class PatientHTTPServer(HTTPServer):
    """tornado's HTTPServer, accepting with `accept_patiently`."""

    def add_sockets(self, sockets: Iterable[socket.socket]) -> None:
        # The same bookkeeping as TCPServer.add_sockets, which stop() reads back.
        full = ThrottledLog(log)
        for sock in sockets:
            self._sockets[sock.fileno()] = sock
            self._handlers[sock.fileno()] = accept_patiently(sock, self._handle_connection, full)


def accept_patiently(
    sock: socket.socket, accepted: Accepted, full: ThrottledLog
) -> Callable[[], None]:
    """tornado.netutil.add_accept_handler, pausing on a full descriptor table; returns the
    function that stops accepting."""
    loop = IOLoop.current()
    state = {"listening": True, "paused": False}

    def on_readable(fd: socket.socket, events: int) -> None:
        for _ in range(ACCEPTS_PER_WAKE_UP):
            try:
                connection, address = sock.accept()
            except BlockingIOError:
                return
            except ConnectionAbortedError:
                continue
            except OSError as error:
                if error.errno not in OUT_OF_DESCRIPTORS:
                    raise
                pause(error)
                return
            accepted(connection, address)

    def pause(error: OSError) -> None:
        full.warning("cannot accept connections: %s; pausing, then trying again", error.strerror)
        loop.remove_handler(sock)
        state["paused"] = True
        loop.call_later(ACCEPT_PAUSE_SECONDS, resume)

    def resume() -> None:
        state["paused"] = False
        if state["listening"]:
            loop.add_handler(sock, on_readable, IOLoop.READ)

    def stop() -> None:
        if state["listening"] and not state["paused"]:
            loop.remove_handler(sock)
        state["listening"] = False

    loop.add_handler(sock, on_readable, IOLoop.READ)
    return stop
