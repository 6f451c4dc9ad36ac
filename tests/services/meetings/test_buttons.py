"""Button presses through the service: the calendar file, Remind me, and forged data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from bot.services.meeting_writes.changes import cancel_meeting
from storage.database import Database
from storage.models import Subscription
from storage.repositories import followers
from tests.support.commands import CHAT_ID, press, say
from tests.support.factories import FIFTH_ID, SIXTH_ID, STAMP


async def subscription_count(database: Database) -> int:
    async with database.sessions() as session:
        query = select(func.count()).select_from(Subscription)
        return int(await session.scalar(query) or 0)


async def test_add_to_calendar_sends_the_meetings_file(database: Database) -> None:
    reply = await press(database, f"ics:{SIXTH_ID}")
    assert reply.attachment is not None
    assert reply.attachment.file_name == f"unrcca-meeting-{SIXTH_ID}.ics"
    assert reply.attachment.mime_type == "text/calendar"
    assert "Sixth annual Meeting" in reply.text
    assert reply.notice == "Calendar file sent"
    event = Calendar.from_ical(reply.attachment.content).walk("VEVENT")[0]
    assert str(event["uid"]) == "deputy-fm-2015-dushanbe@unrcca-bot"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "is cancelled: Postponed to spring, so there is nothing to add to your calendar."),
        ("ru", "отменена: Postponed to spring, поэтому добавлять в календарь нечего."),
    ],
)
async def test_add_to_calendar_on_a_cancelled_meeting_says_so_and_sends_no_file(
    database: Database, language: str, expected: str
) -> None:
    async with database.sessions.begin() as session:
        await cancel_meeting(session, 1001, SIXTH_ID, "Postponed to spring", STAMP)
    reply = await press(database, f"ics:{SIXTH_ID}", language=language)
    assert reply.attachment is None
    assert expected in reply.text
    assert reply.notice in ("This meeting is cancelled", "Эта встреча отменена")


async def test_remind_me_subscribes_the_chat_once(database: Database) -> None:
    first = await press(database, f"rm:{SIXTH_ID}")
    assert "This chat is now subscribed to <b>Sixth annual Meeting" in first.text
    assert "will be reminded before it" in first.text
    again = await press(database, f"rm:{SIXTH_ID}", language="ru")
    # The second press posts nothing: the card's button turns into "Stop reminding".
    assert again.text == "" and again.edit_buttons
    assert again.notice is not None and "уже получает напоминания" in again.notice
    assert f"stop:{SIXTH_ID}" in [b.data for row in again.buttons for b in row]
    assert await subscription_count(database) == 1
    async with database.sessions() as session:
        assert await followers.count_for_meeting(session, SIXTH_ID) == 1


async def test_no_reminder_of_a_past_meeting(database: Database) -> None:
    reply = await press(database, f"rm:{FIFTH_ID}")
    assert reply.text == ""
    assert (
        reply.notice
        == "This meeting has already taken place, so there is nothing to remind you of."
    )
    assert await subscription_count(database) == 0


@pytest.mark.parametrize("data", ["ics:999999", "rm:999999"])
async def test_a_button_for_a_meeting_that_is_gone(database: Database, data: str) -> None:
    reply = await press(database, data)
    assert reply.text == ""
    assert reply.attachment is None
    assert reply.notice is not None
    assert reply.notice.startswith("Sorry, I no longer have that meeting.")


@pytest.mark.parametrize("data", ["garbage", "ics:-1", "pg:down:1", "rm:99999999999", ""])
async def test_forged_buttons_get_a_polite_notice(database: Database, data: str) -> None:
    reply = await press(database, data, language="ru")
    assert reply.notice is not None
    assert reply.notice.startswith("Извините, эта кнопка больше не работает.")
    assert reply.text == ""


async def test_a_button_remembers_the_chat_and_its_language(database: Database) -> None:
    reply = await press(database, "pg:up:1", language="ru")
    assert "Предстоящие встречи" in reply.text
    assert reply.edit
    # The chat now exists, so the reply to its next message also knows it.
    assert "Предстоящие встречи" in (await say(database, "/upcoming", language="ru")).text
    assert CHAT_ID


async def test_pages_after_the_meetings_changed(database: Database) -> None:
    later = datetime(2030, 1, 1, tzinfo=UTC)
    reply = await press(database, "pg:up:3", now=later)
    assert reply.edit
    assert reply.text.startswith("No meetings are scheduled at the moment.")
