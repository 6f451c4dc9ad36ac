"""One audited change as the admin reads it: the form's field names in the reader's language,
times at the venue as the card shows them, and only the fields whose value changed.

Audit entries hold column values as JSON (bot.services.meeting_writes.changes.json_safe); a time
needs its meeting's zone and whether the hour is known, taken from the entry when it changed
them, else from the meeting as it is now, else UTC (a meeting since deleted).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.formatting.dates import format_clock, format_short_day
from bot.formatting.fitting import shorten
from bot.forms.errors import field_name
from bot.forms.keys import TRANSLATED
from bot.texts import Html, t
from storage.models import Meeting

VALUE_LIMIT = 60
# Column -> the field the form names it by (admin.field.*); other columns follow from these
# (city_ru, the country's code and names, time_known) or are bookkeeping, and are not shown.
FIELDS: dict[str, str] = {
    "title_en": "title",
    "title_ru": "title_ru",
    "starts_at": "starts",
    "ends_at": "ends",
    "city_en": "city",
    "country_en": "country",
    "time_zone": "timezone",
    "venue_en": "venue",
    "venue_ru": "venue_ru",
    "organizer_en": "organizer",
    "organizer_ru": "organizer_ru",
    "supporters_en": "supporters",
    "supporters_ru": "supporters_ru",
    "summary_en": "summary",
    "summary_ru": "summary_ru",
    "ordinal": "ordinal",
    "status": "status",
    "cancel_reason": "reason",
}
# Meeting.translations, read as the form's fields: `title_kk` is the field and the "column".
TRANSLATED_FIELDS: dict[str, str] = {name: name for name in TRANSLATED}
TIMES = frozenset({"starts_at", "ends_at"})


@dataclass(frozen=True)
class Clock:
    """How a meeting's times read: its venue's zone, and whether the hour is known."""

    zone: str
    time_known: bool

    @classmethod
    def of(cls, values: Mapping[str, Any], fallback: Clock) -> Clock:
        return cls(
            str(values.get("time_zone") or fallback.zone),
            bool(values.get("time_known", fallback.time_known)),
        )


UTC_CLOCK = Clock("UTC", True)


def clock_now(meeting: Meeting | None) -> Clock:
    return Clock(meeting.time_zone, meeting.time_known) if meeting else UTC_CLOCK


def changed_lines(
    before: Mapping[str, Any], after: Mapping[str, Any], clock: Clock, language: str
) -> list[Html]:
    """`venue: — → Ministry of Foreign Affairs` for each shown field whose reading changed."""
    old, new = Clock.of(before, clock), Clock.of(after, clock)
    before, after = with_translations(before), with_translations(after)
    lines = []
    for column, field in {**FIELDS, **TRANSLATED_FIELDS}.items():
        if column not in before and column not in after:
            continue
        was = shown(column, before.get(column), old, language)
        now = shown(column, after.get(column), new, language)
        if was != now:
            name = field_name(field, language)
            lines.append(t(language, "admin.audit.change", column=name, before=was, after=now))
    return lines


def with_translations(values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` with a `translations` column read as the form's fields (`title_kk`), so that a
    change to one translation shows as that field's change; every one is present (None when
    not written) when the column is."""
    if "translations" not in values:
        return dict(values)
    translations = values["translations"] or {}
    return {
        **values,
        **{
            name: translations.get(code, {}).get(field)
            for name, (field, code) in TRANSLATED.items()
        },
    }


def value_lines(
    values: Mapping[str, Any], columns: tuple[str, ...], clock: Clock, language: str
) -> list[Html]:
    """`title: Water talks` for the columns that name an added or deleted meeting."""
    own = Clock.of(values, clock)
    values = with_translations(values)
    return [
        t(
            language,
            "admin.audit.value",
            column=field_name(FIELDS.get(column, column), language),
            value=shown(column, values.get(column), own, language),
        )
        for column in columns
    ]


def shown(column: str, value: Any, clock: Clock, language: str) -> str:
    if value is None or value == "":
        return "—"
    if column in TIMES and isinstance(value, str):
        return _moment(datetime.fromisoformat(value), clock, language)
    if column == "status":
        return t(language, f"admin.audit.status.{value}")
    return shorten(str(value), VALUE_LIMIT)


def _moment(moment: datetime, clock: Clock, language: str) -> str:
    day = format_short_day(moment, clock.zone, language)
    if not clock.time_known:
        return day
    return f"{day}, {format_clock(moment, clock.zone, language)}"
