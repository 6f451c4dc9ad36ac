"""What a change to a meeting owes its subscribers: the change hook that writes the notices.

Runs inside the change's transaction (bot.services.meeting_writes.changes), so the notices
exist if and only if the change does; the scheduler sends them (bot/outbound/scheduler.py). Only
meetings still to come are told about: a correction to last year's meeting is no news.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meeting_writes.changes import MeetingChange
from bot.services.reminders.changed import kept
from bot.services.runtime import schedule_changed
from storage.models import MeetingStatus
from storage.repositories import notices
from storage.repositories.claims import Told

# Columns whose change means the meeting moved: subscribers must learn the new time or place.
MOVING = frozenset(
    {"starts_at", "ends_at", "time_known", "time_zone", "city_en", "city_ru", "venue_en",
     "venue_ru", "country_en", "country_ru"}
)  # fmt: skip


async def notify_subscribers(session: AsyncSession, changes: Sequence[MeetingChange]) -> None:
    """The change hook: notices for a move, a cancellation, a restoration or a new meeting, the
    changes' notices written at once."""
    schedule_changed(session)
    told = [one for one in map(news, changes) if one is not None]
    if told:
        await notices.add_for_followers(session, told)


def news(change: MeetingChange) -> Told | None:
    """What a change of a meeting still to come tells its followers and channels, or None."""
    meeting = change.meeting
    if meeting is None or meeting.starts_at <= change.at:
        return None
    kind = notice_kind(change)
    if kind is None:
        return None
    return Told(change.change_id, kind, meeting.id, kept(change.before), change.at)


def notice_kind(change: MeetingChange) -> str | None:
    """What the change tells ("announced", "moved", "cancelled", "restored"), or None."""
    assert change.meeting is not None
    scheduled = change.meeting.status == MeetingStatus.SCHEDULED
    if change.kind == "add" and scheduled:
        return "announced"
    if change.kind == "edit" and scheduled and MOVING & set(change.before or {}):
        return "moved"
    if change.kind == "cancel" and (change.before or {}).get("status") != "cancelled":
        return "cancelled"
    if change.kind == "restore" and (change.before or {}).get("status") == "cancelled":
        return "restored"
    return None
