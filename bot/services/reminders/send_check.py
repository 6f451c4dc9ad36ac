"""Is a queued message still wanted, at the moment it is sent? And what does it say then?

Read for a whole batch at once (storage.repositories.send_checks), just before the batch is
sent: a meeting cancelled, moved or begun, or a chat that unsubscribed or blocked the bot while
the message waited in the queue, stops it there. A reminder whose meeting has begun is MISSED
(never sent as "Starts in ..."); a message no longer wanted is FAILED with the reason.

What depends on the kind of message (when a queued one went stale, what it says) is the kind's
`SendRules`, declared with the kind in the registry (bot.outbound.kinds) and passed in here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.channels.render import card, change_note
from bot.services.reminders.messages import (
    notice_brief,
    notice_lines,
    notice_reply,
    reminder_reply,
)
from bot.services.reminders.outbox import Outgoing
from bot.services.reminders.removals import deleted_meeting
from bot.services.reply import NO_TEXT, Reply
from bot.texts import Html, as_language, join
from storage.models import Chat, DeliveryStatus, Meeting, MeetingStatus
from storage.repositories.send_checks import SendState, send_state

# The changes a notice tells of that a scheduled meeting must still be in to be news.
SCHEDULED_NEWS = frozenset({"moved", "restored", "announced"})


# Why a queued message of this kind is no longer news (its status and reason), or None.
Stale = Callable[[Outgoing, Meeting, datetime], tuple[DeliveryStatus, str] | None]
# What it says now: the message, and one line for a list of several such (or None).
Render = Callable[[Outgoing, Meeting, str, str | None, datetime], tuple[Reply, Html | None]]


@dataclass(frozen=True)
class SendRules:
    """What one kind of delivery decides at send time."""

    stale: Stale
    render: Render
    # Sent only while the chat follows the meeting (a linked channel follows every meeting).
    for_followers: bool = True
    # The meeting it tells of (a deleted one lives on in the message's own `before`).
    meeting_of: Callable[[Outgoing, SendState], Meeting | None] = lambda item, state: (
        state.meetings.get(item.meeting_id)
    )
    # About no one meeting (a digest): only the chat is checked, and the message is the one
    # made when it was claimed (Outgoing.reply).
    standalone: bool = False


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
    session: AsyncSession,
    items: Sequence[Outgoing],
    now: datetime,
    default_language: str,
    rules: Mapping[str, SendRules],
) -> list[Verdict]:
    """A verdict for each item, in order; `rules`: each kind's, by its name."""
    state = await send_state(session, {i.meeting_id for i in items}, {i.chat_id for i in items})
    rendered: Rendered = {}
    return [
        _verdict(item, state, now, default_language, rules[item.kind], rendered) for item in items
    ]


# What a batch rendered, by fan-out, language and reader's zone: the messages of one fan-out
# (one meeting, one offset or change) say the same to every chat that reads alike, at one `now`.
Rendered = dict[tuple[str, str, int, str, str | None], tuple[Reply, Html | None]]


def _verdict(
    item: Outgoing,
    state: SendState,
    now: datetime,
    default: str,
    rules: SendRules,
    rendered: Rendered,
) -> Verdict:
    meeting, chat = rules.meeting_of(item, state), state.chats.get(item.chat_id)
    language = _language(chat, default)
    if rules.standalone:
        return _standalone(item, chat, language, now)
    why = _unwanted(item, meeting, chat, state, now, rules.for_followers) or (
        meeting and rules.stale(item, meeting, now)
    )
    if why:
        return Verdict(item, language, status=why[0], reason=why[1])
    assert meeting is not None and chat is not None
    key = (item.kind, item.fan_out, item.meeting_id, item.language or language, chat.time_zone)
    if key not in rendered:
        rendered[key] = rules.render(item, meeting, language, chat.time_zone, now)
    reply, brief = rendered[key]
    return Verdict(item, language, reply, brief)


def _standalone(item: Outgoing, chat: Chat | None, language: str, now: datetime) -> Verdict:
    if chat is None or not chat.is_active or item.reply is None:
        return Verdict(
            item, language, status=DeliveryStatus.FAILED, reason="chat gone or inactive"
        )
    if now >= item.expires_at:
        return Verdict(item, language, status=DeliveryStatus.MISSED, reason="too late to send")
    return Verdict(item, language, item.reply)


