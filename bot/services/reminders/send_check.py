"""Is a queued message still wanted, at the moment it is sent? And what does it say then?

Read for a whole batch at once (storage.repositories.send_checks), just before the batch is
sent: a meeting cancelled, moved or begun, or a chat that unsubscribed or blocked the bot while
the message waited in the queue, stops it there. A reminder whose meeting has begun is MISSED
(never sent as "Starts in ..."); a message no longer wanted is FAILED with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reminders.messages import notice_brief, notice_reply, reminder_reply
from bot.services.reminders.outbox import REMINDER, Outgoing
from bot.services.reply import Reply
from bot.texts import Html, as_language
from storage.models import Chat, DeliveryStatus, Meeting, MeetingStatus
from storage.repositories.send_checks import SendState, send_state

# The changes a notice tells of that a scheduled meeting must still be in to be news.
SCHEDULED_NEWS = frozenset({"moved", "restored", "announced"})


@dataclass(frozen=True)
class Verdict:
    item: Outgoing
    language: str
    # What to send now; None when it is not to be sent (`status` and `reason` say why).
    reply: Reply | None = None
    # One line for a list of several such messages (new meetings), if it has one.
    brief: Html | None = None
    status: DeliveryStatus | None = None
    reason: str | None = None


async def check(
    session: AsyncSession, items: Sequence[Outgoing], now: datetime, default_language: str
) -> list[Verdict]:
    """A verdict for each item, in order."""
    state = await send_state(session, {i.meeting_id for i in items}, {i.chat_id for i in items})
    return [_verdict(item, state, now, default_language) for item in items]


def _verdict(item: Outgoing, state: SendState, now: datetime, default: str) -> Verdict:
    meeting, chat = state.meetings.get(item.meeting_id), state.chats.get(item.chat_id)
    language = _language(chat, default)
    why = _unwanted(item, meeting, chat, state, now)
    if why is not None:
        return Verdict(item, language, status=why[0], reason=why[1])
    assert meeting is not None and chat is not None
    zone = chat.time_zone
    if item.kind == REMINDER:
        return Verdict(item, language, reminder_reply(meeting, language, zone, now))
    change = item.change or "announced"
    reply = notice_reply(change, meeting, item.before, language, zone)
    brief = notice_brief(meeting, language, zone) if change == "announced" else None
    return Verdict(item, language, reply, brief)


def _unwanted(
    item: Outgoing, meeting: Meeting | None, chat: Chat | None, state: SendState, now: datetime
) -> tuple[DeliveryStatus, str] | None:
    if meeting is None or chat is None:
        return DeliveryStatus.FAILED, "chat or meeting gone before sending"
    if not chat.is_active:
        return DeliveryStatus.FAILED, "chat inactive before sending"
    if not state.follows(chat.id, meeting.id):
        return DeliveryStatus.FAILED, "chat unsubscribed before sending"
    if now >= item.expires_at or meeting.starts_at <= now:
        return DeliveryStatus.MISSED, "meeting had begun when it could be sent"
    if item.kind == REMINDER:
        return _stale_reminder(item, meeting)
    return _stale_notice(item, meeting)


def _stale_reminder(item: Outgoing, meeting: Meeting) -> tuple[DeliveryStatus, str] | None:
    if meeting.status == MeetingStatus.CANCELLED:
        return DeliveryStatus.FAILED, "meeting cancelled before sending"
    if meeting.starts_at - timedelta(minutes=item.offset_minutes or 0) != item.due_at:
        return DeliveryStatus.FAILED, "meeting moved before sending"
    return None


def _stale_notice(item: Outgoing, meeting: Meeting) -> tuple[DeliveryStatus, str] | None:
    cancelled = meeting.status == MeetingStatus.CANCELLED
    if cancelled and item.change in SCHEDULED_NEWS:
        return DeliveryStatus.FAILED, "meeting cancelled before sending"
    if not cancelled and item.change == "cancelled":
        return DeliveryStatus.FAILED, "meeting restored before sending"
    return None


def _language(chat: Chat | None, default: str) -> str:
    if chat is None:
        return default
    return as_language(chat.language) or as_language(chat.seen_language) or default
