"""Meetings as calendars see them: the whole schedule, and meetings by their calendar UIDs."""

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


# Enough ids for one statement on either database (SQLite binds up to 32,766 parameters).
UIDS_PER_QUERY = 1_000


async def by_uids(session: AsyncSession, uids: Sequence[str]) -> dict[str, Meeting]:
    """The meetings with these uids, by uid: a query per thousand, not one per uid."""
    found: dict[str, Meeting] = {}
    wanted = sorted(set(uids))
    for start in range(0, len(wanted), UIDS_PER_QUERY):
        chunk = wanted[start : start + UIDS_PER_QUERY]
        for meeting in await session.scalars(select(Meeting).where(Meeting.uid.in_(chunk))):
            found[meeting.uid] = meeting
    return found
