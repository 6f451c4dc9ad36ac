"""The calendar texts: the same keys and placeholders in both languages, and the import report."""

from __future__ import annotations

import string

import pytest

from bot.services.calendars.parsing import EventProblem
from bot.services.calendars.report import report_text
from bot.services.calendars.sync import ImportReport
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
    text = report_text(ImportReport(skipped=[problem]), language)
    assert "4 (<i>Talks &lt;b&gt;</i>)" in text
    assert "(ID 7)" in text


def test_a_long_list_of_skipped_events_still_fits_one_message() -> None:
    problems = [
        EventProblem(n, "x" * 150, "unknown_place", {"location": "y" * 200}) for n in range(1, 80)
    ]
    text = report_text(ImportReport(skipped=problems), "en")
    assert len(text) <= 4096
    assert text.startswith(
        "<b>Import finished.</b> Created: 0, updated: 0, unchanged: 0, skipped: 79."
    )
    listed = text.count("• Event ")
    assert 1 <= listed <= 20
    assert text.endswith(f"…and {79 - listed} more skipped events.")
    assert "x" * 60 not in text  # long titles are shortened
