"""Issue 20: what other calendar apps write is read as they mean it, and what cannot be read is
reported with its line and event, never the whole file lost or a generic refusal."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.calendars.parsing import parse_calendar
from bot.services.calendars.report import full_report
from bot.services.calendars.sync import ImportReport
from storage.database import Database
from storage.models import MeetingStatus
from tests.support.calendar_imports import by_uid, counts, import_file

EVENT = [
    "BEGIN:VEVENT",
    "UID:water@example.org",
    "SUMMARY:Water talks",
    "DTSTART:20271210T100000",
    "LOCATION:Almaty\\, Kazakhstan",
]
ALMATY_TEN = datetime(2027, 12, 10, 5, 0, tzinfo=UTC)


def calendar(*lines: str, after: tuple[str, ...] = ()) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *lines, "END:VCALENDAR"]
    return ("\r\n".join([*body, *after]) + "\r\n").encode()


def one_event(*extra: str, head: tuple[str, ...] = ()) -> bytes:
    return calendar(*head, *EVENT, *extra, "END:VEVENT")


def report(content: bytes, language: str = "en") -> str:
    parsed = parse_calendar(content)
    return full_report(
        ImportReport(skipped=list(parsed.problems), notes=list(parsed.notes)), language
    )


def test_a_vtimezone_with_two_tzid_lines_is_read_with_the_first() -> None:
    zone = [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Almaty",
        "TZID:Asia/Almaty",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0500",
        "TZOFFSETTO:+0500",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    parsed = parse_calendar(one_event(head=tuple(zone)))
    assert [e.values["starts_at"] for e in parsed.events] == [ALMATY_TEN]
    assert [(n.line, n.problem) for n in parsed.notes] == [(6, "second_tzid")]


def test_an_unreadable_last_modified_is_left_out_and_the_event_imported() -> None:
    parsed = parse_calendar(one_event("LAST-MODIFIED:yesterday"))
    (imported,) = parsed.events
    assert imported.modified is None
    assert [(n.line, n.event, n.content) for n in parsed.notes] == [
        (9, 1, "LAST-MODIFIED:yesterday")
    ]
    assert "Line 9 (event 1): <code>LAST-MODIFIED:yesterday</code>" in report(
        one_event("LAST-MODIFIED:yesterday")
    )


def test_a_bad_alarm_trigger_is_noted_with_its_line_and_event_not_the_wrong_reason() -> None:
    content = one_event("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT-2H", "END:VALARM")
    parsed = parse_calendar(content)
    assert [e.uid for e in parsed.events] == ["water@example.org"]
    text = report(content, "ru")
    assert "Строка 11 (событие 1): <code>TRIGGER:PT-2H</code>" in text
    assert "BEGIN:VCALENDAR" not in text


def test_an_offset_of_hours_alone_is_read_as_hours() -> None:
    zone = [
        "BEGIN:VTIMEZONE",
        "TZID:Almaty office",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+05",
        "TZOFFSETTO:+05",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    content = calendar(
        *zone, *EVENT[:3], "DTSTART;TZID=Almaty office:20271210T100000", EVENT[4], "END:VEVENT"
    )
    parsed = parse_calendar(content)
    assert parsed.problems == () and parsed.notes == ()
    assert parsed.events[0].values["starts_at"] == ALMATY_TEN


async def test_method_cancel_without_status_cancels_the_meeting(database: Database) -> None:
    await import_file(database, one_event())
    done = await import_file(database, one_event("SEQUENCE:1", head=("METHOD:CANCEL",)))
    assert counts(done) == (0, 1, 0, [])
    assert (await by_uid(database, "water@example.org")).status == MeetingStatus.CANCELLED


async def test_status_canceled_spelt_the_american_way_cancels(database: Database) -> None:
    await import_file(database, one_event())
    done = await import_file(database, one_event("SEQUENCE:1", "STATUS:CANCELED"))
    assert counts(done) == (0, 1, 0, [])
    assert (await by_uid(database, "water@example.org")).status == MeetingStatus.CANCELLED


def test_globally_unique_zone_names_of_thunderbird_and_evolution_are_read() -> None:
    for tzid in (
        "/mozilla.org/20050126_1/Asia/Almaty",
        "/freeassociation.sourceforge.net/Tzfile/Asia/Almaty",
        "/freeassociation.sourceforge.net/Asia/Almaty",
    ):
        content = calendar(*EVENT[:3], f"DTSTART;TZID={tzid}:20271210T100000", "END:VEVENT")
        parsed = parse_calendar(content)
        assert parsed.problems == (), tzid
        assert parsed.events[0].values["starts_at"] == ALMATY_TEN
        assert parsed.events[0].values["time_zone"] == "Asia/Almaty"


def test_a_date_carrying_a_tzid_is_a_day_not_a_midnight() -> None:
    for start in (
        "DTSTART;TZID=Asia/Almaty:20271210",
        "DTSTART;TZID=Asia/Almaty;VALUE=DATE:20271210",
    ):
        content = calendar(*EVENT[:3], start, "LOCATION:Almaty", "END:VEVENT")
        (imported,) = parse_calendar(content).events
        assert imported.values["time_known"] is False, start
        # Midnight of 10 December in Almaty (UTC+5), as the bot keeps a day.
        assert imported.values["starts_at"] == datetime(2027, 12, 9, 19, 0, tzinfo=UTC)


def test_an_event_after_end_vcalendar_is_reported_with_its_line() -> None:
    late = ("BEGIN:VEVENT", "UID:late@x", "SUMMARY:Late", "DTSTART:20271211T100000Z", "END:VEVENT")
    content = calendar(*EVENT, "END:VEVENT", after=late)
    parsed = parse_calendar(content)
    assert [e.uid for e in parsed.events] == ["water@example.org"]
    assert [(p.number, p.reason, p.line) for p in parsed.problems] == [(2, "outside_calendar", 11)]
    assert "after <code>END:VCALENDAR</code>, outside the calendar" in report(content)
    assert "(It begins at line 11.)" in report(content)


async def test_a_nul_and_bidi_controls_never_reach_the_database(database: Database) -> None:
    # Before, PostgreSQL refused the batch on the NUL ("invalid byte sequence").
    done = await import_file(
        database,
        one_event("DESCRIPTION:Agenda\x00 water\u200b", head=()).replace(
            b"SUMMARY:Water talks", "SUMMARY:\u2066Water talks\u2069".encode()
        ),
    )
    assert counts(done) == (1, 0, 0, [])
    stored = await by_uid(database, "water@example.org")
    assert (stored.title_en, stored.summary_en) == ("Water talks", "Agenda water")
