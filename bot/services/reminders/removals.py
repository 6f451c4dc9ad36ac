"""What deleting a meeting owes the chats that had heard of it: the change hook that writes a
notice of the delete to each (bot.services.meeting_writes.changes reads who they are before the
meeting's rows go with it). Only a meeting still to come is news."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meeting_writes.changes import MeetingChange
from bot.services.meeting_writes.values import draft_meeting, from_json
from bot.services.runtime import schedule_changed
from storage.models import Meeting
from storage.repositories import removals


async def tell_of_removal(session: AsyncSession, changes: Sequence[MeetingChange]) -> None:
    """The change hook: a notice of a delete for every chat that had heard of the meeting (a
    delete is one change at a time)."""
    for change in changes:
        await _tell(session, change)


async def _tell(session: AsyncSession, change: MeetingChange) -> None:
    if change.kind != "delete" or not change.told or not _to_come(change.before, change.at):
        return
    written = await removals.add(
        session,
        change_id=change.change_id,
        meeting_id=change.meeting_id,
        chat_ids=change.told,
        before=change.before,
        now=change.at,
    )
    if written:
        schedule_changed(session)


def deleted_meeting(before: dict[str, object] | None, meeting_id: int) -> Meeting:
    """A deleted meeting as it was (never added to a session), to say what was removed."""
    meeting = draft_meeting(from_json(before or {}), None)
    meeting.id = meeting_id
    return meeting


def _to_come(before: dict[str, object] | None, at: datetime) -> bool:
    starts = from_json(before or {}).get("starts_at")
    return isinstance(starts, datetime) and starts > at
