"""/cancelevent and /restoreevent: a meeting called off, and the way back.

A meeting that has taken place cannot be cancelled (it would vanish from /past); a repeated
cancel changes nothing unless it gives a new reason. Both go through meetings.changes, so they
are audited and the runtime's hooks (notices to subscribers) run.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import format_short_day
from bot.languages import content_order
from bot.services.admin.refusals import named_meeting
from bot.services.meeting_writes.changes import cancel_meeting, restore_meeting
from bot.services.meetings.timeline import has_ended
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, t
from storage.models import Meeting, MeetingStatus

# The cancel_reason column's length.
REASON_LIMIT = 500


async def cancel_event(session: AsyncSession, request: Request) -> Reply:
    named = await named_meeting(session, request, "cancelevent")
    if isinstance(named, Reply):
        return named
    meeting, reason = named.meeting, named.rest or None
    if reason is not None and len(reason) > REASON_LIMIT:
        return _say(request, "admin.error.reason_too_long", limit=REASON_LIMIT, length=len(reason))
    if meeting.status == MeetingStatus.CANCELLED:
        return await _cancel_again(session, request, meeting, reason)
    if has_ended(meeting, request.now):
        day = format_short_day(meeting.starts_at, meeting.time_zone, request.language)
        return _about(request, meeting, "admin.error.cancel_ended", day=day)
    await cancel_meeting(session, request.user_id, meeting.id, reason, request.now)
    return _about(request, meeting, "admin.cancelled")


async def restore_event(session: AsyncSession, request: Request) -> Reply:
    named = await named_meeting(session, request, "restoreevent")
    if isinstance(named, Reply):
        return named
    if named.meeting.status != MeetingStatus.CANCELLED:
        return _about(request, named.meeting, "admin.restore.not_cancelled")
    await restore_meeting(session, request.user_id, named.meeting.id, request.now)
    return _about(request, named.meeting, "admin.restored")


async def _cancel_again(
    session: AsyncSession, request: Request, meeting: Meeting, reason: str | None
) -> Reply:
    """Already cancelled: only a new reason changes something; no reason never wipes one."""
    if reason is None or reason == meeting.cancel_reason:
        why = meeting.cancel_reason
        shown = t(request.language, "admin.cancel.reason", reason=why) if why else Html("")
        return _about(request, meeting, "admin.cancel.already", reason=shown)
    await cancel_meeting(session, request.user_id, meeting.id, reason, request.now)
    return _about(request, meeting, "admin.cancel.reason_changed", reason=reason)


def _about(request: Request, meeting: Meeting, key: str, **values: object) -> Reply:
    """A reply naming the meeting by id and by its title in the reader's language."""
    title = meeting.text("title", *content_order(request.language)) or meeting.title_en
    return _say(request, key, id=meeting.id, title=title, **values)


def _say(request: Request, key: str, **values: object) -> Reply:
    return Reply(t(request.language, key, **values))
