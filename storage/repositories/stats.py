"""Counts for /stats, each one grouped query: nothing loads a table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Chat,
    DeliveryStatus,
    Meeting,
    MeetingStatus,
    ReminderDelivery,
    Subscription,
    SubscriptionFilter,
)
from storage.repositories.followers import followers_count

# Meetings listed with their reminder counts, the most recent first.
MEETINGS_SHOWN = 20


async def chats_by_activity(session: AsyncSession) -> dict[bool, int]:
    query = select(Chat.is_active, func.count()).group_by(Chat.is_active)
    return {bool(active): int(n) for active, n in (await session.execute(query)).all()}


async def subscriptions(session: AsyncSession) -> tuple[int, int]:
    """Subscriptions to every meeting, and to single meetings."""
    every = func.sum(case((Subscription.meeting_id.is_(None), 1), else_=0))
    single = func.sum(case((Subscription.meeting_id.is_not(None), 1), else_=0))
    row = (await session.execute(select(every, single))).one()
    return int(row[0] or 0), int(row[1] or 0)


async def filters(session: AsyncSession) -> int:
    """Filters chats follow (/subscribe Tajikistan)."""
    return int(await session.scalar(select(func.count()).select_from(SubscriptionFilter)) or 0)


@dataclass(frozen=True)
class MeetingTally:
    meeting_id: int
    title: str
    subscribers: int
    sent: int
    failed: int
    missed: int


async def reminders_by_meeting(
    session: AsyncSession, now: datetime, limit: int = MEETINGS_SHOWN
) -> list[MeetingTally]:
    """Per meeting with reminders, or followers and still to come, the latest first: the chats
    that follow it (by its own subscription, one to every meeting or a filter that matches it:
    storage.repositories.followers), and its reminders sent, failed and missed."""
    counts = select(
        ReminderDelivery.meeting_id.label("meeting_id"),
        *(_count(status) for status in ("sent", "failed", "missed")),
    ).group_by(ReminderDelivery.meeting_id)
    delivered = counts.subquery()
    followers = followers_count(Meeting.id)
    own = exists().where(Subscription.meeting_id == Meeting.id)
    to_come = and_(Meeting.starts_at >= now, Meeting.status == MeetingStatus.SCHEDULED)
    query = (
        select(
            Meeting.id,
            Meeting.title_en,
            followers,
            func.coalesce(delivered.c.sent, 0),
            func.coalesce(delivered.c.failed, 0),
            func.coalesce(delivered.c.missed, 0),
        )
        .outerjoin(delivered, delivered.c.meeting_id == Meeting.id)
        .where(or_(delivered.c.meeting_id.is_not(None), own, and_(to_come, followers > 0)))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(limit)
    )
    rows = (await session.execute(query)).all()
    return [MeetingTally(r[0], r[1], int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows]


def _count(status: str) -> ColumnElement[int]:
    matches = and_(ReminderDelivery.status == DeliveryStatus(status))
    return func.sum(case((matches, 1), else_=0)).label(status)
