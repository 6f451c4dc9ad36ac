"""Which of two versions of a meeting is newer, and which Russian texts an import makes stale.

RFC 5545 orders versions of one UID by SEQUENCE, then by time. Calendar apps do not all grow
SEQUENCE for every edit (Google keeps it for a new title), so a file edited after the bot's last
change (its LAST-MODIFIED is later) is newer even with a lower SEQUENCE; without LAST-MODIFIED,
SEQUENCE alone decides.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.services.calendars.parsing import ImportedEvent
from storage.models import Meeting

# Texts kept in English and in Russian; the Russian follows the English it translates.
TRANSLATED = ("title", "summary", "venue", "city", "country", "organizer", "supporters")


def is_older(meeting: Meeting, event: ImportedEvent) -> bool:
    """Whether the file's event is an older version than the meeting the bot holds."""
    sequence, ours = _int(event.values.get("sequence")), meeting.sequence or 0
    # Files keep whole seconds, the bot's clock finer ones.
    modified, changed = event.modified, meeting.updated_at.replace(microsecond=0)
    if modified is not None and modified > changed:
        return False
    if modified is not None and modified < changed:
        return sequence <= ours
    return sequence < ours


def without_stale_russian(meeting: Meeting, values: Mapping[str, object]) -> dict[str, object]:
    """The values, with a Russian text cleared where the file changes the English and gives none.

    The card then shows the new English rather than a Russian translation of the old one.
    """
    fresh = dict(values)
    for name in TRANSLATED:
        english, russian = f"{name}_en", f"{name}_ru"
        renamed = english in fresh and fresh[english] != getattr(meeting, english)
        if renamed and russian not in fresh:
            fresh[russian] = None
    return fresh


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0
