"""Notices of changes to meetings: written with the change, one per subscribed chat, then sent.

Each row is unique per change and chat, so a change is told once. A process takes pending rows
by stamping `claimed_at` and its holder (on PostgreSQL with FOR UPDATE SKIP LOCKED, so two
processes never take the same row); a claim whose holder is gone is taken over at once, and any
claim older than the lease is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CTE, ColumnElement, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat, Notice
from storage.repositories import claims
from storage.repositories.followers import follows

# The notices that carry a meeting's outcome (bot.services.documents.outcomes).
OUTCOME = "outcome"


@dataclass(frozen=True)
class Pending:
    notice_id: int
    change_id: int
    kind: str
    meeting_id: int
    chat_id: int
    before: dict[str, Any] | None


async def add_for_subscribers(
    session: AsyncSession,
    *,
    change_id: int,
    kind: str,
    meeting_id: int,
    before: dict[str, Any] | None,
    now: datetime,
) -> int:
    """A pending notice for every active chat that follows the meeting
    (storage.repositories.followers). The number of notices written."""
    told = claims.Told(change_id, kind, meeting_id, before, now)
    return await add_for_followers(session, [told])


async def add_for_followers(session: AsyncSession, told: Sequence[claims.Told]) -> int:
    """A pending notice of each change for every active chat that follows its meeting
    (storage.repositories.followers), many changes a statement. The number written."""

    def following(changes: CTE) -> ColumnElement[bool]:
        return and_(Chat.is_active.is_(True), follows(Chat.id, changes.c.meeting_id))

    return await claims.add_for_changes(session, Notice, told, Chat.id, following)


async def add_for_chats(
    session: AsyncSession,
    chat_ids: Sequence[int],
    *,
    change_id: int,
    kind: str,
    meeting_id: int,
    before: dict[str, Any] | None,
    now: datetime,
) -> int:
    """A pending notice for each of these chats that is active (a linked channel told of an
    outcome). The number of notices written."""
    told = claims.Told(change_id, kind, meeting_id, before, now)
    return await _add_for(session, told, Chat.id.in_(list(chat_ids)))


async def _add_for(session: AsyncSession, told: claims.Told, chosen: ColumnElement[bool]) -> int:
    chats = claims.change_rows(told, Chat.id).where(Chat.is_active.is_(True), chosen)
    return await claims.add_for_change(session, Notice, chats)


async def claim(
    session: AsyncSession,
    now: datetime,
    lease: timedelta,
    limit: int,
    *,
    holder: str,
    outcomes: bool = False,
) -> list[Pending]:
    """Take up to `limit` pending notices for `holder`: those nobody took, those whose holder
    is gone, and those claimed longer than `lease` ago. Outcomes (kind "outcome", a delivery
    kind of their own) with `outcomes`, the other notices without."""
    free = or_(Notice.claimed_at.is_(None), claims.abandoned(Notice, now, lease, holder))
    of_kind = Notice.kind == OUTCOME if outcomes else Notice.kind != OUTCOME
    free = and_(free, of_kind)
    columns = (Notice.id, Notice.change_id, Notice.kind, Notice.meeting_id, Notice.chat_id,
               Notice.before)  # fmt: skip
    taken = await claims.take(session, Notice, free, now, limit, columns, holder=holder)
    return [Pending(*row) for row in taken]


finish = claims.finisher(Notice)
renew = claims.renewer(Notice)
