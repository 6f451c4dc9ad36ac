"""Counts for /stats, each one grouped query: nothing loads a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat, DeliveryStatus, Meeting, ReminderDelivery, Subscription

# Meetings listed with their reminder counts, the most recent first.
MEETINGS_SHOWN = 20


@dataclass(frozen=True)
class Reminded:
    meeting_id: int
    title: str
    sent: int
    failed: int


async def chats_by_activity(session: AsyncSession) -> dict[bool, int]:
    query = select(Chat.is_active, func.count()).group_by(Chat.is_active)
    return {bool(active): int(n) for active, n in (await session.execute(query)).all()}


async def subscriptions(session: AsyncSession) -> tuple[int, int]:
    """Subscriptions to every meeting, and to single meetings."""
    every = func.sum(case((Subscription.meeting_id.is_(None), 1), else_=0))
    single = func.sum(case((Subscription.meeting_id.is_not(None), 1), else_=0))
    row = (await session.execute(select(every, single))).one()
    return int(row[0] or 0), int(row[1] or 0)


async def reminders_by_meeting(
    session: AsyncSession, limit: int = MEETINGS_SHOWN
) -> Sequence[Reminded]:
    sent = func.sum(case((ReminderDelivery.status == DeliveryStatus.SENT, 1), else_=0))
    failed = func.sum(case((ReminderDelivery.status == DeliveryStatus.FAILED, 1), else_=0))
    query = (
        select(Meeting.id, Meeting.title_en, sent, failed)
        .join(ReminderDelivery, ReminderDelivery.meeting_id == Meeting.id)
        .group_by(Meeting.id, Meeting.title_en, Meeting.starts_at)
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(limit)
    )
    rows = (await session.execute(query)).all()
    return [Reminded(row[0], row[1], int(row[2] or 0), int(row[3] or 0)) for row in rows]
