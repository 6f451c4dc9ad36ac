"""Meetings as calendars see them: the whole schedule, and a meeting by its calendar UID."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Meeting


async def every_meeting(session: AsyncSession) -> Sequence[Meeting]:
    """Every meeting, past and cancelled ones too, soonest first.

    No limit, unlike the other queries: a calendar file that silently lost meetings would be
    worse than a long one, and one centre's meetings number in the hundreds at most.
    """
    query = select(Meeting).order_by(Meeting.starts_at, Meeting.id)
    return (await session.scalars(query)).all()


async def by_uid(session: AsyncSession, uid: str) -> Meeting | None:
    return await session.scalar(select(Meeting).where(Meeting.uid == uid))
