"""Reading .ics files into meeting values: crafted files, good and bad, event by event."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.calendars.parsing import NotACalendar, parse_calendar
from storage.models import MeetingStatus
from tests.support.calendars import EVENT, ics


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def only_values(content: bytes) -> dict[str, object]:
    parsed = parse_calendar(content)
    assert parsed.problems == ()
    (imported,) = parsed.events
    return imported.values


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # A floating time is the wall clock at the venue: 10:00 in Almaty is 05:00 UTC.
        ({}, {"starts_at": utc(2027, 12, 10, 5), "time_known": True, "time_zone": "Asia/Almaty"}),
        ({"DTSTART": "20271210T050000Z"}, {"starts_at": utc(2027, 12, 10, 5)}),
        (
            # The time is read in the zone it names; the venue keeps its own.
            {"DTSTART;TZID=Asia/Bishkek": "20271210T100000", "DTSTART": None},
            {"starts_at": utc(2027, 12, 10, 4), "time_zone": "Asia/Almaty"},
        ),
        (
            {"DTEND": "20271210T130000"},
            {"ends_at": utc(2027, 12, 10, 8), "starts_at": utc(2027, 12, 10, 5)},
        ),
        ({"DURATION": "PT2H"}, {"ends_at": utc(2027, 12, 10, 7)}),
        ({"DTEND": "20271210T100000"}, {"ends_at": None}),
        # Only the day: the venue's local midnight, and DTEND is the day after the last one.
        (
            {"DTSTART;VALUE=DATE": "20271210", "DTSTART": None, "DTEND;VALUE=DATE": "20271213"},
            {
                "starts_at": utc(2027, 12, 9, 19),
                "ends_at": utc(2027, 12, 11, 19),
                "time_known": False,
            },
        ),
        (
            {"LOCATION": "Rixos Hotel\\, Hall A\\, Almaty\\, Kazakhstan"},
            {"venue_en": "Rixos Hotel, Hall A", "city_en": "Almaty", "city_ru": "Алматы"},
        ),
        (
            {"LOCATION": "Алма-Ата"},
            {"city_en": "Almaty", "country_code": "KZ", "country_ru": "Казахстан"},
        ),
        (
            {"LOCATION": "Berlin\\, Germany"},
            {"city_en": "Berlin", "time_zone": "Europe/Berlin", "country_code": "DE"},
        ),
        ({"DESCRIPTION": "Water and energy"}, {"summary_en": "Water and energy"}),
        ({}, {"summary_en": None, "status": MeetingStatus.SCHEDULED, "cancel_reason": None}),
        ({"STATUS": "CANCELLED"}, {"status": MeetingStatus.CANCELLED}),
        (
            {"UID": "keep-me@example.org"},
            {"uid": "keep-me@example.org", "title_en": "Water talks"},
        ),
    ],
)
def test_an_event_becomes_meeting_values(
    changes: dict[str, str | None], expected: dict[str, object]
) -> None:
    values = only_values(ics({**EVENT, **changes}))
    assert {key: values[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("changes", "header", "expected"),
    [
        # No city we know: the zone the file names decides, and gives the city; the location
        # is a venue, not made a city (issue 12 changed this from city "Springfield").
        (
            {
                "LOCATION": "Springfield",
                "DTSTART": None,
                "DTSTART;TZID=Asia/Bishkek": "20271210T100000",
            },
            "",
            {
                "city_en": "Bishkek",
                "venue_en": "Springfield",
                "time_zone": "Asia/Bishkek",
                "starts_at": utc(2027, 12, 10, 4),
            },
        ),
        (
            {"LOCATION": "Springfield\\, Kyrgyzstan"},
            "X-WR-TIMEZONE:Asia/Bishkek",
            {
                "city_en": "Bishkek",
                "venue_en": "Springfield",
                "country_code": "KG",
                "time_zone": "Asia/Bishkek",
            },
        ),
        # No location at all: the calendar's zone names the city.
        (
            {"LOCATION": None},
            "X-WR-TIMEZONE:Asia/Tashkent",
            {"city_en": "Tashkent", "country_code": "UZ", "time_zone": "Asia/Tashkent"},
        ),
    ],
)
def test_the_files_zone_places_an_unknown_city(
    changes: dict[str, str | None], header: str, expected: dict[str, object]
) -> None:
    values = only_values(ics({**EVENT, **changes}, header=header))
    assert {key: values[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("changes", "reason", "details"),
    [
        ({"UID": None}, "no_uid", {}),
        ({"SUMMARY": None}, "no_title", {}),
        ({"SUMMARY": "   "}, "no_title", {}),
        ({"DTSTART": None}, "no_start", {}),
        ({"DTSTART": "2027121"}, "bad_dtstart", {"value": "2027121"}),
        ({"DTEND": "tomorrow"}, "bad_dtend", {"value": "tomorrow"}),
        ({"DURATION": "PXX"}, "bad_duration", {"value": "PXX"}),
        ({"DTEND": "20271210T090000"}, "end_before_start", {}),
        ({"DTEND;VALUE=DATE": "20271211"}, "mixed_end", {}),
        ({"RRULE": "FREQ=YEARLY"}, "repeating", {}),
        ({"LOCATION": "Springfield"}, "unknown_place", {"location": "Springfield"}),
        ({"LOCATION": None}, "unknown_place", {"location": "—"}),
        ({"SUMMARY": "x" * 201}, "too_long", {"field": "SUMMARY", "length": 201, "limit": 200}),
        (
            {"LOCATION": "Hall " * 70 + "\\, Almaty"},
            "too_long",
            {"field": "LOCATION", "length": 349, "limit": 300},
        ),
    ],
)
def test_an_event_that_cannot_be_a_meeting_is_skipped_with_its_reason(
    changes: dict[str, str | None], reason: str, details: dict[str, object]
) -> None:
    good = {**EVENT, "UID": "good@example.org", "SUMMARY": "Good"}
    parsed = parse_calendar(ics(good, {**EVENT, **changes}))
    assert [e.uid for e in parsed.events] == ["good@example.org"]
    (problem,) = parsed.problems
    assert (problem.number, problem.reason, dict(problem.details)) == (2, reason, details)


def test_a_uid_given_twice_keeps_the_first_event() -> None:
    parsed = parse_calendar(ics(EVENT, {**EVENT, "SUMMARY": "Again"}))
    assert [e.values["title_en"] for e in parsed.events] == ["Water talks"]
    assert [(p.number, p.title, p.reason) for p in parsed.problems] == [
        (2, "Again", "duplicate_uid")
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"Meeting notes: water talks in Almaty on 10 December\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:alone\r\nEND:VEVENT\r\n",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n",
    ],
    ids=["empty", "text", "binary", "event-without-calendar", "cut-off"],
)
def test_a_file_that_is_not_a_calendar_is_refused(content: bytes) -> None:
    with pytest.raises(NotACalendar):
        parse_calendar(content)


def test_a_calendar_without_events_imports_nothing() -> None:
    parsed = parse_calendar(ics())
    assert (parsed.events, parsed.problems) == ((), ())
