"""Notices of a deleted meeting: who had heard of it (read before its rows go with it), and the
notices themselves, claimed like any other (storage.repositories.claims)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat, DeliveryStatus, Notice, RemovalNotice, Subscription
from storage.repositories import claims
from storage.repositories.notices import Pending


async def told_of(session: AsyncSession, meeting_id: int) -> list[int]:
    """The chats that heard of the meeting: a notice of it was sent there (or is being sent:
    how a send ended is written a moment later), or they follow it alone (a chat following
    every meeting heard of it only if its announcement went out)."""
    sending = and_(Notice.status == DeliveryStatus.PENDING, Notice.claimed_at.is_not(None))
    noticed = select(Notice.chat_id).where(
        Notice.meeting_id == meeting_id, or_(Notice.status == DeliveryStatus.SENT, sending)
    )
    following = select(Subscription.chat_id).where(Subscription.meeting_id == meeting_id)
    found = await session.scalars(union(noticed, following))
    return sorted(found)


async def add(
    session: AsyncSession,
    *,
    change_id: int,
    meeting_id: int,
    chat_ids: Sequence[int],
    before: dict[str, Any] | None,
    now: datetime,
) -> int:
    """A pending notice of the delete for each of `chat_ids` still active; the number written."""
    if not chat_ids:
        return 0
    told = claims.Told(change_id, "deleted", meeting_id, before, now)
    rows = claims.change_rows(told, Chat.id).where(Chat.id.in_(chat_ids), Chat.is_active.is_(True))
    return await claims.add_for_change(session, RemovalNotice, rows)


async def claim(
    session: AsyncSession, now: datetime, lease: timedelta, limit: int, *, holder: str
) -> list[Pending]:
    free = or_(
        RemovalNotice.claimed_at.is_(None), claims.abandoned(RemovalNotice, now, lease, holder)
    )
    columns = (RemovalNotice.id, RemovalNotice.change_id, RemovalNotice.kind,
               RemovalNotice.meeting_id, RemovalNotice.chat_id, RemovalNotice.before)  # fmt: skip
    taken = await claims.take(session, RemovalNotice, free, now, limit, columns, holder=holder)
    return [Pending(*row) for row in taken]


finish = claims.finisher(RemovalNotice)
renew = claims.renewer(RemovalNotice)
