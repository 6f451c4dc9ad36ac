"""From claimed rows to messages: each reminder and notice rendered for its chat, and its end
(sent, failed with the reason, missed) written back.

A claim can go stale before it is sent: the meeting may have been cancelled, moved or begun in
between. Such a reminder is not sent; it is finished as missed or failed, with why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Literal, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reminders.messages import notice_reply, reminder_reply
from bot.services.reminders.sweep import Sweep
from bot.services.reply import Reply
from bot.texts import as_language
from storage.models import Chat, DeliveryStatus, Meeting, MeetingStatus
from storage.repositories import deliveries, notices
from storage.repositories.deliveries import Claimed

Kind = Literal["reminder", "notice"]
Row = TypeVar("Row", Meeting, Chat)
ID_CHUNK = 500


@dataclass(frozen=True)
class Outgoing:
    kind: Kind
    # The row it came from: reminder_deliveries.id or notices.id.
    record_id: int
    chat_id: int
    chat_kind: str
    meeting_id: int
    # When it was due (a reminder) or written (a notice): what lateness is measured from.
    due_at: datetime
    # The message as it reads when it is sent (a reminder says the time left then).
    render: Callable[[datetime], Reply]
    # Messages of one fan-out share it: one reminder offset of a meeting, or one change.
    fan_out: str


@dataclass
class Prepared:
    messages: list[Outgoing]
    # Reminders not to send, finished here with the status and reason given.
    dropped: list[tuple[int, DeliveryStatus, str]]


async def prepare(
    session: AsyncSession, sweep: Sweep, now: datetime, default_language: str
) -> Prepared:
    meeting_ids = {c.meeting_id for c in sweep.reminders} | {n.meeting_id for n in sweep.notices}
    chat_ids = {c.chat_id for c in sweep.reminders} | {n.chat_id for n in sweep.notices}
    meetings = await _by_id(session, Meeting, meeting_ids)
    chats = await _by_id(session, Chat, chat_ids)
    prepared = Prepared([], [])
    for claimed in sweep.reminders:
        _add_reminder(
            prepared, claimed, meetings.get(claimed.meeting_id), chats, now, default_language
        )
    for record_id, status, reason in prepared.dropped:
        await deliveries.finish(session, [record_id], status, now, reason)
    for pending in sweep.notices:
        meeting, chat = meetings.get(pending.meeting_id), chats.get(pending.chat_id)
        if meeting is None or chat is None:
            continue
        language, zone = _reader(chat, default_language)
        reply = notice_reply(pending.kind, meeting, pending.before, language, zone)
        prepared.messages.append(
            Outgoing(
                "notice",
                pending.notice_id,
                chat.id,
                chat.kind,
                meeting.id,
                now,
                _always(reply),
                f"{pending.kind} notice of meeting {meeting.id} (change {pending.change_id})",
            )
        )
    return prepared


async def finish(
    session: AsyncSession,
    kind: Kind,
    record_ids: Iterable[int],
    status: DeliveryStatus,
    now: datetime,
    error: str | None = None,
) -> None:
    finish_rows = deliveries.finish if kind == "reminder" else notices.finish
    await finish_rows(session, list(record_ids), status, now, error)


async def renew(
    session: AsyncSession, kind: Kind, record_ids: Sequence[int], now: datetime
) -> None:
    """Claims this process still holds keep their lease (no other process takes them over)."""
    renew_rows = deliveries.renew if kind == "reminder" else notices.renew
    await renew_rows(session, record_ids, now)


def _add_reminder(
    prepared: Prepared,
    claimed: Claimed,
    meeting: Meeting | None,
    chats: dict[int, Chat],
    now: datetime,
    default_language: str,
) -> None:
    chat = chats.get(claimed.chat_id)
    reason = _not_to_send(claimed, meeting, now)
    if reason is not None or meeting is None or chat is None:
        status, why = reason or (DeliveryStatus.FAILED, "chat or meeting gone")
        prepared.dropped.append((claimed.delivery_id, status, why))
        return
    language, zone = _reader(chat, default_language)
    prepared.messages.append(
        Outgoing(
            "reminder",
            claimed.delivery_id,
            chat.id,
            chat.kind,
            meeting.id,
            claimed.due_at,
            partial(reminder_reply, meeting, language, zone),
            f"reminder of meeting {meeting.id}, {claimed.offset_minutes} min before",
        )
    )


def _always(reply: Reply) -> Callable[[datetime], Reply]:
    """A notice reads the same whenever it is sent."""
    return lambda _now: reply


def _not_to_send(
    claimed: Claimed, meeting: Meeting | None, now: datetime
) -> tuple[DeliveryStatus, str] | None:
    if meeting is None or meeting.status == MeetingStatus.CANCELLED:
        return DeliveryStatus.FAILED, "meeting cancelled or deleted before sending"
    if meeting.starts_at - timedelta(minutes=claimed.offset_minutes) != claimed.due_at:
        return DeliveryStatus.FAILED, "meeting moved before sending"
    if meeting.starts_at <= now:
        return DeliveryStatus.MISSED, "meeting had begun when it could be sent"
    return None


def _reader(chat: Chat, default_language: str) -> tuple[str, str | None]:
    language = as_language(chat.language) or as_language(chat.seen_language) or default_language
    return language, chat.time_zone


async def _by_id(session: AsyncSession, model: type[Row], ids: set[int]) -> dict[int, Row]:
    """Rows by id, a chunk of ids a query (SQLite takes a bounded number of parameters)."""
    found: dict[int, Row] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), ID_CHUNK):
        chunk = ordered[start : start + ID_CHUNK]
        rows = (await session.scalars(select(model).where(model.id.in_(chunk)))).all()
        found.update((row.id, row) for row in rows)
    return found
