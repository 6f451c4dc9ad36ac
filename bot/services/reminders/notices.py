"""What a change to a meeting owes its subscribers: the change hook that writes the notices.

Runs inside the change's transaction (bot.services.meeting_writes.changes), so the notices
exist if and only if the change does; the scheduler sends them (bot/outbound/scheduler.py). Only
meetings still to come are told about: a correction to last year's meeting is no news.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meeting_writes.changes import MeetingChange
from bot.services.reminders.changed import kept
from bot.services.runtime import schedule_changed
from storage.models import MeetingStatus
from storage.repositories import notices

# Columns whose change means the meeting moved: subscribers must learn the new time or place.
MOVING = frozenset(
    {"starts_at", "ends_at", "time_known", "time_zone", "city_en", "city_ru", "venue_en",
     "venue_ru", "country_en", "country_ru"}
)  # fmt: skip


async def notify_subscribers(session: AsyncSession, change: MeetingChange) -> None:
    """The change hook: notices for a move, a cancellation, a restoration or a new meeting."""
    meeting = change.meeting
    schedule_changed(session)
    if meeting is None or meeting.starts_at <= change.at:
        return
    kind = notice_kind(change)
    if kind is None:
        return
    before = kept(change.before)
    await notices.add_for_subscribers(
        session,
        change_id=change.change_id,
        kind=kind,
        meeting_id=meeting.id,
        before=before,
        now=change.at,
    )


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
