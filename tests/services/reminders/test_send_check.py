"""The send-time check and coalescing, on SQLite and PostgreSQL: a message is rendered only if
it is still wanted when its batch is sent, and what one chat has queued goes as one message."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.outbound.kinds import send_rules
from bot.services.meeting_writes.changes import add_meeting, cancel_meeting, edit_meeting
from bot.services.reminders.coalescing import combine
from bot.services.reminders.outbox import Outgoing, notices_out, reminders_out
from bot.services.reminders.send_check import SendRules, Verdict, check
from bot.services.reminders.sweep import sweep
from bot.services.reply import Reply
from bot.texts import Html
from storage.database import Database
from storage.models import DeliveryStatus, Meeting
from storage.repositories import chats, notices, subscriptions
from tests.services.reminders.test_sweep import (
    ALICE,
    BOB,
    SETTINGS,
    START,
    SUBSCRIBED,
    add,
    runtime,
    subscribe,
)

HOUR_BEFORE = START - timedelta(hours=1)


VALUES = {"starts_at": START, "time_zone": "Asia/Almaty", "city_en": "Almaty", "time_known": True}


async def add_titled(database: Database, title: str) -> int:
    async with runtime(database).transaction() as session:
        values = {**VALUES, "title_en": title}
        return (await add_meeting(session, None, values, SUBSCRIBED - timedelta(days=1))).id


async def claimed_hour_before(database: Database) -> list[Outgoing]:
    async with runtime(database).transaction() as session:
        found = await sweep(session, HOUR_BEFORE, None, SETTINGS, holder="process-1")
    return [item for item in reminders_out(found.reminders) if item.offset_minutes == 60]


async def verdicts(
    database: Database, items: list[Outgoing], at: float = 0, now: datetime = HOUR_BEFORE
) -> list[Verdict]:
    async with runtime(database).transaction() as session:
        return await check(session, items, now + timedelta(seconds=at), "en", send_rules())


async def test_a_wanted_reminder_is_rendered_when_it_is_sent(database: Database) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    (verdict,) = await verdicts(database, await claimed_hour_before(database), at=20 * 60)
    assert verdict.reply is not None and "Starts in 40 minutes." in verdict.reply.text


async def test_cancel_move_and_unsubscribe_stop_queued_reminders(database: Database) -> None:
    cancelled, moved, left = [await add_titled(database, title) for title in ("A", "B", "C")]
    for meeting_id in (cancelled, moved, left):
        await subscribe(database, ALICE, meeting_id)
    queued = await claimed_hour_before(database)
    assert len(queued) == 3
    async with runtime(database).transaction() as session:
        await cancel_meeting(session, 1, cancelled, "Snow", HOUR_BEFORE)
        await edit_meeting(
            session, 1, moved, {"starts_at": START + timedelta(hours=2)}, HOUR_BEFORE
        )
        await subscriptions.unsubscribe(session, ALICE, left)
    reasons = {
        v.item.meeting_id: (v.reply, v.status, v.reason) for v in await verdicts(database, queued)
    }
    assert reasons == {
        cancelled: (None, DeliveryStatus.FAILED, "meeting cancelled before sending"),
        moved: (None, DeliveryStatus.FAILED, "meeting moved before sending"),
        left: (None, DeliveryStatus.FAILED, "chat unsubscribed before sending"),
    }


async def test_a_reminder_whose_meeting_has_begun_is_missed_never_sent(
    database: Database,
) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    (verdict,) = await verdicts(database, await claimed_hour_before(database), at=3600)
    assert verdict.reply is None
    assert (verdict.status, verdict.reason) == (
        DeliveryStatus.MISSED,
        "meeting had begun when it could be sent",
    )


async def test_twenty_new_meetings_are_one_message_listing_them(database: Database) -> None:
    await subscribe(database, BOB, None)
    async with runtime(database).transaction() as session:
        for n in range(20):
            await add_meeting(session, None, {**VALUES, "title_en": f"Talks {n}"}, SUBSCRIBED)
    async with runtime(database).transaction() as session:
        pending = await notices.claim(session, SUBSCRIBED, SETTINGS.lease, 100, holder="process-1")
    found = await verdicts(database, notices_out(pending, SUBSCRIBED), now=SUBSCRIBED)
    combined = combine([v for v in found if v.reply is not None])
    assert len(combined.held) == 20 and combined.rest == []
    text = combined.reply.text
    assert "New meetings (20)" in text and all(f"Talks {n}</b>" in text for n in range(20))
    assert length(text) <= MESSAGE_LIMIT
    # Twenty meetings' "Add to calendar" buttons would read alike: the list has none.
    assert combined.reply.buttons == ()


async def test_a_reminder_and_a_change_notice_of_one_meeting_are_one_message(
    database: Database,
) -> None:
    meeting_id = await add(database)
    await subscribe(database, ALICE, meeting_id)
    queued = await claimed_hour_before(database)
    async with runtime(database).transaction() as session:
        await edit_meeting(session, 1, meeting_id, {"venue_en": "Hall B"}, HOUR_BEFORE)
        pending = await notices.claim(
            session, HOUR_BEFORE, SETTINGS.lease, 100, holder="process-1"
        )
    both = await verdicts(database, [*queued, *notices_out(pending, HOUR_BEFORE)])
    combined = combine([v for v in both if v.reply is not None])
    assert len(combined.held) == 2
    assert "Moved: Water talks" in combined.reply.text and "Reminder" in combined.reply.text
    assert combined.reply.buttons  # one meeting: its buttons stay


async def test_a_batch_renders_a_fan_out_once_for_chats_that_read_alike(
    database: Database,
) -> None:
    meeting_id = await add(database)
    for chat_id in (ALICE, BOB, 103, 104):
        await subscribe(database, chat_id, meeting_id)
    async with runtime(database).transaction() as session:
        await chats.set_time_zone(session, 104, "Europe/Berlin", SUBSCRIBED)
    queued = await claimed_hour_before(database)
    calls: list[tuple[int, str | None]] = []
    rules = send_rules()

    def counted(
        item: Outgoing, meeting: Meeting, language: str, zone: str | None, now: datetime
    ) -> tuple[Reply, Html | None]:
        calls.append((item.chat_id, zone))
        return rules[item.kind].render(item, meeting, language, zone, now)

    counting = {kind: SendRules(rule.stale, counted) for kind, rule in rules.items()}
    async with runtime(database).transaction() as session:
        found = await check(session, queued, HOUR_BEFORE, "en", counting)
    # Three chats read the venue's time, one Berlin's: two renderings for four messages.
    assert sorted(zone or "" for _chat, zone in calls) == ["", "Europe/Berlin"]
    texts = {v.item.chat_id: v.reply.text for v in found if v.reply is not None}
    assert texts[ALICE] == texts[BOB] == texts[103] != texts[104]
    assert "Starts in 1 hour." in texts[ALICE] and "Central European" in texts[104]
