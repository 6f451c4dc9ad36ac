"""/import and /export through the running bot: files as users send them, and the answers."""

from __future__ import annotations

from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from storage.database import Database
from storage.models import Meeting
from tests.e2e.users import DILNOZA, TOM, ask
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.updates import (
    command_text,
    incoming_message,
    private_chat_json,
    text_content,
)
from tests.support.calendars import EVENT, ics

ADMIN = FakeUser(1001, "Aida", language_code="en")
RUSSIAN_ADMIN = FakeUser(1002, "Арман", language_code="ru")
ENERGY = {**EVENT, "UID": "energy@example.org", "SUMMARY": "Energy talks"}
TWO_EVENTS = ics(EVENT, ENERGY)


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({ADMIN.id, RUSSIAN_ADMIN.id})


async def meeting_count(database: Database) -> int:
    async with database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Meeting)) or 0)


IMPORT_WAIT = 60.0


async def send_file(api: FakeBotApi, user: FakeUser, name: str, content: bytes) -> dict[str, Any]:
    api.send_document(user, name, content, caption="/import")
    # The file is parsed in a worker process (bot.services.calendars.worker), whose start alone
    # takes seconds on a loaded machine: a loose bound on a wait, not a speed goal.
    return await api.wait_for_message(chat_id=user.id, timeout=IMPORT_WAIT)


def downloads(api: FakeBotApi) -> list[str]:
    return [call.method for call in api.requests if call.method == "getFile"]


async def test_an_admin_imports_a_calendar_file_and_reads_the_report(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    bad = {**EVENT, "UID": "nowhere@example.org", "LOCATION": "Springfield"}
    report = await send_file(bot_api, ADMIN, "meetings.ics", ics(EVENT, ENERGY, bad))
    assert report["text"].startswith(
        "<b>Import finished.</b> Created: 2, updated: 0, unchanged: 0, skipped: 1."
    )
    assert "• Event 3 (<i>Water talks</i>): I cannot tell its time zone" in report["text"]
    assert "<code>LOCATION:Almaty, Kazakhstan</code>" in report["text"]
    assert await meeting_count(bot_database) == 4  # the two bundled meetings and two imported

    again = await send_file(bot_api, ADMIN, "meetings.ics", TWO_EVENTS)
    assert "Created: 0, updated: 0, unchanged: 2, skipped: 0." in again["text"]


async def test_import_as_a_reply_to_the_file(bot_api: FakeBotApi, bot_database: Database) -> None:
    file_message = bot_api.send_document(ADMIN, "meetings.ics", TWO_EVENTS)["message"]
    # A file without the caption is not imported; the admin is told how (issue 12).
    hint = await bot_api.wait_for_message(chat_id=ADMIN.id)
    assert hint["text"].startswith("To import <i>meetings.ics</i> as meetings, reply")
    assert await meeting_count(bot_database) == 2
    reply_with_command(bot_api, ADMIN, "/import", file_message)
    report = await bot_api.wait_for_message(chat_id=ADMIN.id, timeout=IMPORT_WAIT)
    assert "Created: 2" in report["text"]
    assert await meeting_count(bot_database) == 4


async def test_someone_who_is_not_an_admin_is_refused_and_nothing_is_read(
    bot_api: FakeBotApi, bot_database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    refusal = await send_file(bot_api, TOM, "meetings.ics", TWO_EVENTS)
    assert refusal["text"] == "Sorry, this is for the bot's administrators only."
    export = await ask(bot_api, DILNOZA, "export")
    assert export["text"] == "Извините, это доступно только администраторам бота."
    assert (export["method"], downloads(bot_api)) == ("sendMessage", [])
    assert await meeting_count(bot_database) == 2
    assert "refused /import to user 2001: not an admin" in caplog.text


async def test_a_file_over_one_megabyte_is_refused_before_it_is_downloaded(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    big = TWO_EVENTS + b"X-PADDING:" + b"x" * (2 * 1024 * 1024)
    answer = await send_file(bot_api, ADMIN, "huge.ics", big)
    assert answer["text"].startswith(
        "The file <i>huge.ics</i> is too big: 2049 KB, and at most 1024 KB are read."
    )
    assert downloads(bot_api) == []
    assert await meeting_count(bot_database) == 2


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "notes.ics",
            b"Water talks in Almaty on 10 December, 10:00\n",
            "<i>notes.ics</i> is not a calendar: I could not read it as iCalendar",
        ),
        ("notes.txt", TWO_EVENTS, "<i>notes.txt</i> is not an .ics file, so I did not read it."),
    ],
)
async def test_a_file_that_is_not_a_calendar_is_refused(
    bot_api: FakeBotApi, bot_database: Database, name: str, content: bytes, expected: str
) -> None:
    answer = await send_file(bot_api, ADMIN, name, content)
    assert answer["text"].startswith(expected)
    assert "with the caption <code>/import</code>" in answer["text"]
    assert await meeting_count(bot_database) == 2


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (ADMIN, "Please send the calendar as an <b>.ics file</b> with the caption"),
        (RUSSIAN_ADMIN, "Пожалуйста, пришлите календарь <b>файлом .ics</b> с подписью"),
    ],
)
async def test_import_without_a_file_explains_how(
    bot_api: FakeBotApi, user: FakeUser, expected: str
) -> None:
    answer = await ask(bot_api, user, "import")
    assert answer["text"].startswith(expected)
    assert "UID:water-talks-2027@unrcca-bot" in answer["text"]


