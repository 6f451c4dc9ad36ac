"""The calendar texts: the same keys and placeholders in both languages, and the import report."""

from __future__ import annotations

import string

import pytest

from bot.services.calendars.parsing import EventProblem
from bot.services.calendars.report import report_reply
from bot.services.calendars.sync import ImportReport, Outcome
from bot.texts.en import calendar as english
from bot.texts.ru import calendar as russian


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    assert english.TEXTS.keys() == russian.TEXTS.keys()
    for key, template in english.TEXTS.items():
        assert placeholders(template) == placeholders(russian.TEXTS[key]), key


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
    updated = Outcome(2, 9, "Water <talks>", ("title_en", "title_ru", "starts_at", "venue_en"))
    same = Outcome(3, 10, "Energy talks")
    text = report_reply(ImportReport(updated=[updated], unchanged=[same]), language).text
    expected = {
        "en": "• Event 2: <i>Water &lt;talks&gt;</i> (ID 9): title, start, place",
        "ru": "• Событие 2: <i>Water &lt;talks&gt;</i> (ID 9): название, начало, место",
    }
    assert expected[language] in text
    assert ("• Event 3: <i>Energy talks</i> (ID 10)" in text) == (language == "en")
