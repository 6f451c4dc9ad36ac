"""The schedule's version: what changes whenever any meeting is added, changed or deleted.

Every change of a meeting raises its SEQUENCE and sets `updated_at` (bot.services.meetings
.changes); a deletion lowers the count. One aggregate query, cheap enough for every request of
the calendar feed, which is rebuilt only when this changes.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Meeting


class ScheduleVersion(NamedTuple):
    meetings: int
    last_id: int | None
    sequences: int
    # The latest change; None for an empty schedule.
    last_modified: datetime | None


async def schedule_version(session: AsyncSession) -> ScheduleVersion:
    query = select(
        func.count(Meeting.id),
        func.max(Meeting.id),
        func.coalesce(func.sum(Meeting.sequence), 0),
        func.max(Meeting.updated_at),
    )
    count, last_id, sequences, last_modified = (await session.execute(query)).one()
    return ScheduleVersion(int(count), last_id, int(sequences), last_modified)
