"""The "Add to calendar" button under a meeting card: the meeting's own calendar file.

A cancelled meeting gets no file to add: the reply says it is cancelled (and why, if known).
Calendars that already hold it learn of the cancellation from the feed and /export.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import content_order
from bot.services.calendars.file import meeting_attachment
from bot.services.reply import Reply, unknown_meeting
from bot.texts import t
from storage.models import MeetingStatus
from storage.repositories import meetings


async def calendar_reply(session: AsyncSession, meeting_id: int, language: str) -> Reply:
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return unknown_meeting(language)
    title = meeting.text("title", *content_order(language))
    if meeting.status == MeetingStatus.CANCELLED:
        reason = meeting.cancel_reason
        why = t(language, "card.cancel_reason", reason=reason) if reason else ""
        text = t(language, "calendar.cancelled", title=title, reason=why)
        return Reply(text, notice=t(language, "calendar.cancelled_notice"))
    return Reply(
        t(language, "calendar.caption", title=title),
        attachment=meeting_attachment(meeting, language),
        notice=t(language, "calendar.notice"),
    )
