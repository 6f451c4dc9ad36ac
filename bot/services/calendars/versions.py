"""Which of two versions of a meeting is newer, and which Russian texts an import makes stale.

RFC 5545 orders versions of one UID by SEQUENCE, then by time. While the meeting holds the
version an import gave it (no change in the bot since), a file is compared with that version:
a higher SEQUENCE is newer, and the same SEQUENCE is decided by LAST-MODIFIED (Google keeps
SEQUENCE for a new title), never by when the bot imported it. Once the bot changed the meeting,
calendar apps do not all grow SEQUENCE for every edit, so a file edited after the bot's last
change (its LAST-MODIFIED is later) is newer even with a lower SEQUENCE; without LAST-MODIFIED,
SEQUENCE alone decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.services.calendars.parsing import ImportedEvent
from storage.models import Meeting

# Texts kept in English and in Russian; the Russian follows the English it translates.
TRANSLATED = ("title", "summary", "venue", "city", "country", "organizer", "supporters")


def is_older(meeting: Meeting, event: ImportedEvent) -> bool:
    """Whether the file's event is an older version than the meeting the bot holds."""
    sequence, ours = _int(event.values.get("sequence")), meeting.sequence or 0
    if holds_imported_version(meeting) and meeting.calendar_sequence is not None:
        return _older_than_imported(meeting, sequence, event.modified)
    # Files keep whole seconds, the bot's clock finer ones.
    modified, changed = event.modified, meeting.updated_at.replace(microsecond=0)
    if modified is not None and modified > changed:
        return False
    if modified is not None and modified < changed:
        return sequence <= ours
    return sequence < ours


def holds_imported_version(meeting: Meeting) -> bool:
    """Whether the meeting is still as the last import left it (the bot grows SEQUENCE)."""
    synced = meeting.calendar_synced_sequence
    return synced is not None and synced == meeting.sequence


def remember_imported_version(meeting: Meeting, event: ImportedEvent) -> None:
    """Note the file's version as the one the meeting holds (after the import wrote it)."""
    meeting.calendar_sequence = _int(event.values.get("sequence"))
    meeting.calendar_modified = event.modified
    meeting.calendar_synced_sequence = meeting.sequence


def imported_version(event: ImportedEvent) -> dict[str, object]:
    """What `remember_imported_version` notes, for a meeting the event adds (written with it):
    its SEQUENCE is the file's (0, the column's default, when the file gives none)."""
    return {
        "calendar_sequence": _int(event.values.get("sequence")),
        "calendar_modified": event.modified,
        "calendar_synced_sequence": event.values.get("sequence", 0),
    }


def _older_than_imported(meeting: Meeting, sequence: int, modified: datetime | None) -> bool:
    held_sequence, held_modified = meeting.calendar_sequence or 0, meeting.calendar_modified
    if sequence != held_sequence:
        return sequence < held_sequence
    return modified is not None and held_modified is not None and modified < held_modified


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
