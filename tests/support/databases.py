"""Real databases for tests: a SQLite file per test, and the PostgreSQL server when reachable.

PostgreSQL tests skip, saying why, when the server cannot be reached; with
REQUIRE_POSTGRES=1 (as .ci/run sets) they fail instead, so CI cannot pass without them.
"""

from __future__ import annotations

import asyncio
import os

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


_probed: dict[str, str | None] = {}


async def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can (asked once per test run)."""
    if POSTGRES_URL not in _probed:
        _probed[POSTGRES_URL] = await _probe()
    return _probed[POSTGRES_URL]


async def _probe() -> str | None:
    engine = create_async_engine(POSTGRES_URL)
    try:
        async with asyncio.timeout(5), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:
        return f"PostgreSQL at {POSTGRES_URL} is unreachable ({type(error).__name__}: {error})"
    finally:
        await engine.dispose()
    return None


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
