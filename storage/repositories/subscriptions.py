"""Which chats want reminders of which meetings (meeting_id None: every scheduled meeting)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for
from storage.models import Meeting, Subscription


async def subscribe(
    session: AsyncSession, chat_id: int, meeting_id: int | None, now: datetime
) -> bool:
    """Subscribe the chat to one meeting, or to every one (None); False when it already was.

    The unique keys decide (one on chat and meeting, a partial one for "every meeting"), so two
    presses at once still make one row.
    """
    statement = (
        insert_for(session)(Subscription)
        .values(chat_id=chat_id, meeting_id=meeting_id, created_at=now)
        .on_conflict_do_nothing()
        .returning(Subscription.id)
    )
    return await session.scalar(statement) is not None


async def unsubscribe(session: AsyncSession, chat_id: int, meeting_id: int | None) -> int:
    """Remove the chat's subscription to one meeting, or to every one (None); rows removed."""
    statement = delete(Subscription).where(Subscription.chat_id == chat_id)
    if meeting_id is None:
        statement = statement.where(Subscription.meeting_id.is_(None))
    else:
        statement = statement.where(Subscription.meeting_id == meeting_id)
    result = await session.execute(statement)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def unsubscribe_all(session: AsyncSession, chat_id: int) -> int:
    result = await session.execute(delete(Subscription).where(Subscription.chat_id == chat_id))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def of_chat(
    session: AsyncSession, chat_id: int, now: datetime, limit: int
) -> tuple[bool, Sequence[Meeting]]:
    """Whether the chat has "every meeting"; its single meetings to come, soonest first."""
    every = await session.scalar(
        select(Subscription.id).where(
            Subscription.chat_id == chat_id, Subscription.meeting_id.is_(None)
        )
    )
    query = (
        select(Meeting)
        .join(Subscription, Subscription.meeting_id == Meeting.id)
        .where(Subscription.chat_id == chat_id, Meeting.starts_at >= now)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    return every is not None, (await session.scalars(query)).all()
