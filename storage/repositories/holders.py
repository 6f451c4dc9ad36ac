"""Claim holders: a row per running process that claims deliveries, kept alive by its heartbeat.

A holder promises to beat again before `expires_at`; one that did not (killed, frozen, cut off
from the database) or that released its claims (a clean stop) no longer holds anything, and
its claims are taken over at once (storage.repositories.claims.held_by_nobody).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, exists, func, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for
from storage.models import ClaimHolder


async def beat(session: AsyncSession, holder_id: str, now: datetime, expires_at: datetime) -> None:
    """Register `holder_id` (started `now`) or move its expiry on to `expires_at`. A released
    holder stays released: its claims may already be another's."""
    statement = insert_for(session)(ClaimHolder).values(
        id=holder_id, started_at=now, expires_at=expires_at
    )
    statement = statement.on_conflict_do_update(
        index_elements=[ClaimHolder.id],
        set_={"expires_at": expires_at},
        where=ClaimHolder.released_at.is_(None),
    )
    await session.execute(statement)


async def release(session: AsyncSession, holder_id: str, now: datetime) -> None:
    """Everything `holder_id` claimed and has not finished is free from `now` on."""
    await session.execute(
        update(ClaimHolder)
        .where(ClaimHolder.id == holder_id, ClaimHolder.released_at.is_(None))
        .values(released_at=now)
    )


async def prune(session: AsyncSession, before: datetime) -> int:
    """Forget holders gone (expired or released) before `before`; the number forgotten. A claim
    naming a forgotten holder is free, as it was already."""
    gone = func.coalesce(ClaimHolder.released_at, ClaimHolder.expires_at) < before
    result = await session.execute(delete(ClaimHolder).where(gone))
    return int(getattr(result, "rowcount", 0) or 0)


def alive(holder_id: ColumnElement[str | None], now: datetime) -> ColumnElement[bool]:
    """True where `holder_id` names a holder that has neither expired nor released at `now`."""
    return exists().where(
        ClaimHolder.id == holder_id,
        ClaimHolder.released_at.is_(None),
        ClaimHolder.expires_at >= now,
    )


def held_by_nobody(
    holder_id: ColumnElement[str | None], now: datetime, me: str
) -> ColumnElement[bool]:
    """A claim whose holder is gone: named (claims from before holders have only their lease),
    not `me` (my own claims are mine while I run), and not alive."""
    return and_(
        holder_id.is_not(None),
        holder_id != me,
        ~alive(holder_id, now),
    )
