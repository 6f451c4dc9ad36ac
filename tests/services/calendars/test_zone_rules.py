"""Issue 20: a VTIMEZONE rule costs only the years the events need, and a rule no time zone
could have (the clock changed every minute or second) leaves its zone out, named in the report."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dateutil.rrule import rrulestr

from bot.services.calendars.parsing import parse_calendar
from bot.services.calendars.zone_rules import expanded_rule, window_of


def zone(frequency: str, since: str) -> list[str]:
    """The 508-byte file of the issue: two observances that swap every `frequency`."""
    return [
        "BEGIN:VTIMEZONE",
        "TZID:Busy",
        "BEGIN:STANDARD",
        f"DTSTART:{since}T000000",
        f"RRULE:FREQ={frequency}",
        "TZOFFSETFROM:+0600",
        "TZOFFSETTO:+0500",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        f"DTSTART:{since}T000030",
        f"RRULE:FREQ={frequency}",
        "TZOFFSETFROM:+0500",
        "TZOFFSETTO:+0600",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]


def calendar(*lines: str) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *lines, "END:VCALENDAR"]
    return ("\r\n".join(body) + "\r\n").encode()


def event(uid: str, start: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "SUMMARY:Talks",
        start,
        "LOCATION:Hall A\\, Berlin",
        "END:VEVENT",
    ]


def test_a_zone_changing_every_minute_or_second_is_left_out_and_named() -> None:
    # Before: 42 s and 600 MB (every minute from 2010), an out-of-memory kill (every second
    # from 1900). Now the rule is counted up to the events' years and given up past 5,000.
    for frequency, since in (("MINUTELY", "20100101"), ("SECONDLY", "19000101")):
        content = calendar(
            *zone(frequency, since),
            *event("busy@x", "DTSTART;TZID=Busy:20271210T100000"),
            *event("plain@x", "DTSTART;TZID=Asia/Almaty:20271210T100000"),
        )
        parsed = parse_calendar(content)
        assert [e.uid for e in parsed.events] == ["plain@x"]
        assert [(p.number, p.reason) for p in parsed.problems] == [(1, "unknown_zone")]
        assert [(n.line, n.problem) for n in parsed.notes] == [(8, "busy_zone"), (14, "busy_zone")]


def test_a_yearly_rule_is_read_right_in_summer_and_winter() -> None:
    berlin = [
        "BEGIN:VTIMEZONE",
        "TZID:Berlin office",
        "BEGIN:DAYLIGHT",
        "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    content = calendar(
        *berlin,
        *event("summer@x", "DTSTART;TZID=Berlin office:20270704T100000"),
        *event("winter@x", "DTSTART;TZID=Berlin office:20280110T100000"),
    )
    parsed = parse_calendar(content)
    assert parsed.problems == ()
    starts = {e.uid: e.values["starts_at"] for e in parsed.events}
    assert starts == {
        "summer@x": datetime(2027, 7, 4, 8, 0, tzinfo=UTC),
        "winter@x": datetime(2028, 1, 10, 9, 0, tzinfo=UTC),
    }


def test_a_rule_moved_forward_keeps_every_onset_of_the_window() -> None:
    window = window_of([2027])
    rule, start = "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", "19700104T020000"
    whole = rrulestr(rule, dtstart=datetime(1970, 1, 4, 2, 0))
    onsets = expanded_rule(rule, start, window)
    # The first is the last onset before the window, which decides the offset at its start.
    assert onsets is not None and onsets[1:] == whole.between(*window, inc=True)


def test_the_window_is_the_events_years_and_one_either_side_within_the_kept_years() -> None:
    assert window_of([2027, 2030]) == (datetime(2026, 1, 1), datetime(2031, 12, 31, 23, 59, 59))
    assert window_of([1, 9999]) == (datetime(1900, 1, 1), datetime(1901, 12, 31, 23, 59, 59))


def test_a_rule_that_cannot_be_read_here_is_left_for_icalendar() -> None:
    with pytest.raises(ValueError, match="unreadable zone rule"):
        expanded_rule("FREQ=FORTNIGHTLY", "19700101T000000", window_of([2027]))
