"""Real databases for tests: a SQLite file per test, and the PostgreSQL server when reachable.

PostgreSQL tests skip, saying why, when the server cannot be reached; with
REQUIRE_POSTGRES=1 (as .ci/run sets) they fail instead, so CI cannot pass without them.
Under pytest-xdist each worker has a database of its own, named after the given one
(`test` -> `test_gw0`, `test_gw1`) and created through the server's `postgres` database when
missing, since every test drops the public schema of the database it uses.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from storage.database import open_database, prepare_database
from storage.migrations import revisions
from storage.models import Base

GIVEN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


def worker_url(url: str, worker: str | None) -> str:
    """The database of this xdist worker (`gw0`...): the given one with the worker's suffix."""
    if not worker:
        return url
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


POSTGRES_URL = worker_url(GIVEN_URL, os.environ.get("PYTEST_XDIST_WORKER"))


_probed: dict[str, str | None] = {}


async def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can (asked once per test run)."""
    if POSTGRES_URL not in _probed:
        _probed[POSTGRES_URL] = await _probe()
    return _probed[POSTGRES_URL]


async def _probe() -> str | None:
    if POSTGRES_URL != GIVEN_URL:
        await _create_worker_database()
    engine = create_async_engine(POSTGRES_URL)
    try:
        async with asyncio.timeout(5), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:
        return f"PostgreSQL at {POSTGRES_URL} is unreachable ({type(error).__name__}: {error})"
    finally:
        await engine.dispose()
    return None


async def _create_worker_database() -> None:
    name = make_url(POSTGRES_URL).database
    server = make_url(GIVEN_URL).set(database="postgres")
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with asyncio.timeout(5), engine.connect() as connection:
            exists = "SELECT 1 FROM pg_database WHERE datname = :name"
            if not await connection.scalar(text(exists), {"name": name}):
                await connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        return  # The probe that follows says why the server cannot be used.
    finally:
        await engine.dispose()


async def require_postgres() -> None:
    problem = await postgres_problem()
    if problem is None:
        return
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"REQUIRE_POSTGRES=1 but {problem}")
    pytest.skip(problem)


async def reset_postgres() -> None:
    """An empty public schema: every test starts from no tables, like a fresh install."""
    engine = create_async_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


# The seeded SQLite file of this test process, made once and copied for each test.
_templates: dict[str, Path] = {}


async def seeded_sqlite(path: Path) -> None:
    """A SQLite file at `path` as the bot leaves it at its first start (migrated, the bundled
    knowledge loaded): a copy of one made once per process, since migrating and seeding each
    test's file cost a quarter of a second of CPU a test."""
    if "sqlite" not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="unrcca-seeded-"))
        template = folder / "seeded.db"
        database = open_database(f"sqlite+aiosqlite:///{template}")
        try:
            await prepare_database(database)
            async with database.engine.connect() as connection:
                # Everything in the file itself, none in its write-ahead log: the copy is whole.
                await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            await database.dispose()
        _templates["sqlite"] = template
    shutil.copyfile(_templates["sqlite"], path)


async def seeded_postgres() -> None:
    """This worker's PostgreSQL database as the bot leaves it at its first start: its tables
    emptied (TRUNCATE) when the schema is current and holds every table, else the schema made
    anew and migrated; then the bundled knowledge loaded."""
    engine = create_async_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            names = [table.name for table in Base.metadata.sorted_tables]
            if await _current_with(connection, names):
                tables = ", ".join(names)
                await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            else:
                await connection.execute(text("DROP SCHEMA public CASCADE"))
                await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()
    database = open_database(POSTGRES_URL)
    try:
        await prepare_database(database)
    finally:
        await database.dispose()


async def _current_with(connection: AsyncConnection, tables: list[str]) -> bool:
    """At the head revision, with every table of the models (a database left at a revision
    of the same name by an older chain of migrations lacks some)."""
    if await connection.run_sync(revisions.current) != revisions.head():
        return False
    query = text(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY(:names)"
    )
    return await connection.scalar(query, {"names": tables}) == len(tables)
