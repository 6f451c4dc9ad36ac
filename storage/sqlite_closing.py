"""aiosqlite connections as the engine makes them: their close ends when SQLAlchemy also stops
them, their thread survives the loop that asked it, and their cursors make one trip a statement.

When a task is cancelled while its SQLite connection is in use, SQLAlchemy invalidates the
connection: it starts aiosqlite's graceful `close()` in a shielded task and, on the
cancellation, stops the connection's thread at once (`stop()`, its "force close"). aiosqlite
0.22's `close()` then queues a second stop for a thread that has already ended and waits for it
forever, so the task never ends: a test's event loop hangs while cancelling what is left, and so
would the bot's shutdown (`tests/storage/test_sqlite_closing.py` reproduces the two calls).
Here `close()` asks for the second stop only while the thread is still running.

The connection's thread also outlives the event loop that asked it for something when a test or
the bot ends while a statement runs (a task cancelled mid-query, a leaked connection's `__del__`):
aiosqlite's worker then hands the result to a closed loop, raises "Event loop is closed" in the
thread and dies without reading the rest of its queue (omnilib/aiosqlite#241, open). Our worker
drops a result nobody can receive any more and goes on.

Cursors: storage/sqlite_cursor.py.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import aiosqlite
from aiosqlite.core import _STOP_RUNNING_SENTINEL, _TxQueue, set_exception, set_result
from sqlalchemy import event
from sqlalchemy.engine import Dialect, Engine

from storage.sqlite_cursor import OneTripCursor

# aiosqlite.connect's own default.
ITER_CHUNK_SIZE = 64

LOG = logging.getLogger(__name__)


class SafelyClosingConnection(aiosqlite.Connection):
    """aiosqlite's connection whose `close()` ends after an earlier or concurrent `stop()`, and
    whose cursors run a statement in one trip to its thread (storage/sqlite_cursor.py)."""

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    async def close(self) -> None:
        if self._connection is None:
            return
        try:
            await self._execute(self._conn.close)
        finally:
            self._connection = None
            # stop() clears _running: a stop already asked for ends the thread by itself.
            if self._running:
                stopped = self.stop()
                if stopped:
                    await stopped


def connect(database: str, **kwargs: Any) -> SafelyClosingConnection:
    """What `aiosqlite.connect` makes, with the safe close; the thread is a daemon, as
    SQLAlchemy makes it, so a connection left open never holds the process at exit."""
    connection = SafelyClosingConnection(
        partial(sqlite3.connect, database, **kwargs), ITER_CHUNK_SIZE
    )
    # Not started yet: aiosqlite starts it when the connection is first awaited.
    connection._thread = threading.Thread(
        target=_work_through, args=(connection._tx,), daemon=True
    )
    return connection


def _work_through(tx: _TxQueue) -> None:
    """aiosqlite's `_connection_worker_thread`, whose answers to a closed loop are dropped.

    Runs each queued call on this thread until the stop sentinel; every call's result or
    exception goes to the future that asked, on its loop, when that loop still runs.
    """
    while True:
        future, function = tx.get()
        try:
            result = function()
        except BaseException as error:  # handed to the caller, as aiosqlite does
            _answer(future, set_exception, error)
            continue
        _answer(future, set_result, result)
        if result is _STOP_RUNNING_SENTINEL:
            break


def _answer(
    future: asyncio.Future[Any] | None,
    setter: Callable[[asyncio.Future[Any], Any], None],
    value: Any,
) -> None:
    if future is None:
        return
    try:
        future.get_loop().call_soon_threadsafe(setter, future, value)
    except RuntimeError:
        # The loop is closed: whoever awaited this is gone with it.
        LOG.debug("dropped a SQLite result for a closed event loop")


def use_safe_close(engine: Engine) -> None:
    """Makes every new connection of an aiosqlite engine (its `sync_engine`) a
    SafelyClosingConnection, with the arguments SQLAlchemy derived from the URL."""
    event.listen(engine, "do_connect", _with_safe_close)


def _with_safe_close(
    _dialect: Dialect, _record: object, _cargs: list[Any], cparams: dict[str, Any]
) -> None:
    cparams["async_creator_fn"] = connect
