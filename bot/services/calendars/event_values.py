"""One VEVENT as meeting column values: what any calendar app writes, and the bot's own record.

The standard properties are read as calendar apps write them. Where the event also carries the
bot's record (bot.services.calendars.record), each standard property that still says what the
record would write gives way to the record's exact columns; one changed in a calendar app is
read as written, and the other language's text is then left out, so that the old Russian of a
renamed meeting does not stay (bot.services.calendars.sync clears it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import cast

from icalendar import Component
from icalendar.prop import vBroken

from bot.forms.cleaning import clean_text
from bot.forms.keys import TRANSLATED
from bot.services.calendars.places import EventPlace, read_place
from bot.services.calendars.record import PLACE_COLUMNS, read_record, same_text, standard_texts
from bot.services.calendars.times import Skip, event_times, moment, zone_named
from bot.services.calendars.zones import FileZones
from storage.models import Meeting, MeetingStatus

# RFC 5545 spells it CANCELLED; some apps write the American CANCELED.
CANCELLED = frozenset({"CANCELLED", "CANCELED"})
# Columns only the record carries; a file from elsewhere leaves them as they are.
RECORD_ONLY = (
    "organizer_en", "organizer_ru", "supporters_en", "supporters_ru", "series", "ordinal",
    "source", "translations",
)  # fmt: skip


@dataclass(frozen=True)
class FileContext:
    """What the calendar around an event tells: its zone, its VTIMEZONE blocks, its language."""

    zone: str | None = None
    zones: FileZones = field(default_factory=FileZones)
    language: str = "en"
    # METHOD:CANCEL (RFC 5546, 3.2.5): every event in the file is cancelled, STATUS or not.
    cancelling: bool = False


def event_values(event: Component, title: str, context: FileContext) -> dict[str, object]:
    """Meeting values (with `sequence`, the file's SEQUENCE); Skip when it cannot be a meeting."""
    if moment(event, "DTSTART", context.zones) is None:
        raise Skip("no_start")
    record = read_record(event)
    where = _place(event, record, context)
    values: dict[str, object] = {**_texts(event, title, record, context.language)}
    values |= where.values | {"time_zone": where.zone}
    values |= event_times(event, where.zone, context.zones)
    values |= _status(event, record, context) | {"sequence": sequence_of(event)}
    if record is not None:
        values |= {column: getattr(record, column) for column in RECORD_ONLY}
    return _with_translated(values)


def sequence_of(event: Component) -> int:
    value = text_of(event, "SEQUENCE") or "0"
    return int(value) if value.isdigit() and len(value) < 10 else 0


def last_modified(event: Component) -> datetime | None:
    """LAST-MODIFIED in UTC, when the event has a readable one (an unreadable one is None)."""
    prop = event.get("LAST-MODIFIED")
    if isinstance(prop, list):
        prop = prop[0] if prop else None
    value = None if isinstance(prop, vBroken) else getattr(prop, "dt", None)
    if not isinstance(value, datetime):
        return None
    return value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)


def text_of(component: Component, name: str) -> str | None:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    text = clean_text(str(value)).strip() if value is not None else ""
    return text or None


def _texts(
    event: Component, title: str, record: Meeting | None, language: str
) -> dict[str, object]:
    description = text_of(event, "DESCRIPTION")
    if record is None:
        return {"title_en": title, "summary_en": description}
    written = standard_texts(record, language)
    return {
        **_field("title", title, same_text(title, written["SUMMARY"]), record, language),
        **_field(
            "summary",
            description,
            same_text(description, written["DESCRIPTION"]),
            record,
            language,
        ),
    }


def _field(
    name: str, found: str | None, unchanged: bool, record: Meeting, language: str
) -> dict[str, object]:
    kept = {f"{name}_{code}": getattr(record, f"{name}_{code}") for code in ("en", "ru")}
    if unchanged:
        return kept
    # Changed in a calendar app: English is the language meetings are kept in; a Russian or
    # Kazakh file's change is to that language's text only (`title_kk`: see _with_translated).
    return {f"{name}_en": found} if language == "en" else {**kept, f"{name}_{language}": found}


def _with_translated(values: dict[str, object]) -> dict[str, object]:
    """`title_kk` and the like (a change in a Kazakh file) moved into `translations`."""
    changed = {name: values.pop(name) for name in TRANSLATED if name in values}
    if not changed:
        return values
    current = cast("dict[str, dict[str, str]] | None", values.get("translations"))
    translations = {code: dict(texts) for code, texts in (current or {}).items()}
    for name, text in changed.items():
        field, code = TRANSLATED[name]
        texts = translations.setdefault(code, {})
        if text:
            texts[field] = str(text)
        else:
            texts.pop(field, None)
    values["translations"] = {code: texts for code, texts in translations.items() if texts} or None
    return values


def _place(event: Component, record: Meeting | None, context: FileContext) -> EventPlace:
    location = text_of(event, "LOCATION")
    if record is not None and same_text(
        location, standard_texts(record, context.language)["LOCATION"]
    ):
        values = {column: getattr(record, column) for column in PLACE_COLUMNS}
        return EventPlace(str(values.pop("time_zone")), values)
    found = read_place(location, zone_named(event, "DTSTART") or context.zone)
    if found is None:
        raise Skip("unknown_place", {"location": location or "—"})
    return found


def _status(event: Component, record: Meeting | None, context: FileContext) -> dict[str, object]:
    status = (text_of(event, "STATUS") or "").upper()
    if status not in CANCELLED and not context.cancelling:
        return {"status": MeetingStatus.SCHEDULED, "cancel_reason": None}
    reason = record.cancel_reason if record is not None else None
    return {"status": MeetingStatus.CANCELLED, "cancel_reason": reason}
