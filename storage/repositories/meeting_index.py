"""Every meeting, cancelled ones too, a page at a time: what admins list with /events."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Meeting


async def page(session: AsyncSession, *, offset: int, limit: int) -> Sequence[Meeting]:
    query = select(Meeting).order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    return (await session.scalars(query.offset(offset).limit(limit))).all()


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Meeting)) or 0)
