"""When reminders fall due: pure arithmetic on starts, offsets and a clock, with no database.

An offset is an exact length of time before the start instant (a day is 24 hours), so a change
to or from summer time in the reader's zone moves the clock time a reminder shows, never the
moment it is sent. A reminder is owed only if it fell due after the meeting was added or last
moved (`anchor`): an offset already past then is not sent; the change notice told them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from config.offsets import offsets_from_text
from storage.repositories.deliveries import Due


@dataclass(frozen=True)
class DueWindow:
    """A scheduled meeting that may have reminders due: its start and since when it holds."""

    meeting_id: int
    starts_at: datetime
    anchor: datetime


@dataclass(frozen=True)
class OffsetHolders:
    """Who holds one offset: the stored offsets texts that list it, and whether the default
    (for chats that chose none) does."""

    minutes: int
    offset_values: tuple[str, ...]
    default_holds: bool


def offset_holders(stored: Iterable[str | None], default: Sequence[int]) -> list[OffsetHolders]:
    """Every offset some active chat is reminded at, with who holds it, largest first."""
    values: dict[int, list[str]] = {}
    for text in filter(None, stored):
        for minutes in offsets_from_text(text):
            values.setdefault(minutes, []).append(text)
    uses_default = None in stored
    offsets = set(values) | (set(default) if uses_default else set())
    return [
        OffsetHolders(m, tuple(values.get(m, ())), uses_default and m in default)
        for m in sorted(offsets, reverse=True)
    ]


def due_between(
    meetings: Iterable[DueWindow],
    holders: Sequence[OffsetHolders],
    after: datetime | None,
    until: datetime,
) -> list[Due]:
    """The reminders that fall due in (after, until] (any time up to `until` when `after` is
    None), owed because they fall due after their meeting's anchor; soonest first."""
    found = []
    for meeting in meetings:
        for holder in holders:
            due_at = meeting.starts_at - timedelta(minutes=holder.minutes)
            if due_at < meeting.anchor or due_at > until or (after and due_at <= after):
                continue
            found.append(_due(meeting, holder, due_at))
    return sorted(found, key=lambda due: (due.due_at, due.meeting_id))


def next_due_at(
    meetings: Iterable[DueWindow], holders: Sequence[OffsetHolders], after: datetime
) -> datetime | None:
    """The first moment after `after` at which an owed reminder falls due, if any."""
    later = (
        due_at
        for meeting in meetings
        for holder in holders
        if (due_at := meeting.starts_at - timedelta(minutes=holder.minutes)) > after
        and due_at >= meeting.anchor
    )
    return min(later, default=None)


def minutes_left(starts_at: datetime, now: datetime) -> int:
    """Whole minutes until the start, rounded to the nearest (a reminder says what is true)."""
    return max(round((starts_at - now).total_seconds() / 60), 0)


def _due(meeting: DueWindow, holder: OffsetHolders, due_at: datetime) -> Due:
    return Due(
        meeting_id=meeting.meeting_id,
        starts_at=meeting.starts_at,
        offset_minutes=holder.minutes,
        due_at=due_at,
        offset_values=holder.offset_values,
        default_holds=holder.default_holds,
    )
