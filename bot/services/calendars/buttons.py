"""The "Add to calendar" button under a meeting card: the meeting's own calendar file."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.calendars.file import meeting_attachment
from bot.services.reply import Reply, unknown_meeting
from bot.texts import t
from storage.repositories import meetings


async def calendar_reply(session: AsyncSession, meeting_id: int, language: str) -> Reply:
    """Any meeting's file, a cancelled one too: importing it marks the event cancelled."""
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return unknown_meeting(language)
    return Reply(
        t(language, "calendar.caption", title=meeting.text("title", language)),
        attachment=meeting_attachment(meeting, language),
        notice=t(language, "calendar.notice"),
    )
