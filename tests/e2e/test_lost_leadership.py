"""A leader that loses its lock mid fan-out (its backend terminated, and another process takes the
lock) stops sending at once and releases its claims; when it leads again it finishes the fan-out,
each chat reminded once but for the sends that were in flight."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import select, text

from bot.services.runtime import utc_now
from storage.database import Database, open_database
from storage.leadership import LEADER_LOCK_KEY, LOCK_KEY_HALVES, LOCK_ROW
from storage.models import ClaimHolder, DeliveryStatus, ReminderDelivery
from tests.e2e.test_fanout import meeting_due_in, reminders, subscribe_chats
from tests.fakebotapi import FakeBotApi
from tests.support.polling import wait_until

CHATS = 300
# The sender's workers: sends already under way when the lock went.
IN_FLIGHT = 8


@pytest.fixture
def database_url(postgres_url: str) -> str:
    """Advisory locks and pg_terminate_backend: PostgreSQL only."""
    return postgres_url


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return utc_now


@pytest.fixture
def bot_settings() -> dict[str, object]:
    # Slow, so that the lock can be taken away mid fan-out.
    return {"reminder_sweep_seconds": 1, "reminder_offsets": (1,), "broadcast_rate": 20}


async def holders_of_pending(database: Database) -> list[bool]:
    """For each pending reminder, whether its holder released it."""
    async with database.sessions() as session:
        query = (
            select(ClaimHolder.released_at)
            .join(ReminderDelivery, ReminderDelivery.holder_id == ClaimHolder.id)
            .where(ReminderDelivery.status == DeliveryStatus.PENDING)
        )
        return [at is not None for at in await session.scalars(query)]


async def test_a_leader_that_lost_its_lock_stops_sending_at_once(
    bot_api: FakeBotApi, bot_database: Database, postgres_url: str
) -> None:
    await subscribe_chats(bot_database, list(range(30_001, 30_001 + CHATS)))
    await meeting_due_in(bot_database, 5)
    await wait_until(lambda: len(reminders(bot_api)) >= 60, 60)
    rival_database = open_database(postgres_url)
    rival = await rival_database.engine.connect()
    try:
        # Another process queues for the lock, so it has it the moment the leader's goes.
        waiting = asyncio.create_task(
            rival.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LEADER_LOCK_KEY})
        )
        await asyncio.sleep(0.2)
        async with rival_database.engine.connect() as admin:
            await admin.execute(
                text(f"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE {LOCK_ROW}"),
                LOCK_KEY_HALVES,
            )
        await asyncio.wait_for(waiting, 10)
        lost_at, sent_then = time.time(), len(reminders(bot_api))
        await asyncio.sleep(4)
        after = [s for s in reminders(bot_api) if s["at"] > lost_at]
        assert len(after) <= IN_FLIGHT, f"{len(after)} sent after the lock was lost"
        assert sent_then < CHATS
        # Its claims were released, for whoever leads now.
        released = await holders_of_pending(bot_database)
        assert released and all(released)
        # The rival steps down: the bot leads again and finishes the fan-out.
        await rival.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LEADER_LOCK_KEY})
        await rival.commit()
        await wait_until(lambda: len({s["chat_id"] for s in reminders(bot_api)}) >= CHATS, 60)
    finally:
        await rival.close()
        await rival_database.dispose()
    counts = Counter(s["chat_id"] for s in reminders(bot_api))
    assert len(counts) == CHATS
    assert sum(n - 1 for n in counts.values()) <= IN_FLIGHT
