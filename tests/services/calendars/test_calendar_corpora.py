"""Issue 20: every test calendar of seven other projects (tests/data/calendar_corpora: icalendar,
ical.js, python-recurring-ical-events, khal, node-ical, libical, ics-parser; see each folder's
SOURCE.txt) is imported without a crash, with a report the admin can read: what became a
meeting, what was skipped and why, which lines were read otherwise or left out, or why the file
as a whole was refused (never the generic reason for a file that is a calendar)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.services.calendars.entry import import_parsed, not_a_calendar
from bot.services.calendars.parsing import NotACalendar, ParsedCalendar, parse_calendar
from bot.services.calendars.reading import START
from bot.services.calendars.report import report_reply
from bot.services.calendars.sync import ImportReport
from storage.database import Database
from tests.support.calendar_imports import runtime

CORPORA = Path(__file__).resolve().parents[2] / "data" / "calendar_corpora"
FILES = sorted(CORPORA.glob("*/*.ics"))


def test_the_corpora_hold_the_seven_projects_files() -> None:
    assert {path.parent.name for path in FILES} == {
        "icalendar", "ical.js", "python-recurring-ical-events", "khal", "node-ical", "libical",
        "ics-parser",
    }  # fmt: skip
    assert len(FILES) > 450
    assert all((folder / "SOURCE.txt").exists() for folder in CORPORA.iterdir())


def read(path: Path) -> ParsedCalendar | NotACalendar:
    try:
        return parse_calendar(path.read_bytes())
    except NotACalendar as refused:
        return refused


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_file_gets_a_report_the_admin_can_read(path: Path) -> None:
    outcome = read(path)
    for language in ("en", "ru"):
        if isinstance(outcome, NotACalendar):
            text = not_a_calendar(language, path.name, outcome)
        else:
            report = ImportReport(skipped=list(outcome.problems), notes=list(outcome.notes))
            text = report_reply(report, language).text
        assert 0 < length(text) <= MESSAGE_LIMIT
    if isinstance(outcome, NotACalendar):
        starts_so = path.read_bytes().lstrip(b"\xef\xbb\xbf").upper().startswith(START.encode())
        # The generic refusal only for a file that does not begin as a calendar at all.
        assert not starts_so or "<code>BEGIN:VCALENDAR</code>)" not in text
        return
    texts = [value for event in outcome.events for value in event.values.values()]
    assert not any(
        "\ufffd" in value or "\x00" in value for value in texts if isinstance(value, str)
    )


async def test_every_readable_file_is_imported_into_the_database(database: Database) -> None:
    readable = [outcome for outcome in map(read, FILES) if isinstance(outcome, ParsedCalendar)]
    imported = 0
    for parsed in readable:
        report = await import_parsed(runtime(database), None, parsed)
        imported += len(report.created) + len(report.updated) + len(report.unchanged)
    assert imported > 100
