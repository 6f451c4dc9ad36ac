"""What changed in a meeting, field by field, as the reader sees it: each line names the field
with its old and its new value (a time in the venue's zone and the reader's own).

Fields are compared as they are shown, in the reader's language, so a change the reader cannot
see (a translation into another language) makes no line, and a change of several columns that
read as one (the start, its zone) makes one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.formatting.cards import place, when_text
from bot.languages import reading_order
from bot.services.meeting_writes.values import draft_meeting, from_json
from bot.texts import Html, t
from storage.models import Meeting

# The columns a notice keeps the old values of, to show what changed.
SHOWN = frozenset(
    {"starts_at", "ends_at", "time_known", "time_zone", "city_en", "city_ru", "venue_en",
     "venue_ru", "country_en", "country_ru", "title_en", "title_ru", "organizer_en",
     "organizer_ru", "translations"}
)  # fmt: skip
TIME_COLUMNS = ("starts_at", "ends_at", "time_known", "time_zone")
# A value shown for a field that had none (or has none now).
NOTHING = "—"

Shown = Callable[[Meeting, str, str | None], str | None]


def _translated(field: str) -> Shown:
    return lambda meeting, language, _zone: meeting.text(field, reading_order(language))


# Each field a reader sees, in the order lines are shown: its label's key and how it reads.
FIELDS: tuple[tuple[str, Shown], ...] = (
    ("time", lambda meeting, language, zone: when_text(meeting, language, zone)),
    ("place", lambda meeting, language, _zone: place(meeting, language)),
    ("venue", _translated("venue")),
    ("title", _translated("title")),
    ("organizer", _translated("organizer")),
)


def kept(before: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The old values a notice keeps (JSON-safe, as the audit has them)."""
    return {key: value for key, value in (before or {}).items() if key in SHOWN} or None


def changed_lines(
    before: Mapping[str, Any] | None, meeting: Meeting, language: str, zone: str | None
) -> list[Html]:
    """A line for each field whose shown value changed: its name, the old and the new value."""
    old = draft_meeting(from_json(before or {}), meeting)
    lines = []
    for name, shown in FIELDS:
        was, now = shown(old, language, zone), shown(meeting, language, zone)
        # A move within the minute reads the same, yet is a move: its line is kept.
        moved = name == "time" and any(
            getattr(old, column) != getattr(meeting, column) for column in TIME_COLUMNS
        )
        if was != now or moved:
            lines.append(
                t(
                    language,
                    "notice.change",
                    field=t(language, f"notice.field.{name}"),
                    old=was or NOTHING,
                    new=now or NOTHING,
                )
            )
    return lines
