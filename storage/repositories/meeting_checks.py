"""What must be true before a meeting is written or deleted, asked of the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import DeliveryStatus, Meeting, ReminderDelivery


async def same_title_and_start(
    session: AsyncSession, title_en: str, starts_at: datetime, *, other_than: int | None = None
) -> int | None:
    """The id of another meeting with this title and start, if there is one."""
    query = select(Meeting.id).where(Meeting.title_en == title_en, Meeting.starts_at == starts_at)
    if other_than is not None:
        query = query.where(Meeting.id != other_than)
    return await session.scalar(query.limit(1))


async def uid_taken(session: AsyncSession, uid: str) -> bool:
    return bool(await session.scalar(select(exists().where(Meeting.uid == uid))))


async def was_reminded(session: AsyncSession, meeting_id: int) -> bool:
    """Someone has already been told about this meeting by a reminder."""
    sent = exists().where(
        ReminderDelivery.meeting_id == meeting_id,
        ReminderDelivery.status == DeliveryStatus.SENT,
    )
    return bool(await session.scalar(select(sent)))


async def lock(session: AsyncSession, meeting_id: int) -> None:
    """Hold the meeting's row until the transaction ends (PostgreSQL; SQLite locks on write)."""
    await session.execute(select(Meeting.id).where(Meeting.id == meeting_id).with_for_update())
