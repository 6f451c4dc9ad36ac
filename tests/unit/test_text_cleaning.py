"""Issue 20: bidi, zero-width and control characters are cleaned from text on every entry path
(the admin's form and dialog answers, a calendar import, the names /grant keeps), by one
function; a reversed city is found again, and PostgreSQL never sees a NUL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.forms import MeetingDraft, parse_meeting_form
from bot.forms.cleaning import clean_text
from bot.forms.lines import answer_value
from bot.services.calendars.parsing import parse_calendar
from bot.services.inquiry import Inquiry, Person
from tests.support.calendars import EVENT, ics

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
REVERSED_ALMATY = "\u202eytamlA"  # shows as "Almaty" on screen


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Water\x00 talks", "Water talks"),
        ("Water\u200b talks\u2060", "Water talks"),
        ("\u2066Water talks\u2069", "Water talks"),
        ("\u200fWater\u200e talks\u061c", "Water talks"),
        ("\ufeffWater talks", "Water talks"),
        ("Water\x07\x1b talks\x7f\x85", "Water talks"),
        ("Water\ttalks", "Water talks"),
        ("Agenda\r\nwater\u2028energy", "Agenda\nwater\nenergy"),
        (REVERSED_ALMATY, "Almaty"),
        ("Hall A, \u202eytamlA\u202c, Kazakhstan", "Hall A, Almaty, Kazakhstan"),
        ("Встреча по воде", "Встреча по воде"),
        ("Water talks 🌊", "Water talks 🌊"),
    ],
)
def test_text_is_kept_as_it_shows(typed: str, meant: str) -> None:
    assert clean_text(typed) == meant


def test_the_admin_form_finds_a_reversed_city_and_drops_invisible_characters() -> None:
    text = f"title: Water\x00 talks\u200b\nstarts: 2027-12-10 10:00\ncity: {REVERSED_ALMATY}"
    draft = parse_meeting_form(text, now=NOW)
    assert isinstance(draft, MeetingDraft), draft
    assert draft.values["title_en"] == "Water talks"
    assert draft.values["city_en"] == "Almaty"
    assert draft.values["time_zone"] == "Asia/Almaty"


def test_a_dialog_answer_is_cleaned() -> None:
    assert answer_value("city", f"city: {REVERSED_ALMATY}\u200b") == "Almaty"


def test_an_import_cleans_titles_places_and_descriptions() -> None:
    event = {
        **EVENT,
        "SUMMARY": "Water\x00 talks\u200d",
        "LOCATION": f"{REVERSED_ALMATY}\\, Kazakhstan",
        "DESCRIPTION": "Agenda\u202a: water",
    }
    (imported,) = parse_calendar(ics(event)).events
    assert imported.values["title_en"] == "Water talks"
    assert imported.values["city_en"] == "Almaty"
    assert imported.values["summary_en"] == "Agenda: water"


def test_names_telegram_gives_are_cleaned_before_grant_keeps_them() -> None:
    assert Person(1001, "Aida\u202e\x00").name == "Aida"
    assert Inquiry("/grant", user_name="\u2066Aida\u2069").user_name == "Aida"