async def test_export_sends_the_scheduled_meetings_as_one_file(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await send_file(bot_api, ADMIN, "meetings.ics", TWO_EVENTS)
    sent = await ask(bot_api, ADMIN, "export")
    assert sent["method"] == "sendDocument"
    assert sent["document"]["file_name"] == "unrcca-meetings.ics"
    # Past meetings are counted as past (issue 12): before the sixth, the fifth is past.
    assert sent["caption"].startswith("Meetings: 4 (upcoming: 3, past: 1, cancelled: 0).")
    calendar = Calendar.from_ical(sent["document"]["content"])
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert uids == [
        "deputy-fm-2014-ashgabat@unrcca-bot",
        "deputy-fm-2015-dushanbe@unrcca-bot",
        "water-2027@example.org",
        "energy@example.org",
    ]


def reply_with_command(api: FakeBotApi, user: FakeUser, text: str, replied: dict) -> None:
    """A message answering another one; the fake's helpers send only fresh messages."""
    chat = private_chat_json(user)
    message_id = api._state.chats.next_message_id(chat["id"])
    content = text_content(command_text(text, "", None))
    message = incoming_message(message_id, user, chat, reply_to_message=replied, **content)
    api.push_update({"message": api._state.chats.store(message)})


async def test_a_broken_calendar_is_named_with_the_line_where_it_breaks(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    broken = TWO_EVENTS.replace(b"SUMMARY:Energy talks", b"Energy talks")
    answer = await send_file(bot_api, ADMIN, "outlook.ics", broken)
    assert answer["text"].startswith(
        "<i>outlook.ics</i> is a calendar file, but it is broken at line 12: "
        "<code>Energy talks</code>"
    )
    assert "BEGIN:VCALENDAR" not in answer["text"]
    assert await meeting_count(bot_database) == 2


async def test_a_calendar_file_from_someone_else_without_a_caption_gets_no_hint(
    bot_api: FakeBotApi,
) -> None:
    bot_api.send_document(TOM, "meetings.ics", TWO_EVENTS)
    answer = await ask(bot_api, TOM, "about")
    assert "UNRCCA" in answer["text"]  # the next answer is to /about: the file got none
    assert downloads(bot_api) == []


async def test_a_report_too_long_for_a_message_comes_as_a_file(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    events = [
        {**EVENT, "UID": f"e{n}@example.org", "SUMMARY": f"Consultations on water {n} " * 3}
        for n in range(80)
    ]
    answer = await send_file(bot_api, ADMIN, "year.ics", ics(*events))
    assert answer["method"] == "sendDocument"
    assert answer["caption"].startswith("<b>Import finished.</b> Created: 80, updated: 0")
    report = answer["document"]["content"].decode()
    assert report.count("• Event ") == 80
    assert await meeting_count(bot_database) == 82
