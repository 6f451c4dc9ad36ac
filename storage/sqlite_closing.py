"""aiosqlite connections whose close ends when SQLAlchemy also stops them.

When a task is cancelled while its SQLite connection is in use, SQLAlchemy invalidates the
connection: it starts aiosqlite's graceful `close()` in a shielded task and, on the
cancellation, stops the connection's thread at once (`stop()`, its "force close"). aiosqlite
0.22's `close()` then queues a second stop for a thread that has already ended and waits for it
forever, so the task never ends: a test's event loop hangs while cancelling what is left, and so
would the bot's shutdown. `python /tmp/...` is not needed to see it: `tests/storage/
test_sqlite_closing.py` reproduces the two calls. Here `close()` asks for the second stop only
while the thread is still running.
"""

from __future__ import annotations

import sqlite3
from functools import partial
from typing import Any

import aiosqlite
from sqlalchemy import event
from sqlalchemy.engine import Dialect, Engine

# aiosqlite.connect's own default.
ITER_CHUNK_SIZE = 64


class SafelyClosingConnection(aiosqlite.Connection):
    """aiosqlite's connection whose `close()` ends after an earlier or concurrent `stop()`."""

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
    connection._thread.daemon = True
    return connection


def use_safe_close(engine: Engine) -> None:
    """Makes every new connection of an aiosqlite engine (its `sync_engine`) a
    SafelyClosingConnection, with the arguments SQLAlchemy derived from the URL."""
    event.listen(engine, "do_connect", _with_safe_close)


def _with_safe_close(
    _dialect: Dialect, _record: object, _cargs: list[Any], cparams: dict[str, Any]
) -> None:
    cparams["async_creator_fn"] = connect
