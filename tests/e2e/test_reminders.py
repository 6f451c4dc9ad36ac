"""Reminders end to end: the real Application on the real clock with offsets of a minute, the
fake Bot API, and changes made by "another process" straight in the database."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.services.meeting_writes.changes import add_meeting, cancel_meeting, edit_meeting
from bot.services.runtime import utc_now
from storage.database import Database
from storage.models import Chat, DeliveryStatus, ReminderDelivery
from tests.e2e.conftest import running_bot
from tests.e2e.users import DILNOZA, TOM, ask, buttons
from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser
from tests.fakebotapi.store import Json
from tests.support.polling import wait_until
from tests.support.runtimes import runtime_at

# A reminder leaves within this long of its due time when few chats are due (a fan-out starts
# a little early, so that its last message is not late).
ON_TIME = 5.0
EARLY = -3.0
GROUP = FakeChat(-100777, title="OSCE desk")
GROUP_ADMIN = FakeUser(3001, "Aigul", language_code="en")
GROUP_MEMBER = FakeUser(3002, "Murat", language_code="en")


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return utc_now


@pytest.fixture
def bot_settings() -> dict[str, object]:
    return {"reminder_sweep_seconds": 1, "reminder_offsets": (1,)}


async def meeting_in(database: Database, delay: timedelta, title: str = "Water talks") -> int:
    """A meeting starting `delay` from now, added by another process (as an admin would)."""
    values = {
        "title_en": title,
        "starts_at": utc_now() + delay,
        "time_zone": "Asia/Almaty",
        "city_en": "Almaty",
        "time_known": True,
        "summary_en": "Water and energy.",
    }
    async with runtime_at(database).transaction() as session:
        meeting = await add_meeting(session, None, values, utc_now() - timedelta(hours=1))
        return meeting.id


async def change(database: Database, run: Callable[..., object], *args: object) -> None:
    async with runtime_at(database).transaction() as session:
        await run(session, 1, *args, utc_now())  # type: ignore[misc]


def reminders_to(api: FakeBotApi, chat_id: int) -> list[Json]:
    return [s for s in api.sent if s["chat_id"] == chat_id and "Reminder" in (s["text"] or "")]


async def wait_for(
    api: FakeBotApi,
    chat_id: int,
    word: str,
    timeout: float = 20.0,  # noqa: ASYNC109 - a deadline for the test, not for a call
) -> tuple[Json, float]:
    """The next message to the chat containing `word`, and the wall-clock second it came."""
    sent = await api.wait_for_message(
        chat_id=chat_id, timeout=timeout, predicate=lambda s: word in (s["text"] or "")
    )
    return sent, time.time()


async def test_a_subscriber_is_reminded_once_per_offset_on_time(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    meeting_id = await meeting_in(bot_database, timedelta(seconds=68))
    due = time.time() + 8
    reply = await ask(bot_api, TOM, "subscribe", str(meeting_id))
    assert "Done: this chat will be reminded of <b>Water talks</b>" in reply["text"]
    reminder, arrived = await wait_for(bot_api, TOM.id, "Reminder")
    print(f"reminder sent {arrived - due:+.2f} s from its due time")  # pytest -s shows it
    assert EARLY <= arrived - due <= ON_TIME, f"{arrived - due:.1f} s late"
    assert "Starts in 1 minute." in reminder["text"]
    assert "Water and energy." in reminder["text"]
    assert buttons(reminder) == [f"ics:{meeting_id}", f"stop:{meeting_id}"]
    await asyncio.sleep(3)
    assert len(reminders_to(bot_api, TOM.id)) == 1
    async with bot_database.sessions() as session:
        (delivery,) = (await session.scalars(select(ReminderDelivery))).all()
    assert (delivery.status, delivery.chat_id) == (DeliveryStatus.SENT, TOM.id)


async def test_a_moved_meeting_brings_one_notice_then_reminders_at_the_new_time(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    meeting_id = await meeting_in(bot_database, timedelta(seconds=64))
    await ask(bot_api, DILNOZA, "subscribe", str(meeting_id))
    await wait_for(bot_api, DILNOZA.id, "Напоминание")
    new_start = utc_now() + timedelta(seconds=70)
    await change(bot_database, edit_meeting, meeting_id, {"starts_at": new_start})
    notice, _ = await wait_for(bot_api, DILNOZA.id, "Перенесена")
    assert "Было:" in notice["text"] and "Стало:" in notice["text"]
    _, arrived = await wait_for(bot_api, DILNOZA.id, "Напоминание", timeout=25)
    due = new_start.timestamp() - 60
    print(f"moved meeting's reminder sent {arrived - due:+.2f} s from its due time")
    assert EARLY <= arrived - due <= ON_TIME
    assert len([s for s in bot_api.sent if "Перенесена" in (s["text"] or "")]) == 1


async def test_a_cancelled_meeting_brings_one_notice_and_no_reminder(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    # Due in 20 s: time enough, on a loaded machine too, to subscribe and cancel before it.
    reminder_due = time.monotonic() + 20
    meeting_id = await meeting_in(bot_database, timedelta(seconds=80))
    await ask(bot_api, TOM, "subscribe")
    await change(bot_database, cancel_meeting, meeting_id, "The pass is closed by snow")
    notice, _ = await wait_for(bot_api, TOM.id, "Cancelled")
    assert "Reason: The pass is closed by snow" in notice["text"]
    await asyncio.sleep(max(reminder_due - time.monotonic(), 0) + 3)  # past the reminder's time
    assert reminders_to(bot_api, TOM.id) == []
    assert len([s for s in bot_api.sent if "Cancelled" in (s["text"] or "")]) == 1


async def test_in_a_group_only_administrators_change_the_reminders(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    bot_api.make_admin(GROUP.id, GROUP_ADMIN.id)
    bot_api.send_command(GROUP_MEMBER, "subscribe", chat=GROUP)
    refused = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "Only this group's administrators" in refused["text"]
    bot_api.send_command(GROUP_MEMBER, "remind", "2h", chat=GROUP)
    assert "Only this group's administrators" in (await bot_api.wait_for_message(GROUP.id))["text"]
    bot_api.send_command(GROUP_ADMIN, "subscribe", chat=GROUP)
    done = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "every scheduled meeting" in done["text"]
    bot_api.send_command(GROUP_MEMBER, "subscriptions", chat=GROUP)
    listed = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "every scheduled meeting" in listed["text"]


async def test_a_chat_that_blocked_the_bot_is_marked_and_its_reminder_failed(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    meeting_id = await meeting_in(bot_database, timedelta(seconds=64))
    await ask(bot_api, TOM, "subscribe", str(meeting_id))
    bot_api.refuse_chat(TOM.id, 403)
    deadline = time.time() + 20
    delivery = None
    while time.time() < deadline:
        async with bot_database.sessions() as session:
            delivery = await session.scalar(select(ReminderDelivery))
            chat = await session.get(Chat, TOM.id)
        if delivery is not None and delivery.status == DeliveryStatus.FAILED:
            break
        await asyncio.sleep(0.5)
    assert delivery is not None and delivery.status == DeliveryStatus.FAILED
    assert delivery.error is not None and "blocked" in delivery.error
    assert chat is not None and chat.is_active is False


async def test_remind_and_timezone_settings_are_shown_and_used(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    reply = await ask(bot_api, DILNOZA, "remind", "1д 3ч 30м")
    assert "за 1 день, 3 часа и 30 минут" in reply["text"]
    bad = await ask(bot_api, DILNOZA, "remind", "31d")
    assert "больше 30 дней" in bad["text"] and "/remind 1д 3ч 30м" in bad["text"]
    zone = await ask(bot_api, DILNOZA, "timezone", "Москва")
    assert "Europe/Moscow" in zone["text"]
    unknown = await ask(bot_api, DILNOZA, "timezone", "Atlantis")
    assert "Atlantis" in unknown["text"] and "Asia/Almaty" in unknown["text"]
    listed = await ask(bot_api, DILNOZA, "subscriptions")
    assert "1 день, 3 часа и 30 минут" in listed["text"] and "Europe/Moscow" in listed["text"]
    start = datetime(2031, 5, 6, 4, 0, tzinfo=UTC)  # 09:00 in Almaty, 07:00 in Moscow
    async with bot_database.sessions.begin() as session:
        values = {"title_en": "Borders", "starts_at": start, "time_zone": "Asia/Almaty",
                  "city_en": "Almaty", "time_known": True}  # fmt: skip
        meeting = await add_meeting(session, None, values, utc_now())
    card = await ask(bot_api, DILNOZA, "event", str(meeting.id))
    assert (
        "09:00" in card["text"] and "по вашему времени" in card["text"] and "07:00" in card["text"]
    )


async def test_a_second_process_on_one_sqlite_file_says_so_and_sends_nothing(
    bot_api: FakeBotApi, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("on PostgreSQL several processes are the design (test_fanout_processes)")
    caplog.set_level(logging.INFO, logger="bot")
    async with FakeBotApi() as other, running_bot(other, database_url, utc_now, frozenset()):
        told = await wait_until(
            lambda: any("SQLite is for one process" in r.getMessage() for r in caplog.records),
            10,
        )
    assert told
    assert sum("this process sends the reminders" in r.getMessage() for r in caplog.records) == 1
