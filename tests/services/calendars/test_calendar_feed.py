"""The feed as a subscribed calendar app reads it, and who the command line is in the audit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from icalendar import Calendar
from sqlalchemy import select

from bot.services.admin.audit import show_audit
from bot.services.calendars.entry import import_parsed
from bot.services.calendars.export import calendar_feed
from bot.services.calendars.parsing import parse_calendar
from bot.services.meeting_writes.changes import cancel_meeting, edit_meeting
from bot.services.request import Request
from storage.database import Database
from storage.models import AuditEntry
from tests.support.calendar_imports import ADMIN, by_uid, import_file, runtime
from tests.support.calendars import EVENT, ics
from tests.support.factories import STAMP


async def test_a_calendar_app_following_the_feed_sees_the_sequence_grow(
    database: Database,
) -> None:
    await import_file(database, ics(EVENT))
    meeting = await by_uid(database, EVENT["UID"])

    def feed_event(content: bytes) -> Any:
        events = Calendar.from_ical(content).walk("VEVENT")
        return next(e for e in events if str(e["UID"]) == EVENT["UID"])

    first = feed_event(await calendar_feed(database, "en", STAMP))
    async with database.sessions.begin() as session:
        moved = {"starts_at": meeting.starts_at + timedelta(days=1)}
        await edit_meeting(session, ADMIN, meeting.id, moved, STAMP + timedelta(hours=1))
    after_move = feed_event(await calendar_feed(database, "en", STAMP))
    async with database.sessions.begin() as session:
        await cancel_meeting(session, ADMIN, meeting.id, None, STAMP + timedelta(hours=2))
    after_cancel = feed_event(await calendar_feed(database, "ru", STAMP))

    sequences = [int(e["SEQUENCE"]) for e in (first, after_move, after_cancel)]
    assert sequences[0] < sequences[1] < sequences[2]
    stamps = [e.decoded("LAST-MODIFIED") for e in (first, after_move, after_cancel)]
    assert stamps[0] < stamps[1] < stamps[2]
    assert str(after_cancel["STATUS"]) == "CANCELLED"


async def test_the_feed_is_named_refreshes_and_speaks_russian_when_asked(
    database: Database,
) -> None:
    await import_file(database, ics(EVENT))  # at 10:00 in Almaty: a time with its zone
    feeds = {lang: await calendar_feed(database, lang, STAMP) for lang in ("en", "ru")}
    english, russian = (Calendar.from_ical(feeds[lang]) for lang in ("en", "ru"))
    assert str(english["X-WR-CALNAME"]) == "UNRCCA meetings"
    assert str(russian["X-WR-CALNAME"]) == "Встречи РЦПДЦА"
    assert english.decoded("REFRESH-INTERVAL") == timedelta(hours=1)
    titles = [str(e["SUMMARY"]) for e in russian.walk("VEVENT")]
    assert any(title.startswith("Шестая ежегодная встреча") for title in titles)
    # Past meetings are in it too: the fifth (2014) and the sixth (2015).
    assert len(titles) == 3
    # The zone blocks come from icalendar, without its note on the years they cover.
    assert b"VTIMEZONE" in feeds["en"] and b"COMMENT" not in feeds["en"]


async def test_the_command_line_is_the_actor_of_its_changes(database: Database) -> None:
    await import_parsed(runtime(database), None, parse_calendar(ics(EVENT)))
    async with database.sessions() as session:
        entry = await session.scalar(select(AuditEntry))
        shown = await show_audit(session, Request(args="", language="en", now=STAMP))
    assert entry is not None and (entry.action, entry.actor_id) == ("add", None)
    assert "by <code>the command line</code>" in shown.text
