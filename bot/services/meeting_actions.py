"""What the buttons under a meeting card do: send its calendar file, subscribe the chat."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import when_text
from bot.services.calendar_file import meeting_attachment
from bot.services.reply import Reply
from bot.texts import Html, t
from storage.models import MeetingStatus
from storage.repositories import meetings, subscriptions

NO_TEXT = Html("")


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


async def remind_reply(
    session: AsyncSession, meeting_id: int, chat_id: int, language: str, now: datetime
) -> Reply:
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return unknown_meeting(language)
    if meeting.status == MeetingStatus.CANCELLED:
        return Reply(NO_TEXT, notice=t(language, "remind.cancelled"))
    if meeting.starts_at < now:
        return Reply(NO_TEXT, notice=t(language, "remind.past"))
    added = await subscriptions.subscribe(session, chat_id, meeting.id)
    key = "remind.subscribed" if added else "remind.already"
    title = meeting.text("title", language)
    text = t(language, key, title=title, when=when_text(meeting, language))
    return Reply(text, notice=t(language, "remind.notice"))


def unknown_meeting(language: str) -> Reply:
    return Reply(NO_TEXT, notice=t(language, "button.unknown_meeting"))


def stale_button(language: str) -> Reply:
    return Reply(NO_TEXT, notice=t(language, "button.stale"))
