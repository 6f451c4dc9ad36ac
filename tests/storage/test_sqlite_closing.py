"""The SQLite connections close even when SQLAlchemy stops them during the close
(storage/sqlite_closing.py): the cancellation of a task using a connection does that."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiosqlite
from sqlalchemy import text

from storage.database import open_database
from storage.sqlite_closing import SafelyClosingConnection, connect

# Generous: the close is one call on the connection's own thread (milliseconds); the bound only
# turns a hang into a failure.
CLOSE_BOUND_SECONDS = 20.0


async def test_a_close_stopped_midway_ends(tmp_path: Path) -> None:
    connection = await connect(str(tmp_path / "closing.db"))
    closing = asyncio.ensure_future(connection.close())
    await asyncio.sleep(0)
    # SQLAlchemy's force close, as when the task using the connection is cancelled.
    connection.stop()
    await asyncio.wait_for(closing, CLOSE_BOUND_SECONDS)
    connection._thread.join(CLOSE_BOUND_SECONDS)
    assert not connection._thread.is_alive()


async def test_a_plain_close_still_closes_and_stops_the_thread(tmp_path: Path) -> None:
    connection = await connect(str(tmp_path / "closing.db"))
    assert await (await connection.execute("select 41 + 1")).fetchone() == (42,)
    await asyncio.wait_for(connection.close(), CLOSE_BOUND_SECONDS)
    connection._thread.join(CLOSE_BOUND_SECONDS)
    assert not connection._thread.is_alive()
    await connection.close()  # a second close does nothing


async def test_the_engine_makes_its_connections_safely_closing(tmp_path: Path) -> None:
    database = open_database(f"sqlite+aiosqlite:///{tmp_path / 'engine.db'}")
    try:
        async with database.engine.connect() as connection:
            raw = await connection.get_raw_connection()
            driver = raw.driver_connection
            assert isinstance(driver, SafelyClosingConnection)
            assert isinstance(driver, aiosqlite.Connection)
            # The URL's arguments reach sqlite3.connect: the file named in the URL is used.
            await connection.execute(text("create table t (x integer)"))
            await connection.commit()
        assert (tmp_path / "engine.db").exists()
    finally:
        await database.dispose()
