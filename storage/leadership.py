"""Which of several bot processes sends reminders and notices: the one holding a lock the
database keeps for it, so the rate limit is the bot's, not each process's.

PostgreSQL: a session-level advisory lock on a connection the leader keeps open. If the leader
dies its connection closes, the lock is free, and another process takes it at its next try;
what the dead leader had claimed but not sent is taken over (see storage.repositories
.deliveries.take_over_stale). The same connection LISTENs, so a change made in any process
wakes the leader at once (NOTIFY).

SQLite: an exclusive lock on a file beside the database. SQLite is for one process; a second
one finds the lock taken, says so, and never sends.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.database import Database

log = logging.getLogger(__name__)

# Any number: the same in every process sharing the database (the schema lock is another).
LEADER_LOCK_KEY = 725_2016
CHANNEL = "unrcca_reminders"


class Leadership:
    def __init__(self, database: Database, on_notify: Callable[[], None]) -> None:
        self._database = database
        self._on_notify = on_notify
        self._connection: AsyncConnection | None = None
        self._lock_file: int | None = None

    @property
    def is_postgresql(self) -> bool:
        return self._database.engine.dialect.name == "postgresql"

    @property
    def held(self) -> bool:
        if self.is_postgresql:
            return self._connection is not None and not self._connection.closed
        return self._lock_file is not None

    async def try_acquire(self) -> bool:
        """True when this process leads (now, or already); never waits for the lock."""
        if self.held:
            return True
        if self.is_postgresql:
            return await self._acquire_advisory()
        return self._acquire_file()

    async def notify(self) -> None:
        """Wake the leader, wherever it runs (PostgreSQL only; SQLite has one process)."""
        if not self.is_postgresql:
            return
        with contextlib.suppress(SQLAlchemyError, OSError):
            async with self._database.engine.connect() as connection:
                await connection.execute(text(f"NOTIFY {CHANNEL}"))
                await connection.commit()

    async def release(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(SQLAlchemyError, OSError):
                await self._connection.close()
            self._connection = None
        if self._lock_file is not None:
            os.close(self._lock_file)
            self._lock_file = None

    async def _acquire_advisory(self) -> bool:
        connection = await self._database.engine.connect()
        try:
            got = await connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": LEADER_LOCK_KEY}
            )
            await connection.commit()
            if not got:
                await connection.close()
                return False
            await self._listen(connection)
        except (SQLAlchemyError, OSError):
            await connection.close()
            raise
        self._connection = connection
        return True

    async def _listen(self, connection: AsyncConnection) -> None:
        raw: Any = (await connection.get_raw_connection()).driver_connection
        await raw.add_listener(CHANNEL, lambda *_: self._on_notify())

    def _acquire_file(self) -> bool:
        path = _lock_path(self._database)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            return False
        self._lock_file = descriptor
        return True


def _lock_path(database: Database) -> Path:
    name = database.engine.url.database or "memory"
    return Path(f"{name}.lock") if name not in ("", ":memory:") else Path("unrcca-bot.lock")
