"""A leader knows when it lost its lock (its connection cut, the server restarted), stops, and a
time without any leader is measured until a process leads again."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from sqlalchemy import event, text

from storage.database import Database, open_database
from storage.leadership import (
    ANYONE_HOLDS_LOCK,
    LOCK_KEY_HALVES,
    LOCK_ROW,
    VERIFY_EVERY,
    Leadership,
)
from tests.support.outage import proxied


@pytest.fixture
async def plain(database_url: str) -> AsyncIterator[Database]:
    """The database on each backend, without migrations (leadership needs no tables)."""
    db = open_database(database_url)
    yield db
    await db.dispose()


def leadership(database: Database) -> Leadership:
    return Leadership(database, lambda: None)


async def until(condition: Callable[[], Awaitable[bool]], within: float = 10.0) -> bool:
    """Polls an async predicate; loose bound because the machine is shared."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if await condition():
            return True
        await asyncio.sleep(0.05)
    return False


async def test_one_process_leads_and_the_others_see_a_leader(plain: Database) -> None:
    other_database = open_database(str(plain.engine.url))
    first, second = leadership(plain), leadership(other_database)
    try:
        assert await first.try_acquire() is True
        assert await first.verify() is True
        assert await second.try_acquire() is False
        assert await second.verify() is False
        assert await second.observe() is True
        assert second.leaderless_seconds == 0
        await first.release()
        # Nobody leads: a gap, measured, until a process takes the lock.
        assert await second.observe() is False
        await asyncio.sleep(0.05)
        assert second.leaderless_seconds > 0
        assert await second.try_acquire() is True
        assert second.leaderless_seconds == 0
    finally:
        await first.release()
        await second.release()
        await other_database.dispose()


async def test_a_leader_whose_backend_is_terminated_stops_leading(postgres_url: str) -> None:
    database, watcher = open_database(postgres_url), open_database(postgres_url)
    leader, successor = leadership(database), leadership(watcher)
    try:
        assert await leader.try_acquire() is True
        async with watcher.engine.connect() as connection:
            await connection.execute(
                text(f"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE {LOCK_ROW}"),
                LOCK_KEY_HALVES,
            )
        assert await until(lambda: _negated(leader.verify()))
        assert not leader.held and leader.leaderless_seconds > 0
        # The lock is free: another process takes it, and the old leader follows.
        assert await successor.try_acquire() is True
        assert await leader.try_acquire() is False
        assert leader.leaderless_seconds == 0
    finally:
        await leader.release()
        await successor.release()
        await database.dispose()
        await watcher.dispose()


async def test_a_leader_cut_off_from_a_restarting_server_stops_leading(
    postgres_url: str,
) -> None:
    watcher = open_database(postgres_url)
    async with proxied(postgres_url) as proxy:
        database = open_database(proxy.url)
        leader = leadership(database)
        try:
            assert await leader.try_acquire() is True
            await proxy.cut()
            assert await leader.verify() is False
            # The server let the lock go with the session: nobody leads until someone takes it.
            assert await until(lambda: _nobody_leads(watcher)) is True
            await proxy.restore()
            assert await leader.try_acquire() is True
            assert await leader.verify() is True
        finally:
            await leader.release()
            await database.dispose()
            await watcher.dispose()


async def test_verifying_before_every_batch_asks_the_server_rarely(postgres_url: str) -> None:
    database = open_database(postgres_url)
    leader = leadership(database)
    checks = []

    def count(*args: object) -> None:
        if "pg_backend_pid" in str(args[2]):
            checks.append(args[2])

    event.listen(database.engine.sync_engine, "before_cursor_execute", count)
    try:
        assert await leader.try_acquire() is True
        began = time.monotonic()
        for _ in range(200):
            assert await leader.verify() is True
        elapsed = time.monotonic() - began
        assert 1 <= len(checks) <= elapsed / VERIFY_EVERY + 1
    finally:
        await leader.release()
        await database.dispose()


async def _negated(check: Awaitable[bool]) -> bool:
    return not await check


async def _nobody_leads(database: Database) -> bool:
    """True once no process holds the leader lock."""
    async with database.engine.connect() as connection:
        return not await connection.scalar(ANYONE_HOLDS_LOCK, LOCK_KEY_HALVES)


async def test_a_follower_standing_by_takes_the_lock_when_the_leader_goes(
    plain: Database,
) -> None:
    other_database = open_database(str(plain.engine.url))
    woken = asyncio.Event()
    leader, follower = leadership(plain), Leadership(other_database, woken.set)
    try:
        assert await leader.try_acquire() is True
        follower.stand_by(interval=0.1)
        await asyncio.sleep(0.5)
        assert not follower.held and not woken.is_set()
        await leader.release()
        # Within a few of its tries, not at the next sweep (loose: a shared machine).
        await asyncio.wait_for(woken.wait(), timeout=10)
        assert follower.held and await follower.verify()
        assert await leader.try_acquire() is False
    finally:
        await follower.stop_standing_by()
        await follower.release()
        await leader.release()
        await other_database.dispose()
