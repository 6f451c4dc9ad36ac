"""Reading an .ics file into meeting values, event by event; pure, so odd files are easy to test.

An event that cannot become a meeting is not an error for the whole file: it becomes a problem
that names the event and the reason, and the others are still imported.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from icalendar import Calendar, Component, GloballyUniqueTZIDGuessed
from sqlalchemy import String

from bot.forms.meeting_form import TEXT_FIELDS
from bot.languages import CONTENT_LANGUAGES
from bot.places import is_valid_zone
from bot.services.calendars.encoding import UnknownEncoding, as_utf8
from bot.services.calendars.event_values import (
    FileContext,
    event_values,
    last_modified,
    text_of,
)
from bot.services.calendars.lenient import LenientParser
from bot.services.calendars.reading import BrokenCalendar, FileNote, NotACalendar, calendar_lines
from bot.services.calendars.record import LANGUAGE_PROPERTY, property_name
from bot.services.calendars.repairs import repaired
from bot.services.calendars.times import Skip
from bot.services.calendars.zones import file_zones
from storage.models import Meeting

__all__ = ["BrokenCalendar", "NotACalendar", "ParsedCalendar", "UnknownEncoding", "parse_calendar"]

# Columns whose length the database limits, checked here so that one long title skips one event,
# with the property the admin would have to shorten (others are named by their X- property).
LIMITED = {
    "uid": "UID",
    "title_en": "SUMMARY",
    "city_en": "LOCATION",
    "venue_en": "LOCATION",
    "summary_en": "DESCRIPTION",
}
# A summary column has no length of its own: the form's cap keeps a card readable, and so here.
FORM_LIMITS = {column: limit for column, limit in TEXT_FIELDS.values()}
# An instance of a series (RECURRENCE-ID) is skipped with its series.
REPEATING = ("RRULE", "RDATE", "RECURRENCE-ID")


@dataclass(frozen=True)
class EventProblem:
    # Where the event stands in the file (from 1) and its title, to tell the admin which it is.
    number: int
    title: str | None
    reason: str
    details: Mapping[str, object] = field(default_factory=dict)
    # The physical line its BEGIN:VEVENT stands on (0: not known).
    line: int = 0


@dataclass(frozen=True)
class ImportedEvent:
    number: int
    uid: str
    values: dict[str, object]
    # LAST-MODIFIED, with values["sequence"] how a newer version is told from an older one.
    modified: datetime | None = None
    # The physical line its BEGIN:VEVENT stands on (0: not known).
    line: int = 0


@dataclass(frozen=True)
class ParsedCalendar:
    events: tuple[ImportedEvent, ...]
    problems: tuple[EventProblem, ...]
    # Lines read otherwise than written, or left out, in the order of the file.
    notes: tuple[FileNote, ...] = ()


def parse_calendar(content: bytes) -> ParsedCalendar:
    """The file's events; NotACalendar (BrokenCalendar: at which line) when it is not one."""
    components, notes, event_lines = _components(content)
    events: dict[str, ImportedEvent] = {}
    problems: list[EventProblem] = []
    for number, (event, context) in enumerate(_events(components), start=1):
        result = (
            read_event(event, number, context)
            if context is not None
            else _outside(event, number, event_lines)
        )
        if isinstance(result, ImportedEvent) and result.uid in events:
            # The first is the one imported; a second would silently overwrite it.
            result = EventProblem(number, text_of(event, "SUMMARY"), "duplicate_uid")
        result = replace(result, line=_line(event_lines, number))
        if isinstance(result, ImportedEvent):
            events[result.uid] = result
        else:
            problems.append(result)
    notes.sort(key=lambda note: note.line)
    return ParsedCalendar(tuple(events.values()), tuple(problems), tuple(notes))


def read_event(
    event: Component, number: int, context: FileContext | None = None
) -> ImportedEvent | EventProblem:
    title = text_of(event, "SUMMARY")
    try:
        uid, values = _values(event, title, context or FileContext())
    except Skip as skip:
        return EventProblem(number, title, skip.reason, skip.details)
    return ImportedEvent(number, uid, values, last_modified(event))


def _components(content: bytes) -> tuple[list[Component], list[FileNote], list[int]]:
    """The file's top-level components, the notes on its lines, and where each event begins."""
    lines, notes = repaired(calendar_lines(as_utf8(content)))
    parser = LenientParser(lines)
    try:
        with warnings.catch_warnings():
            # A globally unique TZID is resolved (and checked) by bot.services.calendars.zones.
            warnings.simplefilter("ignore", GloballyUniqueTZIDGuessed)
            components = parser.parse()
    except ValueError as error:
        raise NotACalendar(str(error)) from error
    if not any(_is_calendar(component) for component in components):
        raise NotACalendar("no VCALENDAR")
    return components, notes + parser.notes, parser.event_lines


def _events(components: list[Component]) -> list[tuple[Component, FileContext | None]]:
    """Every event in file order, with its calendar's context (None: outside any calendar)."""
    found: list[tuple[Component, FileContext | None]] = []
    for component in components:
        context = _context(component) if _is_calendar(component) else None
        found += [(event, context) for event in component.walk("VEVENT")]
    return found


def _is_calendar(component: Component) -> bool:
    return isinstance(component, Calendar) and component.name == "VCALENDAR"


def _outside(event: Component, number: int, event_lines: list[int]) -> EventProblem:
    # A VEVENT after END:VCALENDAR: no calendar app shows it, and the admin should know.
    return EventProblem(number, text_of(event, "SUMMARY"), "outside_calendar")


def _line(event_lines: list[int], number: int) -> int:
    return event_lines[number - 1] if number <= len(event_lines) else 0


def _context(calendar: Component) -> FileContext:
    # X-WR-TIMEZONE: Google's and Apple's way of naming the zone of a whole calendar.
    name = text_of(calendar, "X-WR-TIMEZONE")
    zone = name if name and is_valid_zone(name) else None
    # The bot's own files say which language SUMMARY is in (a Kazakh reader's export: Kazakh).
    named = text_of(calendar, LANGUAGE_PROPERTY)
    language = named if named in CONTENT_LANGUAGES else "en"
    cancelling = (text_of(calendar, "METHOD") or "").upper() == "CANCEL"
    return FileContext(zone, file_zones(calendar), language, cancelling)


def _values(
    event: Component, title: str | None, context: FileContext
) -> tuple[str, dict[str, object]]:
    uid = text_of(event, "UID")
    if not uid:
        raise Skip("no_uid")
    if not title:
        raise Skip("no_title")
    if any(name in event for name in REPEATING):
        raise Skip("repeating")
    values = {"uid": uid, **event_values(event, title, context)}
    _check_lengths(values)
    return uid, values


def _check_lengths(values: Mapping[str, object]) -> None:
    for column, value in values.items():
        limit = _length(column)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            name = LIMITED.get(column, property_name(column))
            raise Skip("too_long", {"field": name, "length": len(value), "limit": limit})


def _length(column: str) -> int | None:
    column_type = Meeting.__table__.c[column].type
    if not isinstance(column_type, String):
        return None
    return column_type.length or FORM_LIMITS.get(column)
