"""Meetings next to a given one, and meetings by id: for "the one after the fifth" and follow-ups.

Each is one indexed query with a limit.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Meeting, MeetingStatus
from storage.repositories.meetings import titled


async def neighbour(session: AsyncSession, meeting: Meeting, *, after: bool) -> Meeting | None:
    """The scheduled meeting of the same series right after (or before) `meeting`, by date.

    A meeting with no series is compared with every meeting without one.
    """
    query = select(Meeting).where(
        Meeting.status == MeetingStatus.SCHEDULED,
        Meeting.id != meeting.id,
        Meeting.series == meeting.series if meeting.series else Meeting.series.is_(None),
    )
    if after:
        query = query.where(Meeting.starts_at > meeting.starts_at).order_by(
            Meeting.starts_at, Meeting.id
        )
    else:
        query = query.where(Meeting.starts_at < meeting.starts_at).order_by(
            Meeting.starts_at.desc(), Meeting.id.desc()
        )
    return await session.scalar(query.limit(1))


async def by_ids(session: AsyncSession, ids: Sequence[int]) -> list[Meeting]:
    """The meetings with these ids that still exist, in the order of `ids`."""
    if not ids:
        return []
    found = {m.id: m for m in await session.scalars(select(Meeting).where(Meeting.id.in_(ids)))}
    return [found[meeting_id] for meeting_id in ids if meeting_id in found]


async def untitled_ordinals(
    session: AsyncSession, pieces: Sequence[str], limit: int
) -> Sequence[Meeting]:
    """Meetings with no ordinal whose title may name one ("Eighth annual ...", «Восьмая ...»)."""
    query = (
        select(Meeting)
        .where(Meeting.ordinal.is_(None), titled(pieces))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(limit)
    )
    return (await session.scalars(query)).all()
