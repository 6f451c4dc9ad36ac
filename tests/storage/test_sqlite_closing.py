"""The SQLite connections close even when SQLAlchemy stops them during the close
(storage/sqlite_closing.py): the cancellation of a task using a connection does that; and their
thread survives the end of the event loop that asked it for something."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
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


def test_a_result_for_a_closed_loop_is_dropped_and_the_thread_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    thread_errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: thread_errors.append(args.exc_value))
    started, release = threading.Event(), threading.Event()

    def slow_statement() -> int:
        started.set()
        release.wait(CLOSE_BOUND_SECONDS)
        return 1

    first_loop = asyncio.new_event_loop()
    connection = first_loop.run_until_complete(connect(str(tmp_path / "closing.db")))
    asking = first_loop.create_task(connection._execute(slow_statement))
    first_loop.run_until_complete(asyncio.sleep(0))
    assert started.wait(CLOSE_BOUND_SECONDS)
    # The test (or the bot) ends while the statement runs: its task is cancelled, its loop closed.
    asking.cancel()
    first_loop.run_until_complete(asyncio.gather(asking, return_exceptions=True))
    first_loop.close()
    release.set()

    async def use_then_close() -> Any:
        row = await (await connection.execute("select 41 + 1")).fetchone()
        await connection.close()
        return row

    assert asyncio.run(asyncio.wait_for(use_then_close(), CLOSE_BOUND_SECONDS)) == (42,)
    connection._thread.join(CLOSE_BOUND_SECONDS)
    assert not connection._thread.is_alive()
    assert thread_errors == []
