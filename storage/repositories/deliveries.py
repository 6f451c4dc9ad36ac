"""Reminder deliveries: claimed by inserting the row, before anything is sent.

The unique key (meeting, its start, offset, chat) is the claim. Several processes may run the
same claim at once; the database gives each row to one of them (INSERT ... ON CONFLICT DO
NOTHING ... RETURNING). The row names its holder; a claim whose holder is gone (no heartbeat, or
released) is taken over at once, and any claim older than the lease is (storage.repositories
.claims.abandoned).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for
from storage.models import Chat, DeliveryStatus, ReminderDelivery
from storage.repositories import claims
from storage.repositories.followers import follows
from storage.types import UTCDateTime


@dataclass(frozen=True)
class Due:
    """One offset of one meeting, due at `due_at`, for the chats whose offsets include it.

    `offset_values` are the stored offsets texts that hold this offset ("1440,60");
    `default_holds` says whether the default does, for chats with none of their own.
    """

    meeting_id: int
    starts_at: datetime
    offset_minutes: int
    due_at: datetime
    offset_values: tuple[str, ...]
    default_holds: bool


@dataclass(frozen=True)
class Claimed:
    delivery_id: int
    meeting_id: int
    offset_minutes: int
    chat_id: int
    due_at: datetime


async def claim(
    session: AsyncSession, due: Due, now: datetime, status: DeliveryStatus, *, holder: str
) -> list[Claimed]:
    """Insert the deliveries of `due` not yet made (as `status`: PENDING to send, MISSED to
    record), held by `holder`; the rows this call inserted, which no other process has."""
    columns = ["meeting_id", "starts_at", "offset_minutes", "chat_id", "due_at", "status"]
    recipients = _recipients(due, status, now).add_columns(literal(holder, String(64)))
    statement = (
        insert_for(session)(ReminderDelivery)
        .from_select([*columns, "claimed_at", "holder_id"], recipients)
        .on_conflict_do_nothing()
        .returning(
            ReminderDelivery.id,
            ReminderDelivery.meeting_id,
            ReminderDelivery.offset_minutes,
            ReminderDelivery.chat_id,
            ReminderDelivery.due_at,
        )
    )
    rows = (await session.execute(statement)).all()
    return [Claimed(*row) for row in rows]


async def count_recipients(session: AsyncSession, due: Due) -> int:
    """How many chats `due` would reach (for how early its fan-out must start)."""
    recipients = _recipients(due, DeliveryStatus.PENDING, due.due_at).subquery()
    return int(await session.scalar(select(func.count()).select_from(recipients)) or 0)


def _recipients(due: Due, status: DeliveryStatus, now: datetime) -> Select:
    """Active chats subscribed to the meeting (or to every one) whose offsets hold this one and
    who were subscribed, with these offsets, before it fell due."""
    return select(
        literal(due.meeting_id),
        literal(due.starts_at, UTCDateTime()),
        literal(due.offset_minutes),
        Chat.id,
        literal(due.due_at, UTCDateTime()),
        literal(status.value),
        literal(now, UTCDateTime()),
    ).where(
        Chat.is_active.is_(True),
        _holds_offset(due),
        or_(Chat.offsets_set_at.is_(None), Chat.offsets_set_at <= due.due_at),
        follows(Chat.id, due.meeting_id, since=due.due_at),
    )


def _holds_offset(due: Due) -> ColumnElement[bool]:
    own = Chat.reminder_offsets.in_(due.offset_values) if due.offset_values else false()
    if due.default_holds:
        return or_(own, Chat.reminder_offsets.is_(None))
    return own


async def take_over_stale(
    session: AsyncSession, now: datetime, lease: timedelta, limit: int, *, holder: str
) -> list[Claimed]:
    """PENDING claims whose holder is gone, or left for longer than `lease`: now `holder`'s."""
    model = ReminderDelivery
    columns = (model.id, model.meeting_id, model.offset_minutes, model.chat_id, model.due_at)
    free = claims.abandoned(model, now, lease, holder)
    taken = await claims.take(session, model, free, now, limit, columns, holder=holder)
    return [Claimed(*row) for row in taken]


finish = claims.finisher(ReminderDelivery)
renew = claims.renewer(ReminderDelivery)
