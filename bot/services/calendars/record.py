"""The bot's own events carry the whole meeting: X-UNRCCA-* properties beside the standard ones.

SUMMARY, DESCRIPTION and LOCATION hold one language, and LOCATION one line of place ("Hotel,
Osh, Kyrgyzstan") that cannot tell a venue naming a city from the city, nor a zone chosen apart
from the city's. So the bot writes every column they cannot carry as it is stored, and each of
`Meeting.translations` as the `_ru` columns are (`X-UNRCCA-TITLE-KK`, as the form names it), and
an import of its own file gives back exactly the meeting written. A standard property someone
changed in a calendar app wins over the record it no longer matches.
"""

from __future__ import annotations

import re

from icalendar import Component, vText
from sqlalchemy import Integer

from bot.formatting.cards import place
from bot.forms.cleaning import clean_text
from bot.forms.keys import TRANSLATED
from bot.forms.meeting_form import TEXT_FIELDS
from bot.languages import reading_order
from bot.places import is_valid_zone
from bot.services.meeting_writes.changes import WRITABLE
from storage.models import Meeting

PREFIX = "X-UNRCCA-"
# Columns that SEQUENCE, UID, DTSTART, DTEND and STATUS carry exactly.
STANDARD_COLUMNS = frozenset({"uid", "sequence", "starts_at", "ends_at", "time_known", "status"})
# `translations` is written field by field (TRANSLATED), not as one value.
RECORD_COLUMNS = tuple(sorted(WRITABLE - STANDARD_COLUMNS - {"translations"}))
# Every event the bot writes has it: the sign that the event carries a record.
RECORD_MARK = "time_zone"
# The calendar's language, for reading SUMMARY, DESCRIPTION and LOCATION back.
LANGUAGE_PROPERTY = f"{PREFIX}LANGUAGE"
PLACE_COLUMNS = (
    "city_en", "city_ru", "country_code", "country_en", "country_ru", "venue_en", "venue_ru",
    "time_zone",
)  # fmt: skip


def property_name(column: str) -> str:
    """`venue_ru` -> `X-UNRCCA-VENUE-RU`."""
    return PREFIX + column.upper().replace("_", "-")


def standard_texts(meeting: Meeting, language: str) -> dict[str, str | None]:
    """SUMMARY, LOCATION and DESCRIPTION in `language` (English where the meeting lacks it)."""
    venue = meeting.text("venue", reading_order(language))
    where = place(meeting, language)
    return {
        "SUMMARY": meeting.text("title", reading_order(language)) or "",
        "LOCATION": f"{venue}, {where}" if venue else where,
        "DESCRIPTION": meeting.text("summary", reading_order(language)),
    }


def write_record(event: Component, meeting: Meeting) -> None:
    for column in RECORD_COLUMNS:
        value = getattr(meeting, column)
        if value is not None and value != "":
            # vText escapes commas, semicolons and line breaks; a plain str would not be.
            event.add(property_name(column), vText(str(value)))
    for name, (field, code) in TRANSLATED.items():
        if text := meeting.text_in(field, code):
            event.add(property_name(name), vText(text))


def read_record(event: Component) -> Meeting | None:
    """The meeting the bot wrote into this event (never added to a session), or None."""
    if property_name(RECORD_MARK) not in event:
        return None
    values = {column: _column_value(event, column) for column in RECORD_COLUMNS}
    # A record spoilt by hand (no city, a zone that is none) is no record: the standard
    # properties decide.
    whole = values["city_en"] is not None and is_valid_zone(str(values[RECORD_MARK]))
    return Meeting(**values, translations=_translations(event)) if whole else None


def _translations(event: Component) -> dict[str, dict[str, str]] | None:
    """`X-UNRCCA-TITLE-KK` and the like as Meeting.translations; longer than the form allows
    is left out, as the form would refuse it."""
    translations: dict[str, dict[str, str]] = {}
    for name, (field, code) in TRANSLATED.items():
        text = x_text(event, property_name(name))
        if text is not None and len(text) <= TEXT_FIELDS[field][1]:
            translations.setdefault(code, {})[field] = text
    return translations or None


def same_text(found: str | None, written: str | None) -> bool:
    """Whether a standard property still says what the record would write (spacing aside)."""
    return (found or "").strip() == (written or "").strip()


def _column_value(event: Component, column: str) -> object:
    text = x_text(event, property_name(column))
    if text is None or not isinstance(Meeting.__table__.c[column].type, Integer):
        return text
    # An ordinal is a small number; anything else in the file is not one.
    return int(text) if text.isdigit() and len(text) < 10 else None


def x_text(component: Component, name: str) -> str | None:
    """A text X- property unescaped: icalendar keeps unknown properties as written."""
    prop = component.get(name)
    if isinstance(prop, list):
        prop = prop[0] if prop else None
    if prop is None:
        return None
    text = str(prop) if isinstance(prop, vText) else unescape_text(str(prop))
    # A plain str: icalendar's vText would be escaped again wherever it is written.
    return clean_text(text) or None


# RFC 5545, 3.3.11: in a TEXT value a backslash escapes itself, ";", "," and a newline ("\n" or
# "\N"). icalendar's own function for it is private (and absent from icalendar 6).
TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")


def unescape_text(value: str) -> str:
    return TEXT_ESCAPE.sub(lambda match: "\n" if match[1] in "nN" else match[1], value)
