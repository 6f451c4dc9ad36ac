"""How deliveries ended is kept until it is written: through a database outage (retried with
backoff), and on shutdown (flushed, for a bounded time)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.outbound.results import Results
from storage.database import Database
from storage.models import DeliveryStatus, ReminderDelivery
from tests.support.claims import claim_reminder, meeting_with_subscriber
from tests.support.outage import DatabaseProxy
from tests.support.runtimes import runtime_at

SENT_AT = datetime(2027, 6, 10, 4, 0, 1, tzinfo=UTC)


async def claimed_reminders(database: Database, chats: int) -> list[int]:
    ids = []
    for chat_id in range(1, chats + 1):
        meeting_id = await meeting_with_subscriber(database, chat_id, title=f"Talks {chat_id}")
        ids += await claim_reminder(database, meeting_id, "host:1:test")
    return ids


async def statuses(database: Database) -> list[str]:
    async with database.sessions() as session:
        found = await session.scalars(
            select(ReminderDelivery.status).order_by(ReminderDelivery.id)
        )
        return [status.value for status in found]


async def written(database: Database, count: int, within: float) -> list[str]:
    """The statuses once `count` are no longer pending, or as they are after `within` seconds."""
    deadline = time.monotonic() + within
    while (found := await statuses(database)).count("pending") > len(found) - count:
        if time.monotonic() > deadline:
            break
        await asyncio.sleep(0.05)
    return found


async def test_ends_are_written_in_the_background_and_on_stop(database: Database) -> None:
    first, second = await claimed_reminders(database, 2)
    results = Results(runtime_at(database))
    results.start()
    results.add("reminder", first, DeliveryStatus.SENT, SENT_AT, None)
    assert await written(database, 1, within=10) == ["sent", "pending"]
    results.add("reminder", second, DeliveryStatus.FAILED, SENT_AT, "chat unreachable")
    assert await results.stop() is True
    assert await statuses(database) == ["sent", "failed"]
    assert results.unwritten == 0


async def test_ends_are_kept_through_an_outage_and_written_after_it(
    postgres_database: Database, proxy: DatabaseProxy, cut_off: Database
) -> None:
    ids = await claimed_reminders(postgres_database, 3)
    results = Results(runtime_at(cut_off))
    results.start()
    try:
        await proxy.cut()
        for record_id in ids:
            results.add("reminder", record_id, DeliveryStatus.SENT, SENT_AT, None)
        # Several flush intervals and retries pass while the database is gone.
        await asyncio.sleep(1.0)
        assert results.unwritten == 3 and not results.writing
        assert await statuses(postgres_database) == ["pending"] * 3
        await proxy.restore()
        # Backoff is at most 2 s between tries; 15 s leaves room on a busy machine.
        await asyncio.wait_for(results.writable(), 15)
        assert await statuses(postgres_database) == ["sent"] * 3
        assert results.unwritten == 0
    finally:
        await results.stop()


async def test_stopping_waits_a_bounded_time_for_the_database(
    postgres_database: Database, proxy: DatabaseProxy, cut_off: Database
) -> None:
    [record_id] = await claimed_reminders(postgres_database, 1)
    results = Results(runtime_at(cut_off), shutdown_flush=timedelta(seconds=1))
    await proxy.cut()
    results.add("reminder", record_id, DeliveryStatus.SENT, SENT_AT, None)
    began = time.monotonic()
    assert await results.stop() is False
    # Bounded: one second of retries and the last attempt (loose: a shared machine).
    assert time.monotonic() - began < 8
    assert results.unwritten == 1
    assert await statuses(postgres_database) == ["pending"]


async def test_a_shutdown_flush_waits_out_a_short_outage(
    postgres_database: Database, proxy: DatabaseProxy, cut_off: Database
) -> None:
    [record_id] = await claimed_reminders(postgres_database, 1)
    results = Results(runtime_at(cut_off), shutdown_flush=timedelta(seconds=20))
    await proxy.cut()
    results.add("reminder", record_id, DeliveryStatus.SENT, SENT_AT, None)
    stopping = asyncio.create_task(results.stop())
    await asyncio.sleep(0.5)
    assert not stopping.done()
    await proxy.restore()
    assert await stopping is True
    assert await statuses(postgres_database) == ["sent"]
