"""A database outage on demand: a TCP proxy in front of the PostgreSQL server that can be cut
(every open connection closed, new ones refused, as when the server stops or restarts) and
restored on the same port. Cheaper than a cluster of one's own on a shared machine, and what a
client sees is the same: its connections drop, and the server ends their sessions (so their
advisory locks are released)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy.engine import make_url

from storage.database import Database, open_database, prepare_database
from tests.support.databases import POSTGRES_URL
from tests.support.network import free_port

CHUNK = 65536


class DatabaseProxy:
    def __init__(self, target_url: str) -> None:
        target = make_url(target_url)
        self._target = (target.host or "127.0.0.1", target.port or 5432)
        self.port = free_port()
        self.url = target.set(host="127.0.0.1", port=self.port).render_as_string(
            hide_password=False
        )
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def restore(self) -> None:
        """Accept connections again (on the same port)."""
        self._server = await asyncio.start_server(self._pipe, "127.0.0.1", self.port)

    async def cut(self) -> None:
        """Refuse new connections and close every open one."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(
            _copy(reader, up_writer), _copy(up_reader, writer), return_exceptions=True
        )


async def _copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(CHUNK):
            writer.write(data)
            await writer.drain()
    finally:
        with contextlib.suppress(OSError, RuntimeError):
            writer.close()


@asynccontextmanager
async def proxied(target_url: str) -> AsyncIterator[DatabaseProxy]:
    proxy = DatabaseProxy(target_url)
    await proxy.restore()
    try:
        yield proxy
    finally:
        await proxy.cut()


@pytest.fixture
async def postgres_database(postgres_url: str) -> AsyncIterator[Database]:
    """A migrated PostgreSQL database, for outages (a proxy in front of it can be cut)."""
    db = open_database(postgres_url)
    await prepare_database(db)
    yield db
    await db.dispose()


@pytest.fixture
async def proxy(postgres_database: Database) -> AsyncIterator[DatabaseProxy]:
    """A proxy in front of `postgres_database`, to cut and restore."""
    async with proxied(POSTGRES_URL) as proxy:
        yield proxy


@pytest.fixture
async def cut_off(proxy: DatabaseProxy) -> AsyncIterator[Database]:
    """`postgres_database` as seen through `proxy`: down while the proxy is cut."""
    db = open_database(proxy.url)
    yield db
    await db.dispose()
