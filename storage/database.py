"""The engine, the session factory, and bringing a database up to date at start."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.knowledge import load_bundled_knowledge, load_source_article
from storage.migrations import revisions
from storage.sqlite_closing import use_safe_close

_SCHEMA_LOCKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)

# Any number fits; it only has to be the same in every process that shares the database.
SCHEMA_LOCK_KEY = 725_2015


class DatabaseUnavailable(Exception):
    """The database cannot be reached or used; the message is one line without secrets."""


@dataclass(frozen=True)
class Database:
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]

    async def dispose(self) -> None:
        await self.engine.dispose()


def open_database(url: str, *, echo: bool = False) -> Database:
    engine = create_async_engine(url, echo=echo, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        use_safe_close(engine.sync_engine)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "before_cursor_execute", _sqlite_savepoint_writes)
    return Database(engine, async_sessionmaker(engine, expire_on_commit=False))


SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    # A writer waits this long for another's transaction (one writer at a time in SQLite) before
    # "database is locked". 5 s was too short on a loaded machine while an import wrote: a
    # user's update failed. The wait runs in aiosqlite's thread, never on the event loop.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # Updates write (a new chat, a changed context), imports and sends write: with a write-ahead
    # log a commit appends to one file instead of rewriting pages through a rollback journal,
    # and readers never wait for the writer. NORMAL is the durability SQLite recommends with WAL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # A transaction takes the write lock when it first writes (BEGIN IMMEDIATE, which waits out
    # another writer), not within the statement: a write that reaches the full-text index
    # (FTS5, behind triggers on meetings) is refused at once with SQLITE_BUSY, without waiting,
    # when it has to take the lock itself while another connection holds it.
    dbapi_connection.isolation_level = "IMMEDIATE"  # type: ignore[attr-defined]


def _sqlite_savepoint_writes(
    _connection: Connection, cursor: Any, statement: str, *_rest: object
) -> None:
    # A savepoint opened outside a transaction opens a deferred one (the driver begins only
    # before INSERT, UPDATE and DELETE): begin it IMMEDIATE first, for the same reason. Inside
    # a transaction SQLite refuses the BEGIN, and the savepoint goes on as it is.
    if not statement.startswith("SAVEPOINT"):
        return
    try:
        cursor.execute("BEGIN IMMEDIATE")
    except Exception as error:
        if "within a transaction" not in str(error):
            raise


async def prepare_database(database: Database) -> None:
    """Check the connection, migrate to the latest schema and load the bundled facts.

    Several bot processes may start at once against one PostgreSQL database: a transaction-scoped
    advisory lock lets one of them migrate and seed while the others wait, then find it done.
    (Several processes on one SQLite file are not supported: use PostgreSQL for that.)
    """
    try:
        async with _schema_lock(), database.engine.begin() as connection:
            await connection.execute(text("SELECT 1"))
            if connection.dialect.name == "postgresql":
                await connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY}
                )
            if await connection.run_sync(revisions.current) != revisions.head():
                # Alembic is imported only when there is something to migrate.
                from storage.migrations.runner import upgrade_to_head

                await connection.run_sync(upgrade_to_head)
            # Seeded under the same lock, in the same transaction: loaded once, or not at all.
            session = AsyncSession(bind=connection)
            if not await load_bundled_knowledge(session):
                await load_source_article(session)
            await session.flush()
    except (SQLAlchemyError, OSError) as error:
        raise DatabaseUnavailable(describe_failure(database, error)) from error


def _schema_lock() -> asyncio.Lock:
    # Alembic keeps its migration context in a module global: two migrations interleaving on one
    # event loop would share it. Locks are per loop, as an asyncio.Lock belongs to one loop.
    loop = asyncio.get_running_loop()
    if loop not in _SCHEMA_LOCKS:
        _SCHEMA_LOCKS[loop] = asyncio.Lock()
    return _SCHEMA_LOCKS[loop]


def describe_failure(database: Database, error: BaseException) -> str:
    url = database.engine.url.render_as_string(hide_password=True)
    reason = str(getattr(error, "orig", None) or error).splitlines()[0]
    return f"DATABASE_URL: cannot use the database at {url}: {reason}"
