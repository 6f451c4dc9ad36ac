"""The calendar texts: the import report (keys and placeholders: tests/unit/test_catalogues.py)."""

from __future__ import annotations

import pytest

from bot.services.calendars.parsing import EventProblem
from bot.services.calendars.report import report_reply
from bot.services.calendars.sync import ImportedMeeting, ImportReport


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_report_names_each_skipped_event_and_escapes_its_title(language: str) -> None:
    problem = EventProblem(4, "Talks <b>", "duplicate", {"id": 7})
    text = report_reply(ImportReport(skipped=[problem]), language).text
    assert "4 (<i>Talks &lt;b&gt;</i>)" in text
    assert "(ID 7)" in text


def test_a_report_too_long_for_a_message_comes_whole_as_a_file() -> None:
    """Issue 12: every event named, in one message or as a file (the cut list was before)."""
    problems = [
        EventProblem(n, "x" * 150, "unknown_place", {"location": "y" * 200}) for n in range(1, 80)
    ]
    reply = report_reply(ImportReport(skipped=problems), "en")
    assert reply.text.startswith(
        "<b>Import finished.</b> Created: 0, updated: 0, unchanged: 0, skipped: 79."
    )
    assert len(reply.text) <= 1024  # a document's caption
    assert reply.attachment is not None
    assert reply.attachment.file_name == "import-report.txt"
    whole = reply.attachment.content.decode()
    assert whole.count("• Event ") == 79
    assert "<" not in whole and "I cannot tell its time zone" in whole


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_report_names_what_changed_in_each_updated_meeting(language: str) -> None:
    updated = ImportedMeeting(
        2, 9, "Water <talks>", ("title_en", "title_ru", "starts_at", "venue_en")
    )
    same = ImportedMeeting(3, 10, "Energy talks")
    text = report_reply(ImportReport(updated=[updated], unchanged=[same]), language).text
    expected = {
        "en": "• Event 2: <i>Water &lt;talks&gt;</i> (ID 9): title, start, place",
        "ru": "• Событие 2: <i>Water &lt;talks&gt;</i> (ID 9): название, начало, место",
    }
    assert expected[language] in text
    assert ("• Event 3: <i>Energy talks</i> (ID 10)" in text) == (language == "en")
