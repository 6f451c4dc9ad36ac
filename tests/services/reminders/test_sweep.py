"""Sweeps on SQLite and PostgreSQL: claims once, honest about what was missed, moved and cancelled
meetings, notices once per change and chat, and claims of a dead process taken over."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.outbound.kinds import finish, send_rules
from bot.services.meeting_writes.changes import add_meeting, cancel_meeting, edit_meeting
from bot.services.reminders.outbox import Outgoing, notices_out, reminders_out
from bot.services.reminders.send_check import check
from bot.services.reminders.sweep import PLAN_HORIZON, Sweep, SweepSettings, sweep
from bot.services.runtime import Runtime
from storage.database import Database
from storage.models import DeliveryStatus, Notice, ReminderDelivery
from storage.repositories import chats, notices, subscriptions
from storage.repositories.notices import Pending
from tests.support.runtimes import runtime_at

START = datetime(2027, 6, 10, 5, 0, tzinfo=UTC)
SUBSCRIBED = START - timedelta(days=5)
SETTINGS = SweepSettings(default_offsets=(1440, 60))
ALICE, BOB = 101, 102


def runtime(database: Database) -> Runtime:
    return runtime_at(database)


async def add(database: Database, now: datetime = SUBSCRIBED - timedelta(days=1)) -> int:
    values = {"title_en": "Water talks", "starts_at": START, "time_zone": "Asia/Almaty",
              "city_en": "Almaty", "time_known": True}  # fmt: skip
    async with runtime(database).transaction() as session:
        return (await add_meeting(session, None, values, now)).id


async def subscribe(
    database: Database, chat_id: int, meeting_id: int | None, at: datetime = SUBSCRIBED
) -> None:
    async with runtime(database).transaction() as session:
        await chats.remember(session, chat_id, "private", at)
        await subscriptions.subscribe(session, chat_id, meeting_id, at)


async def swept(
    database: Database, now: datetime, after: datetime | None = None, holder: str = "process-1"
) -> Sweep:
    async with runtime(database).transaction() as session:
        return await sweep(session, now, after, SETTINGS, holder=holder)


async def pending_notices(database: Database, now: datetime) -> list[Pending]:
    async with runtime(database).transaction() as session:
        return await notices.claim(session, now, SETTINGS.lease, 100, holder="process-1")


async def rows(database: Database) -> list[tuple[int, int, str]]:
    async with database.sessions() as session:
        found = await session.scalars(select(ReminderDelivery).order_by(ReminderDelivery.id))
        return [(d.chat_id, d.offset_minutes, d.status.value) for d in found]


async def test_a_due_reminder_is_claimed_once_for_each_subscriber(database: Database) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    await subscribe(database, BOB, None)
    first = await swept(database, START - timedelta(days=1))
    assert sorted((c.chat_id, c.offset_minutes) for c in first.reminders) == [
        (ALICE, 1440),
        (BOB, 1440),
    ]
    # The next fan-out is planned with the backlog when it comes within the planning horizon.
    assert first.next_wake == START - timedelta(hours=1) - PLAN_HORIZON
    again = await swept(database, START - timedelta(days=1) + timedelta(seconds=5))
    assert again.reminders == []


async def test_two_processes_sweeping_at_once_share_the_claims(database: Database) -> None:
    meeting_id = await add(database)
    for chat_id in range(1, 41):
        await subscribe(database, chat_id, meeting_id)
    now = START - timedelta(hours=1)
    together = await asyncio.gather(swept(database, now), swept(database, now))
    claimed = [
        c.chat_id for result in together for c in result.reminders if c.offset_minutes == 60
    ]
    assert sorted(claimed) == list(range(1, 41))


async def test_an_offset_already_past_at_subscribing_is_not_sent(database: Database) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id, at=START - timedelta(hours=3))
    found = await swept(database, START - timedelta(minutes=50))
    assert [(c.chat_id, c.offset_minutes) for c in found.reminders] == [(ALICE, 60)]


async def test_a_reminder_due_while_no_process_ran_is_sent_late_or_recorded_missed(
    database: Database,
) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    # Started 40 minutes before the meeting: the day-before reminder is owed, late.
    late = await swept(database, START - timedelta(minutes=40))
    assert sorted(c.offset_minutes for c in late.reminders) == [60, 1440]
    later = START - timedelta(minutes=40)
    texts = await _wanted(database, reminders_out(late.reminders), later)
    assert len(texts) == 2 and all("Starts in 40 minutes." in text for text in texts)
    # Another subscriber, and the process down until after the start: recorded as missed.
    await subscribe(database, BOB, meeting_id)
    missed = await swept(database, START + timedelta(minutes=5))
    assert sorted((c.chat_id, c.offset_minutes) for c in missed.missed) == [(BOB, 60), (BOB, 1440)]
    assert sorted(await rows(database))[-2:] == [(BOB, 60, "missed"), (BOB, 1440, "missed")]


async def test_a_moved_meeting_is_told_once_and_reminded_at_its_new_time(
    database: Database,
) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    day_before = START - timedelta(days=1)
    await _sent(database, await swept(database, day_before), day_before)
    new_start = START + timedelta(days=2)
    async with runtime(database).transaction() as session:
        await edit_meeting(session, 1, meeting_id, {"starts_at": new_start}, day_before)
    found = await swept(database, day_before + timedelta(minutes=1))
    told = await pending_notices(database, day_before + timedelta(minutes=1))
    assert [(n.kind, n.chat_id) for n in told] == [("moved", ALICE)]
    assert told[0].before == {"starts_at": START.isoformat()}
    # The next due time lies beyond the day looked ahead: the periodic sweep finds it.
    assert found.next_wake is None
    # The day-before reminder comes again, for the new start.
    later = await swept(database, new_start - timedelta(days=1))
    assert [(c.chat_id, c.offset_minutes) for c in later.reminders] == [(ALICE, 1440)]
    async with runtime(database).transaction() as session:
        await finish(session, "notice", [told[0].notice_id], DeliveryStatus.SENT, day_before)
    assert await pending_notices(database, new_start - timedelta(days=1)) == []


async def test_a_cancelled_meeting_is_told_once_and_its_claims_are_not_sent(
    database: Database,
) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    await subscribe(database, BOB, None)
    now = START - timedelta(days=1)
    claimed = await swept(database, now)
    async with runtime(database).transaction() as session:
        await cancel_meeting(session, 1, meeting_id, "Snow on the pass", now)
    assert await _wanted(database, reminders_out(claimed.reminders), now) == []
    told = await pending_notices(database, now + timedelta(seconds=1))
    assert sorted((n.kind, n.chat_id) for n in told) == [
        ("cancelled", ALICE),
        ("cancelled", BOB),
    ]
    texts = await _wanted(database, notices_out(told, now), now)
    assert all("Snow on the pass" in text for text in texts)
    # No new reminder of the cancelled meeting (the day-before claims, never ended here, are
    # taken over after their lease and stopped again by the send-time check).
    hour_before = await swept(database, START - timedelta(hours=1))
    assert [c for c in hour_before.reminders if c.offset_minutes == 60] == []


async def test_a_claim_of_a_process_that_died_is_taken_over_after_the_lease(
    database: Database,
) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    now = START - timedelta(days=1)
    assert len((await swept(database, now)).reminders) == 1  # claimed, then the process died
    soon = await swept(database, now + SETTINGS.lease / 2, after=now)
    assert soon.reminders == []
    later = await swept(database, now + SETTINGS.lease + timedelta(seconds=1), after=now)
    assert [(c.chat_id, c.offset_minutes) for c in later.reminders] == [(ALICE, 1440)]


async def test_notices_are_written_once_per_change_and_chat(database: Database) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    await subscribe(database, BOB, None)
    async with runtime(database).transaction() as session:
        await edit_meeting(session, 1, meeting_id, {"venue_en": "Hall A"}, SUBSCRIBED)
        await edit_meeting(session, 1, meeting_id, {"summary_en": "Water"}, SUBSCRIBED)
    async with database.sessions() as session:
        notices = (await session.scalars(select(Notice))).all()
    # The venue moved (one notice each); a new summary is no news.
    assert sorted((n.kind, n.chat_id) for n in notices) == [("moved", ALICE), ("moved", BOB)]


async def _sent(database: Database, found: Sweep, now: datetime) -> None:
    assert len(found.reminders) == 1
    async with runtime(database).transaction() as session:
        await finish(
            session, "reminder", [found.reminders[0].delivery_id], DeliveryStatus.SENT, now
        )


async def _wanted(database: Database, items: list[Outgoing], now: datetime) -> list[str]:
    """The texts of the items still wanted at `now`, as the sender would send them."""
    async with runtime(database).transaction() as session:
        verdicts = await check(session, items, now, "en", send_rules())
    return [v.reply.text for v in verdicts if v.reply is not None]
