"""The HTTP side: tornado routes for /bot<TOKEN>/<method> and /file/bot<TOKEN>/<path>."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import struct
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.iostream import StreamClosedError
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

from tests.fakebotapi.params import read_params
from tests.fakebotapi.state import BotApiState
from tests.fakebotapi.store import ApiError, Json

HOST = "127.0.0.1"


class MethodHandler(RequestHandler):
    def initialize(self, state: BotApiState, answering: set[asyncio.Future[None]]) -> None:
        self.state = state
        self.answering = answering
        self.call: asyncio.Future[tuple[int, Json]] | None = None

    async def post(self, token: str, method: str) -> None:
        # Tracked so that stopping waits for answers (empty long polls) to reach the clients.
        answer = asyncio.ensure_future(self._answer(token, method))
        self.answering.add(answer)
        answer.add_done_callback(self.answering.discard)
        await answer

    async def get(self, token: str, method: str) -> None:
        await self.post(token, method)

    def on_connection_close(self) -> None:
        if self.call is not None:
            self.call.cancel()

    async def _answer(self, token: str, method: str) -> None:
        if self.state.resetting.active:
            self._reset()
            return
        params, files = read_params(self.request)
        handled = self.state.handle(token, method, params, files, peer_port=self._peer_port())
        self.call = asyncio.ensure_future(handled)
        try:
            status, body = await self.call
        except asyncio.CancelledError:
            return  # The client hung up (PTB cancels its long poll on stop): no one to answer.
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        # The client may hang up while its answer is made (a stopping bot): no one to answer.
        with contextlib.suppress(StreamClosedError):
            await self.finish(json.dumps(body))

    def _peer_port(self) -> int:
        # 0 when the client hung up before its request was read: then nobody is identified.
        stream = self.request.connection.stream  # type: ignore[union-attr]
        return int(stream.socket.getpeername()[1]) if stream.socket is not None else 0

    def _reset(self) -> None:
        # SO_LINGER 0 makes close() send RST: the client sees "connection reset by peer".
        stream = self.request.connection.detach()  # type: ignore[union-attr]
        stream.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        stream.close()
        self._finished = True  # Nothing more can be written; tornado must not try.


class FileHandler(RequestHandler):
    def initialize(self, state: BotApiState) -> None:
        self.state = state

    def get(self, token: str, file_path: str) -> None:
        stored = self.state.files.by_path(file_path)
        if token != self.state.token:
            self._fail(ApiError(401, "Unauthorized"))
        elif stored is None:
            self._fail(ApiError(404, "Not Found"))
        else:
            self.set_header("Content-Type", stored.mime_type)
            self.finish(stored.content)

    def _fail(self, error: ApiError) -> None:
        self.set_status(error.code)
        self.finish(error.to_json())


class BotApiServer:
    """Listens on a free port of 127.0.0.1 until stopped; it can go dark for a while (connections
    refused, open ones closed) and come back on the same port, as a network outage looks."""

    def __init__(self, state: BotApiState) -> None:
        self.state = state
        self._answering: set[asyncio.Future[None]] = set()
        routes: list[tuple[str, type[RequestHandler], dict[str, Any]]] = [
            (
                r"/bot([^/]+)/([A-Za-z]+)",
                MethodHandler,
                {"state": state, "answering": self._answering},
            ),
            (r"/file/bot([^/]+)/(.+)", FileHandler, {"state": state}),
        ]
        self._application = Application(routes, log_function=_no_access_log)
        # A stopped tornado server cannot listen again, so each spell of listening has its own.
        self._servers: list[HTTPServer] = []
        self._return: asyncio.TimerHandle | None = None
        self.port = 0

    def start(self, port: int | None = None) -> None:
        """Listen on `port` (0: any free one; None: the port it had, after an outage)."""
        sockets = bind_sockets(self.port if port is None else port, HOST)
        self.port = sockets[0].getsockname()[1]
        server = HTTPServer(self._application)
        server.add_sockets(sockets)
        self._servers.append(server)

    async def go_dark(self, seconds: float) -> None:
        """Refuse connections and drop open ones for `seconds`, then listen again."""
        server = self._servers[-1]
        server.stop()
        await server.close_all_connections()
        self._return = asyncio.get_running_loop().call_later(seconds, self.come_back)

    def come_back(self) -> None:
        """Listen again on the same port (at once, if a test ends an outage early)."""
        if self._return is not None:
            self._return.cancel()
            self._return = None
            self.start()

    async def stop(self) -> None:
        if self._return is not None:
            self._return.cancel()
        for server in self._servers:
            server.stop()
        self.state.updates.close()
        await asyncio.gather(*self._answering, return_exceptions=True)
        for server in self._servers:
            await server.close_all_connections()


def _no_access_log(handler: RequestHandler) -> None:
    # api.requests is the record; tornado would log a warning for every injected error.
    return None
