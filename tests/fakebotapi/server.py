"""The HTTP side: tornado routes for /bot<TOKEN>/<method> and /file/bot<TOKEN>/<path>."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from tornado.httpserver import HTTPServer
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
        params, files = read_params(self.request)
        self.call = asyncio.ensure_future(self.state.handle(token, method, params, files))
        try:
            status, body = await self.call
        except asyncio.CancelledError:
            return  # The client hung up (PTB cancels its long poll on stop): no one to answer.
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        await self.finish(json.dumps(body))


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
    """Listens on a free port of 127.0.0.1 until stopped."""

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
        self._server = HTTPServer(Application(routes, log_function=_no_access_log))
        self.port = 0

    def start(self, port: int = 0) -> None:
        sockets = bind_sockets(port, HOST)
        self.port = sockets[0].getsockname()[1]
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        self._server.stop()
        self.state.updates.close()
        await asyncio.gather(*self._answering, return_exceptions=True)
        await self._server.close_all_connections()


def _no_access_log(handler: RequestHandler) -> None:
    # api.requests is the record; tornado would log a warning for every injected error.
    return None
