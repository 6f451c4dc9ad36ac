"""Which of several bot processes sends reminders and notices: the one holding a lock the
database keeps for it, so the rate limit is the bot's, not each process's.

PostgreSQL: a session-level advisory lock on a connection the leader keeps open. If the leader
dies its connection closes, the lock is free, and another process takes it at its next try;
what the dead leader had claimed but not sent is taken over (see storage.repositories
.deliveries.take_over_stale). The same connection LISTENs, so a change made in any process
wakes the leader at once (NOTIFY).

SQLite: an exclusive lock on a file beside the database. SQLite is for one process; a second
one finds the lock taken, says so, and never sends.

A leader can lose its lock without dying: its connection is cut (pg_terminate_backend, a
restarted server, a network failure) and the server frees the lock. So the leader asks
`verify()` before each batch it sends: the connection must be open (asyncpg tells at once when
it closes) and the lock still granted to its backend in pg_locks. A process that lost it stops.
A time with no leader at all (a gap) is logged when it begins and ends, and measured
(`leaderless_seconds`) for /healthz and the metrics.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.database import Database
from storage.lock_file import lock_path, locked_elsewhere, try_lock

log = logging.getLogger(__name__)

# Any number: the same in every process sharing the database (the schema lock is another).
LEADER_LOCK_KEY = 725_2016
CHANNEL = "unrcca_reminders"
# pg_locks shows a one-bigint advisory lock as classid (high half), objid (low half), objsubid 1;
# it lists the locks of every database of the server, and advisory keys are per database.
LOCK_ROW = (
    "locktype = 'advisory' AND classid = :high AND objid = :low AND objsubid = 1 AND granted"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)
LOCK_KEY_HALVES = {"high": LEADER_LOCK_KEY >> 32, "low": LEADER_LOCK_KEY & 0xFFFFFFFF}
HOLDS_LOCK = text(
    f"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE {LOCK_ROW} AND pid = pg_backend_pid())"
)
ANYONE_HOLDS_LOCK = text(f"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE {LOCK_ROW})")
# verify() asks the server at most this often; in between a lost connection is still seen at
# once (asyncpg's termination listener). A lock lost on a live connection is seen this late.
VERIFY_EVERY = 0.25
# A server that does not answer the check within this long is taken as lost.
VERIFY_TIMEOUT = 2.0
# A follower tries for the lock this often, so a dead leader is replaced within seconds rather
# than at the next sweep (BOT_REMINDER_SWEEP_SECONDS, a minute by default).
STANDBY_SECONDS = 2.0


class Leadership:
    def __init__(self, database: Database, on_notify: Callable[[], None]) -> None:
        self._database = database
        self._on_notify = on_notify
        self._connection: AsyncConnection | None = None
        self._lock_file: int | None = None
        # Set by asyncpg the moment the lock's connection closes.
        self._connection_lost = False
        self._verified_at = float("-inf")
        self._checking = asyncio.Lock()
        # time.monotonic() when this process last saw that no process leads (None: one does).
        self._leaderless_since: float | None = None
        self._standby: asyncio.Task[None] | None = None

    @property
    def is_postgresql(self) -> bool:
        return self._database.engine.dialect.name == "postgresql"

    @property
    def held(self) -> bool:
        if self.is_postgresql:
            return self._connection is not None and not self._connection.closed
        return self._lock_file is not None

    @property
    def leaderless_seconds(self) -> float:
        """Seconds since this process saw that no process leads; 0 while one does (or since
        it last saw one)."""
        since = self._leaderless_since
        return 0.0 if since is None else time.monotonic() - since

    async def try_acquire(self) -> bool:
        """True when this process leads (now, or already); never waits for the lock. False
        means another process leads. Raises the database's error when it cannot tell."""
        if self.held:
            return True
        try:
            acquired = (
                await self._acquire_advisory() if self.is_postgresql else self._acquire_file()
            )
        except (SQLAlchemyError, OSError):
            self._seen(led=False)
            raise
        self._seen(led=True)
        return acquired

    async def verify(self) -> bool:
        """Whether this process still holds the lock: cheap enough before every batch (the
        server is asked at most every VERIFY_EVERY seconds; a closed connection is known at
        once). When it is lost the connection is closed, a gap begins, and False is returned
        until `try_acquire` wins the lock again."""
        if not self.held:
            return False
        if not self.is_postgresql:
            return True  # a flock lasts as long as its descriptor
        if not self._connection_lost and time.monotonic() - self._verified_at < VERIFY_EVERY:
            return True
        if await self._still_locked():
            self._verified_at = time.monotonic()
            return True
        log.warning("this process lost the leader lock (its database connection was cut); "
                    "it stops sending")  # fmt: skip
        await self.release()
        self._seen(led=False)
        return False

    async def observe(self) -> bool:
        """Whether any process leads now, as the database says (for /healthz); a gap begins or
        ends with the answer. Raises the database's error when it cannot tell."""
        if self.is_postgresql:
            async with self._database.engine.connect() as connection:
                led = bool(await connection.scalar(ANYONE_HOLDS_LOCK, LOCK_KEY_HALVES))
        else:
            led = self.held or locked_elsewhere(lock_path(self._database))
        self._seen(led=led)
        return led

    def stand_by(self, interval: float = STANDBY_SECONDS) -> None:
        """Try for the lock every `interval` seconds while another process leads, and wake
        this process (`on_notify`) the moment it wins; `stop_standing_by` ends it."""
        self._standby = asyncio.create_task(self._stand_by(interval), name="leader-standby")

    async def stop_standing_by(self) -> None:
        if self._standby is not None:
            self._standby.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._standby
            self._standby = None

    async def _stand_by(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            if self.held:
                continue
            with contextlib.suppress(SQLAlchemyError, OSError):
                if await self.try_acquire():
                    log.info("standing by, this process took the leader lock")
                    self._on_notify()

    async def notify(self) -> None:
        """Wake the leader, wherever it runs (PostgreSQL only; SQLite has one process)."""
        if not self.is_postgresql:
            return
        with contextlib.suppress(SQLAlchemyError, OSError):
            async with self._database.engine.connect() as connection:
                await connection.execute(text(f"NOTIFY {CHANNEL}"))
                await connection.commit()

    async def release(self) -> None:
        """Let the lock go. The lock lives as long as the server session, and a connection
        closed the ordinary way goes back to the pool with the session (and the lock) alive:
        so the connection is invalidated, which really closes it."""
        self._connection_lost = False
        self._verified_at = float("-inf")
        if self._connection is not None:
            with contextlib.suppress(SQLAlchemyError, OSError):
                await self._connection.invalidate()
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
        self._connection_lost = False
        raw.add_termination_listener(self._lost_connection)

    def _lost_connection(self, _connection: object) -> None:
        self._connection_lost = True

    async def _still_locked(self) -> bool:
        connection = self._connection
        if self._connection_lost or connection is None or connection.closed:
            return False
        try:
            async with asyncio.timeout(VERIFY_TIMEOUT), self._checking:
                held = await connection.scalar(HOLDS_LOCK, LOCK_KEY_HALVES)
                await connection.commit()
        except (SQLAlchemyError, OSError, TimeoutError):
            return False
        return bool(held)

    def _seen(self, *, led: bool) -> None:
        """Begin or end a gap without a leader, logging each once."""
        if led and self._leaderless_since is not None:
            log.warning("a process leads again after %.1f s without one", self.leaderless_seconds)
            self._leaderless_since = None
        elif not led and self._leaderless_since is None:
            log.warning("no process holds the leader lock: reminders wait until one does")
            self._leaderless_since = time.monotonic()

    def _acquire_file(self) -> bool:
        self._lock_file = try_lock(lock_path(self._database))
        return self._lock_file is not None
