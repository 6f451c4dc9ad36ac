"""The trail of changes to meetings: written by bot.services.meeting_writes.changes, read by
/audit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


def record(
    session: AsyncSession,
    *,
    at: datetime,
    actor_id: int | None,
    action: str,
    meeting_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    entry = AuditEntry(
        at=at, actor_id=actor_id, action=action, meeting_id=meeting_id, before=before, after=after
    )
    session.add(entry)
    return entry


async def record_many(
    session: AsyncSession, entries: Sequence[Mapping[str, Any]]
) -> dict[int | None, int]:
    """Entries (AuditEntry's columns), each of a different meeting, in one INSERT; their ids by
    meeting id. ValueError: two entries of one meeting (their ids could not be told apart)."""
    if len({entry["meeting_id"] for entry in entries}) != len(entries):
        raise ValueError("two audit entries of one meeting in one insert")
    statement = insert(AuditEntry).returning(AuditEntry.meeting_id, AuditEntry.id)
    return {
        meeting_id: entry_id for meeting_id, entry_id in await session.execute(statement, entries)
    }


async def latest(session: AsyncSession, limit: int) -> Sequence[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    return (await session.scalars(query)).all()


async def latest_id(session: AsyncSession) -> int:
    """The id of the latest entry (every admin change and import writes one); 0 for none."""
    return int(await session.scalar(select(func.max(AuditEntry.id))) or 0)


async def last_change_id(session: AsyncSession, meeting_id: int) -> int:
    """The id of the meeting's latest entry; 0 when it has none (a bundled meeting)."""
    query = select(func.max(AuditEntry.id)).where(AuditEntry.meeting_id == meeting_id)
    return int(await session.scalar(query) or 0)


async def changes_since(
    session: AsyncSession, meeting_id: int, after_id: int
) -> Sequence[AuditEntry]:
    """The meeting's entries newer than `after_id`, oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.meeting_id == meeting_id, AuditEntry.id > after_id)
        .order_by(AuditEntry.id)
    )
    return (await session.scalars(query)).all()