def _unwanted(
    item: Outgoing,
    meeting: Meeting | None,
    chat: Chat | None,
    state: SendState,
    now: datetime,
    for_followers: bool,
) -> tuple[DeliveryStatus, str] | None:
    """What stops a message of any kind."""
    if meeting is None or chat is None:
        return DeliveryStatus.FAILED, "chat or meeting gone before sending"
    if not chat.is_active:
        return DeliveryStatus.FAILED, "chat inactive before sending"
    if for_followers and not state.follows(chat.id, meeting.id):
        return DeliveryStatus.FAILED, "chat unsubscribed before sending"
    if now >= item.expires_at:
        return _begun(meeting, now) or (DeliveryStatus.MISSED, "no longer news when sendable")
    return None


def _begun(meeting: Meeting, now: datetime) -> tuple[DeliveryStatus, str] | None:
    if meeting.starts_at <= now:
        return DeliveryStatus.MISSED, "meeting had begun when it could be sent"
    return None


def _stale_reminder(
    item: Outgoing, meeting: Meeting, now: datetime
) -> tuple[DeliveryStatus, str] | None:
    if begun := _begun(meeting, now):
        return begun
    if meeting.status == MeetingStatus.CANCELLED:
        return DeliveryStatus.FAILED, "meeting cancelled before sending"
    if meeting.starts_at - timedelta(minutes=item.offset_minutes or 0) != item.due_at:
        return DeliveryStatus.FAILED, "meeting moved before sending"
    return None


def _stale_notice(
    item: Outgoing, meeting: Meeting, now: datetime
) -> tuple[DeliveryStatus, str] | None:
    if begun := _begun(meeting, now):
        return begun
    cancelled = meeting.status == MeetingStatus.CANCELLED
    if cancelled and item.change in SCHEDULED_NEWS:
        return DeliveryStatus.FAILED, "meeting cancelled before sending"
    if not cancelled and item.change == "cancelled":
        return DeliveryStatus.FAILED, "meeting restored before sending"
    return None


def _render_reminder(
    item: Outgoing, meeting: Meeting, language: str, zone: str | None, now: datetime
) -> tuple[Reply, Html | None]:
    return reminder_reply(meeting, language, zone, now), None


def _render_notice(
    item: Outgoing, meeting: Meeting, language: str, zone: str | None, now: datetime
) -> tuple[Reply, Html | None]:
    change = item.change or "announced"
    reply = notice_reply(change, meeting, item.before, language, zone)
    return reply, notice_brief(meeting, language, zone) if change == "announced" else None


def _render_channel_post(
    item: Outgoing, meeting: Meeting, language: str, zone: str | None, now: datetime
) -> tuple[Reply, Html | None]:
    """The change's note as the reply (no text for a new meeting) and, as the brief, the card
    the meeting's original post shows (bot/outbound/channel_posts.py sends both)."""
    change = item.change or "announced"
    note = change_note(change, meeting, item.before, item.language)
    return Reply(note or NO_TEXT), card(meeting, item.language, now, change == "deleted")


def _render_removal(
    item: Outgoing, meeting: Meeting, language: str, zone: str | None, now: datetime
) -> tuple[Reply, Html | None]:
    return Reply(join(notice_lines("deleted", meeting, None, language, zone))), None


def _removed(item: Outgoing, state: SendState) -> Meeting | None:
    return deleted_meeting(item.before, item.meeting_id)


def _posted_of(item: Outgoing, state: SendState) -> Meeting | None:
    if item.change == "deleted":
        return deleted_meeting(item.before, item.meeting_id)
    return state.meetings.get(item.meeting_id)


def _never_stale(
    item: Outgoing, meeting: Meeting, now: datetime
) -> tuple[DeliveryStatus, str] | None:
    return None


def _render_claimed(
    item: Outgoing, meeting: Meeting, language: str, zone: str | None, now: datetime
) -> tuple[Reply, Html | None]:
    assert item.reply is not None
    return item.reply, None


REMINDER_RULES = SendRules(_stale_reminder, _render_reminder)
DIGEST_RULES = SendRules(_never_stale, _render_claimed, standalone=True)
NOTICE_RULES = SendRules(_stale_notice, _render_notice)
CHANNEL_POST_RULES = SendRules(
    _stale_notice, _render_channel_post, for_followers=False, meeting_of=_posted_of
)
REMOVAL_RULES = SendRules(_never_stale, _render_removal, for_followers=False, meeting_of=_removed)


def _language(chat: Chat | None, default: str) -> str:
    if chat is None:
        return default
    return as_language(chat.language) or as_language(chat.seen_language) or default
