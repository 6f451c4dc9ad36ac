"""Reading an .ics file into meeting values, event by event; pure, so odd files are easy to test.

An event that cannot become a meeting is not an error for the whole file: it becomes a problem
that names the event and the reason, and the others are still imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from icalendar import Calendar, Component
from sqlalchemy import String

from bot.forms.meeting_form import TEXT_FIELDS
from bot.places import is_valid_zone
from bot.services.calendars.places import read_place
from bot.services.calendars.times import Skip, event_times, moment, zone_named
from storage.models import Meeting, MeetingStatus

# Columns whose length the database limits, checked here so that one long title skips one event,
# with the property the admin would have to shorten.
LIMITED = {
    "uid": "UID",
    "title_en": "SUMMARY",
    "city_en": "LOCATION",
    "venue_en": "LOCATION",
    "summary_en": "DESCRIPTION",
}
# A summary column has no length of its own: the form's cap keeps a card readable, and so here.
FORM_LIMITS = {column: limit for column, limit in TEXT_FIELDS.values()}


class NotACalendar(Exception):
    """The file is not an iCalendar file at all."""


@dataclass(frozen=True)
class EventProblem:
    # Where the event stands in the file (from 1) and its title, to tell the admin which it is.
    number: int
    title: str | None
    reason: str
    details: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedEvent:
    number: int
    uid: str
    values: dict[str, object]


@dataclass(frozen=True)
class ParsedCalendar:
    events: tuple[ImportedEvent, ...]
    problems: tuple[EventProblem, ...]


def parse_calendar(content: bytes) -> ParsedCalendar:
    events: dict[str, ImportedEvent] = {}
    problems: list[EventProblem] = []
    for number, (event, zone) in enumerate(_events(_calendars(content)), start=1):
        result = read_event(event, number, zone)
        if isinstance(result, ImportedEvent) and result.uid in events:
            # The first is the one imported; a second would silently overwrite it.
            result = EventProblem(number, _text(event, "SUMMARY"), "duplicate_uid")
        if isinstance(result, ImportedEvent):
            events[result.uid] = result
        else:
            problems.append(result)
    return ParsedCalendar(tuple(events.values()), tuple(problems))


def read_event(
    event: Component, number: int, calendar_zone: str | None
) -> ImportedEvent | EventProblem:
    title = _text(event, "SUMMARY")
    try:
        uid, values = _values(event, title, calendar_zone)
    except Skip as skip:
        return EventProblem(number, title, skip.reason, skip.details)
    return ImportedEvent(number, uid, values)


def _calendars(content: bytes) -> list[Calendar]:
    try:
        components = Calendar.from_ical(content, multiple=True)
    except ValueError as error:
        raise NotACalendar(str(error)) from error
    calendars = [c for c in components if isinstance(c, Calendar) and c.name == "VCALENDAR"]
    if not calendars:
        raise NotACalendar("no VCALENDAR")
    return calendars


def _events(calendars: list[Calendar]) -> list[tuple[Component, str | None]]:
    return [(event, _calendar_zone(c)) for c in calendars for event in c.walk("VEVENT")]


def _calendar_zone(calendar: Calendar) -> str | None:
    """X-WR-TIMEZONE: Google's and Apple's way of naming the zone of a whole calendar."""
    name = _text(calendar, "X-WR-TIMEZONE")
    return name if name and is_valid_zone(name) else None


def _values(
    event: Component, title: str | None, calendar_zone: str | None
) -> tuple[str, dict[str, object]]:
    uid = _text(event, "UID")
    if not uid:
        raise Skip("no_uid")
    if not title:
        raise Skip("no_title")
    if "RRULE" in event or "RDATE" in event:
        raise Skip("repeating")
    if moment(event, "DTSTART") is None:
        raise Skip("no_start")
    place = read_place(_text(event, "LOCATION"), zone_named(event, "DTSTART") or calendar_zone)
    if place is None:
        raise Skip("unknown_place", {"location": _text(event, "LOCATION") or "—"})
    values = {"uid": uid, "title_en": title, **place.values, "time_zone": place.zone}
    values |= event_times(event, place.zone)
    values |= {"summary_en": _text(event, "DESCRIPTION"), **_status(event)}
    _check_lengths(values)
    return uid, values


def _status(event: Component) -> dict[str, object]:
    if (_text(event, "STATUS") or "").upper() == "CANCELLED":
        return {"status": MeetingStatus.CANCELLED}
    return {"status": MeetingStatus.SCHEDULED, "cancel_reason": None}


def _check_lengths(values: Mapping[str, object]) -> None:
    for column, name in LIMITED.items():
        value, limit = values.get(column), _length(column)
        if isinstance(value, str) and len(value) > limit:
            raise Skip("too_long", {"field": name, "length": len(value), "limit": limit})


def _length(column: str) -> int:
    column_type = Meeting.__table__.c[column].type
    assert isinstance(column_type, String)
    return column_type.length or FORM_LIMITS[column]


def _text(component: Component, name: str) -> str | None:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    text = str(value).strip() if value is not None else ""
    return text or None
