"""The "Remind me" rule: which meetings a chat may subscribe to, apart from how it is answered.

`subscribe_to_meeting` takes plain values and returns what happened, so a command, a button and
a job all use the same rule; `remind_reply` turns the outcome into the button's answer.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.cards import when_text
from bot.services.reply import NO_TEXT, Reply, unknown_meeting
from bot.texts import t
from storage.models import Meeting, MeetingStatus
from storage.repositories import meetings, subscriptions


class Outcome(enum.StrEnum):
    SUBSCRIBED = "subscribed"
    ALREADY = "already"
    CANCELLED = "cancelled"
    PAST = "past"
    UNKNOWN = "unknown"


async def subscribe_to_meeting(
    session: AsyncSession, chat_id: int, meeting_id: int, now: datetime
) -> tuple[Outcome, Meeting | None]:
    """Subscribe the chat to one meeting still to come; the outcome and the meeting."""
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        return Outcome.UNKNOWN, None
    if meeting.status == MeetingStatus.CANCELLED:
        return Outcome.CANCELLED, meeting
    if meeting.starts_at < now:
        return Outcome.PAST, meeting
    added = await subscriptions.subscribe(session, chat_id, meeting.id, now)
    return (Outcome.SUBSCRIBED if added else Outcome.ALREADY), meeting


async def remind_reply(
    session: AsyncSession, meeting_id: int, chat_id: int, language: str, now: datetime
) -> Reply:
    outcome, meeting = await subscribe_to_meeting(session, chat_id, meeting_id, now)
    if meeting is None:
        return unknown_meeting(language)
    if outcome in (Outcome.CANCELLED, Outcome.PAST):
        return Reply(NO_TEXT, notice=t(language, f"remind.{outcome}"))
    title = meeting.text("title", language)
    text = t(language, f"remind.{outcome}", title=title, when=when_text(meeting, language))
    return Reply(text, notice=t(language, "remind.notice"))
