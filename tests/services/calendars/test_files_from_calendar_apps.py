"""Files as Outlook, Google, Apple and Thunderbird write them: the rows of issue 12's table.

Each test holds a small file written for it, and asserts what the admin and the readers see.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.formatting.cards import meeting_card
from bot.services.calendars.parsing import BrokenCalendar, parse_calendar
from storage.models import Meeting

NOW = datetime(2027, 1, 1, tzinfo=UTC)

OUTLOOK_ZONE = """BEGIN:VTIMEZONE
TZID:Central Asia Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0600
TZOFFSETTO:+0600
END:STANDARD
END:VTIMEZONE"""


def calendar(
    *lines: str, product: str = "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN"
) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{product}", *lines, "END:VCALENDAR"]
    return ("\r\n".join("\n".join(body).split("\n")) + "\r\n").encode()


def event(*lines: str, uid: str = "040000008200E00074C5B7101A82E008@outlook") -> str:
    return "\n".join(["BEGIN:VEVENT", f"UID:{uid}", "SUMMARY:Water talks", *lines, "END:VEVENT"])


def only_values(content: bytes) -> dict[str, object]:
    parsed = parse_calendar(content)
    assert parsed.problems == ()
    (imported,) = parsed.events
    return imported.values


def card(values: dict[str, object]) -> str:
    return meeting_card(Meeting(id=7, **values), "en", NOW)


@pytest.mark.parametrize("with_block", [True, False], ids=["with-vtimezone", "without"])
def test_outlook_windows_zone_name_is_read_as_the_iana_zone(with_block: bool) -> None:
    content = calendar(
        *([OUTLOOK_ZONE] if with_block else []),
        event(
            "DTSTART;TZID=Central Asia Standard Time:20270304T100000",
            "DTEND;TZID=Central Asia Standard Time:20270304T120000",
            "LOCATION:Conference room 2",
        ),
    )
    values = only_values(content)
    assert values["starts_at"] == datetime(2027, 3, 4, 4, tzinfo=UTC)
    assert values["ends_at"] == datetime(2027, 3, 4, 6, tzinfo=UTC)
    # icalendar's Windows table names this zone Asia/Bishkek (UTC+6).
    assert values["time_zone"] == "Asia/Bishkek"
    # "Conference room 2" names no city: it is the venue, and the city is the zone's.
    assert (values["venue_en"], values["city_en"]) == ("Conference room 2", "Bishkek")
    assert "10:00" in card(values)


def test_a_custom_zone_block_is_read_from_its_own_file_only() -> None:
    """Two files define the same unknown TZID differently: each is read with its own block."""

    def with_offset(offset: str) -> bytes:
        block = OUTLOOK_ZONE.replace("Central Asia Standard Time", "Team zone").replace(
            "+0600", offset
        )
        return calendar(block, event("DTSTART;TZID=Team zone:20270304T100000", "LOCATION:Almaty"))

    first, second = (only_values(with_offset(o)) for o in ("+0300", "+0500"))
    assert first["starts_at"] == datetime(2027, 3, 4, 7, tzinfo=UTC)
    assert second["starts_at"] == datetime(2027, 3, 4, 5, tzinfo=UTC)


def test_an_unknown_zone_without_a_block_is_skipped_with_its_name() -> None:
    parsed = parse_calendar(calendar(event("DTSTART;TZID=Mars Standard Time:20270304T100000")))
    (problem,) = parsed.problems
    assert (problem.reason, dict(problem.details)) == (
        "unknown_zone",
        {"zone": "Mars Standard Time"},
    )


def test_an_all_day_event_over_two_days_shows_both_days() -> None:
    values = only_values(
        calendar(
            event("DTSTART;VALUE=DATE:20270304", "DTEND;VALUE=DATE:20270306", "LOCATION:Almaty"),
            product="-//Google Inc//Google Calendar 70.9054//EN",
        )
    )
    assert values["time_known"] is False
    assert "4–5 March 2027" in card(values)
    assert "6 March" not in card(values)


def test_an_all_day_event_ending_on_its_start_day_is_that_one_day() -> None:
    values = only_values(
        calendar(
            event("DTSTART;VALUE=DATE:20270304", "DTEND;VALUE=DATE:20270304", "LOCATION:Almaty")
        )
    )
    assert (values["starts_at"], values["ends_at"]) == (datetime(2027, 3, 3, 19, tzinfo=UTC), None)
    assert "Thursday, 4 March 2027" in card(values)


def test_outlooks_all_day_event_written_as_two_midnights_has_no_hour() -> None:
    values = only_values(
        calendar(
            event(
                "DTSTART:20270304T000000",
                "DTEND:20270305T000000",
                "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
                "LOCATION:Almaty",
            )
        )
    )
    shown = card(values)
    assert values["time_known"] is False
    assert "Thursday, 4 March 2027" in shown
    assert "00:00" not in shown and "5 March" not in shown


def test_a_cyrillic_title_folded_inside_a_character_is_read_exactly() -> None:
    title = "Встреча заместителей министров иностранных дел стран Центральной Азии"
    line = f"SUMMARY:{title}".encode()
    cut = 75 if (line[75] & 0xC0) == 0x80 else 74  # inside a two-byte character
    assert (line[cut] & 0xC0) == 0x80
    folded = line[:cut] + b"\r\n " + line[cut:]
    content = calendar(event("DTSTART:20270304T100000", "LOCATION:Almaty")).replace(
        b"SUMMARY:Water talks", folded
    )
    assert only_values(content)["title_en"] == title


def test_a_series_and_its_edited_instance_are_both_skipped_as_repeating() -> None:
    series = event(
        "DTSTART;TZID=Asia/Almaty:20270304T100000", "RRULE:FREQ=MONTHLY;COUNT=6", uid="s@x"
    )
    moved = event(
        "RECURRENCE-ID;TZID=Asia/Almaty:20270404T100000",
        "DTSTART;TZID=Asia/Almaty:20270405T100000",
        uid="s@x",
    )
    parsed = parse_calendar(calendar(series, moved, product="-//Apple Inc.//macOS 14//EN"))
    assert parsed.events == ()
    assert [(p.number, p.reason) for p in parsed.problems] == [(1, "repeating"), (2, "repeating")]


@pytest.mark.parametrize(
    ("lines", "line", "problem"),
    [
        (["BEGIN:VEVENT", "UID:a", "this is not a property", "END:VEVENT"], 6, "bad_line"),
        (["BEGIN:VEVENT", "UID:a", "END:VTODO"], 6, "unexpected_end"),
        (["BEGIN:VEVENT", "UID:a", "SUMMARY:cut off"], 6, "unclosed"),
    ],
)
def test_a_broken_calendar_is_reported_at_the_line_where_it_breaks(
    lines: list[str], line: int, problem: str
) -> None:
    content = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", *lines])
    if problem != "unclosed":
        content += "\r\nEND:VCALENDAR"
    with pytest.raises(BrokenCalendar) as broken:
        parse_calendar(content.encode())
    assert (broken.value.line, broken.value.problem) == (line, problem)


def test_lines_are_counted_as_an_editor_counts_them_folds_included() -> None:
    content = calendar(
        event("DESCRIPTION:a long\n  description folded\n  twice", "DTSTART:2027", "oops")
    )
    with pytest.raises(BrokenCalendar) as broken:
        parse_calendar(content)
    assert (broken.value.line, broken.value.content) == (11, "oops")
