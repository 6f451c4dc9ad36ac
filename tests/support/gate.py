"""A TCP forwarder a test can shut and open again: a database server "going away" and back.

Shut, it cuts every connection and hangs up on new ones at once (as a server restarting does);
it keeps listening, so that no client is left with a half-made connection to a closed port.
"""

from __future__ import annotations

import asyncio
import contextlib

HOST = "127.0.0.1"
CHUNK = 65536


class TcpGate:
    """Forwards connections on HOST:`port` to the target while open."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self._target = (target_host, target_port)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.is_open = True
        self.port = 0

    async def __aenter__(self) -> TcpGate:
        self._server = await asyncio.start_server(self._forward, HOST, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *_exc: object) -> None:
        assert self._server is not None
        self.shut()
        self._server.close()
        await self._server.wait_closed()

    def shut(self) -> None:
        self.is_open = False
        for writer in list(self._writers):
            writer.close()

    def open(self) -> None:
        self.is_open = True

    async def _forward(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        ends = {writer}
        try:
            if not self.is_open:
                return
            upstream_reader, upstream_writer = await asyncio.open_connection(*self._target)
            ends.add(upstream_writer)
            self._writers |= ends
            await asyncio.gather(
                _pipe(reader, upstream_writer),
                _pipe(upstream_reader, writer),
                return_exceptions=True,
            )
        finally:
            self._writers -= ends
            for end in ends:
                end.close()
                with contextlib.suppress(ConnectionError):
                    await end.wait_closed()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while chunk := await reader.read(CHUNK):
            writer.write(chunk)
            await writer.drain()
    writer.close()
