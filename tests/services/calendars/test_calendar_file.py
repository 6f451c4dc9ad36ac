"""The .ics file: what calendar applications read back from it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar
from sqlalchemy import select

from bot.services.calendars.file import calendar_bytes, meeting_attachment
from storage.database import Database
from storage.models import Meeting, MeetingStatus
from tests.support.factories import meeting


def events(content: bytes) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(content)
    return [
        {name: event.decoded(name) for name in event if name != "DTSTAMP"}
        for event in calendar.walk("VEVENT")
    ]


def stamped(found: Meeting) -> Meeting:
    found.id, found.updated_at = 6, datetime(2015, 11, 2, tzinfo=UTC)
    return found


async def test_the_bundled_meetings_round_trip(database: Database) -> None:
    async with database.sessions() as session:
        stored = list(await session.scalars(select(Meeting).order_by(Meeting.id)))
    fifth, sixth = events(calendar_bytes(stored))
    assert fifth["UID"] == "deputy-fm-2014-ashgabat@unrcca-bot"
    assert fifth["DTSTART"] == date(2014, 11, 28)
    assert fifth["LOCATION"] == "Ashgabat, Turkmenistan"
    # The source gives no hour for either: 27 November in Dushanbe is 26 November in UTC.
    assert sixth["DTSTART"] == date(2015, 11, 27)
    assert str(sixth["SUMMARY"]).startswith("Sixth annual Meeting")
    assert "Afghanistan" in str(fifth["DESCRIPTION"])
    assert "DESCRIPTION" not in sixth  # the source says nothing of its agenda
    assert "STATUS" not in sixth


async def test_the_file_in_russian(database: Database) -> None:
    async with database.sessions() as session:
        sixth = await session.get(Meeting, 2)
    assert sixth is not None
    attachment = meeting_attachment(sixth, "ru")
    assert attachment.file_name == "unrcca-meeting-2.ics"
    (event,) = events(attachment.content)
    assert str(event["SUMMARY"]).startswith("Шестая ежегодная встреча")
    assert str(event["LOCATION"]).endswith("Душанбе, Таджикистан")


def test_venue_end_and_cancellation() -> None:
    cancelled = stamped(meeting(1, datetime(2030, 3, 1, 5, tzinfo=UTC)))
    cancelled.ends_at = datetime(2030, 3, 1, 12, tzinfo=UTC)
    cancelled.venue_en = "Rixos Hotel; Hall A, B"
    cancelled.status = MeetingStatus.CANCELLED
    (event,) = events(calendar_bytes([cancelled]))
    assert event["DTSTART"] == datetime(2030, 3, 1, 5, tzinfo=UTC)
    assert event["DTEND"] == datetime(2030, 3, 1, 12, tzinfo=UTC)
    assert event["LOCATION"] == "Rixos Hotel; Hall A, B, Almaty, Kazakhstan"
    assert event["STATUS"] == "CANCELLED"
    assert "DESCRIPTION" not in event


def test_a_day_only_meeting_over_several_days_ends_after_its_last_day() -> None:
    # 23:00 UTC is already the next day in Almaty (UTC+5).
    days = stamped(meeting(2, datetime(2030, 3, 1, 23, tzinfo=UTC)))
    days.time_known, days.ends_at = False, datetime(2030, 3, 3, 6, tzinfo=UTC)
    (event,) = events(calendar_bytes([days]))
    assert (event["DTSTART"], event["DTEND"]) == (date(2030, 3, 2), date(2030, 3, 4))


def test_an_empty_list_is_still_a_calendar() -> None:
    calendar = Calendar.from_ical(calendar_bytes([]))
    assert calendar.walk("VEVENT") == []
    assert calendar["VERSION"] == "2.0"
