"""Meetings as an iCalendar file (RFC 5545) that calendar applications import."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from icalendar import Calendar, Event

from bot.formatting.cards import place
from bot.formatting.dates import local_time
from bot.services.reply import Attachment
from storage.models import Meeting, MeetingStatus

PRODUCT = "-//UNRCCA meetings bot//unrcca-bot//EN"
MIME_TYPE = "text/calendar"


def calendar_bytes(meetings: Iterable[Meeting], language: str = "en") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, language))
    # Times carry the venue's zone (TZID), so a calendar app and a re-import both know it.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def meeting_attachment(meeting: Meeting, language: str) -> Attachment:
    return Attachment(
        file_name=f"unrcca-meeting-{meeting.id}.ics",
        content=calendar_bytes([meeting], language),
        mime_type=MIME_TYPE,
    )


def meeting_event(meeting: Meeting, language: str) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    # DTSTAMP is required; the last change keeps the file the same for the same meeting.
    event.add("dtstamp", meeting.updated_at)
    _add_times(event, meeting)
    event.add("summary", meeting.text("title", language) or "")
    event.add("location", _location(meeting, language))
    if summary := meeting.text("summary", language):
        event.add("description", summary)
    if meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
    return event


def _add_times(event: Event, meeting: Meeting) -> None:
    if meeting.time_known:
        event.add("dtstart", local_time(meeting.starts_at, meeting.time_zone))
        if meeting.ends_at is not None:
            event.add("dtend", local_time(meeting.ends_at, meeting.time_zone))
        return
    # Only the day is known: an all-day event on the venue's local date (DTEND is exclusive).
    event.add("dtstart", local_time(meeting.starts_at, meeting.time_zone).date())
    if meeting.ends_at is not None:
        last_day = local_time(meeting.ends_at, meeting.time_zone).date()
        event.add("dtend", last_day + timedelta(days=1))


def _location(meeting: Meeting, language: str) -> str:
    venue = meeting.text("venue", language)
    where = place(meeting, language)
    return f"{venue}, {where}" if venue else where
