"""Claims name their holder, on SQLite and PostgreSQL: a live holder keeps its claims until the
lease; a holder whose heartbeat expired, or that released them, loses them at once; claims made
before holders existed still wait for the lease."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from bot.services.meeting_writes.changes import edit_meeting
from storage.database import Database
from storage.models import ClaimHolder, Notice, ReminderDelivery
from storage.repositories import deliveries, holders, notices
from tests.support.claims import NOW, claim_reminder, meeting_with_subscriber, runtime

LEASE = timedelta(minutes=2)
ALIVE_FOR = timedelta(seconds=6)
DEAD, LIVE, NEXT = "host:1:dead", "host:2:live", "host:3:next"


async def take_over(database: Database, now: datetime, holder: str) -> list[int]:
    async with database.sessions.begin() as session:
        taken = await deliveries.take_over_stale(session, now, LEASE, 100, holder=holder)
    return [c.delivery_id for c in taken]


async def beat(database: Database, holder: str, now: datetime = NOW) -> None:
    async with database.sessions.begin() as session:
        await holders.beat(session, holder, now, now + ALIVE_FOR)


async def holder_of(database: Database, delivery_id: int) -> str | None:
    async with database.sessions() as session:
        return await session.scalar(
            select(ReminderDelivery.holder_id).where(ReminderDelivery.id == delivery_id)
        )


async def test_a_live_holder_keeps_its_claims_until_the_lease(database: Database) -> None:
    meeting_id = await meeting_with_subscriber(database)
    await beat(database, LIVE)
    [claimed] = await claim_reminder(database, meeting_id, LIVE)
    assert await holder_of(database, claimed) == LIVE
    await beat(database, LIVE, NOW + timedelta(seconds=5))
    assert await take_over(database, NOW + timedelta(seconds=10), NEXT) == []
    # The lease still frees a claim whose holder beats but never finishes it.
    for second in range(0, 125, 5):
        await beat(database, LIVE, NOW + timedelta(seconds=second))
    assert await take_over(database, NOW + LEASE + timedelta(seconds=1), NEXT) == [claimed]
    assert await holder_of(database, claimed) == NEXT


async def test_a_holder_whose_heartbeat_expired_loses_its_claims_at_once(
    database: Database,
) -> None:
    meeting_id = await meeting_with_subscriber(database)
    await beat(database, DEAD)
    [claimed] = await claim_reminder(database, meeting_id, DEAD)
    assert await take_over(database, NOW + ALIVE_FOR, NEXT) == []
    # One second past its promise, far inside the two-minute lease.
    assert await take_over(database, NOW + ALIVE_FOR + timedelta(seconds=1), NEXT) == [claimed]
    assert await holder_of(database, claimed) == NEXT


async def test_released_claims_are_free_at_once_and_a_release_is_not_undone(
    database: Database,
) -> None:
    meeting_id = await meeting_with_subscriber(database)
    await beat(database, LIVE)
    [claimed] = await claim_reminder(database, meeting_id, LIVE)
    async with database.sessions.begin() as session:
        await holders.release(session, LIVE, NOW)
    # A late heartbeat of the released holder does not bring its claims back.
    await beat(database, LIVE, NOW + timedelta(seconds=1))
    assert await take_over(database, NOW + timedelta(seconds=1), NEXT) == [claimed]


async def test_a_holder_never_takes_over_its_own_claims_before_the_lease(
    database: Database,
) -> None:
    """Its heartbeat may have lapsed in an outage, but the claims are queued in this process:
    taking them again would send them twice."""
    meeting_id = await meeting_with_subscriber(database)
    await beat(database, LIVE)
    [claimed] = await claim_reminder(database, meeting_id, LIVE)
    assert await take_over(database, NOW + timedelta(minutes=1), LIVE) == []
    assert await take_over(database, NOW + LEASE + timedelta(seconds=1), LIVE) == [claimed]


async def test_claims_from_before_holders_wait_for_the_lease(database: Database) -> None:
    meeting_id = await meeting_with_subscriber(database)
    [claimed] = await claim_reminder(database, meeting_id, DEAD)
    async with database.sessions.begin() as session:
        await session.execute(update(ReminderDelivery).values(holder_id=None))
    assert await take_over(database, NOW + timedelta(minutes=1), NEXT) == []
    assert await take_over(database, NOW + LEASE + timedelta(seconds=1), NEXT) == [claimed]


async def test_a_notice_of_a_gone_holder_is_taken_over_at_once(database: Database) -> None:
    meeting_id = await meeting_with_subscriber(database)
    async with runtime(database).transaction() as session:
        await edit_meeting(session, 1, meeting_id, {"venue_en": "Hall A"}, NOW)
    await beat(database, DEAD)
    async with database.sessions.begin() as session:
        first = await notices.claim(session, NOW, LEASE, 10, holder=DEAD)
        assert await notices.claim(session, NOW, LEASE, 10, holder=NEXT) == []
    later = NOW + ALIVE_FOR + timedelta(seconds=1)
    async with database.sessions.begin() as session:
        again = await notices.claim(session, later, LEASE, 10, holder=NEXT)
    assert [n.notice_id for n in again] == [n.notice_id for n in first] != []
    async with database.sessions() as session:
        assert (await session.scalars(select(Notice.holder_id))).all() == [NEXT]


async def test_holders_gone_for_a_day_are_forgotten(database: Database) -> None:
    await beat(database, DEAD, NOW - timedelta(days=2))
    await beat(database, LIVE, NOW)
    async with database.sessions.begin() as session:
        assert await holders.prune(session, NOW - timedelta(days=1)) == 1
    async with database.sessions() as session:
        assert (await session.scalars(select(ClaimHolder.id))).all() == [LIVE]
