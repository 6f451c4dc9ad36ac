"""Which chats want reminders of which meetings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Subscription


async def subscribe(session: AsyncSession, chat_id: int, meeting_id: int, now: datetime) -> bool:
    """Subscribe the chat to the meeting; False when it already was.

    The unique key on (chat, meeting) decides, so two presses at once still make one row.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(Subscription)
        .values(chat_id=chat_id, meeting_id=meeting_id, created_at=now)
        .on_conflict_do_nothing(index_elements=[Subscription.chat_id, Subscription.meeting_id])
        .returning(Subscription.id)
    )
    return await session.scalar(statement) is not None


async def count_for_meeting(session: AsyncSession, meeting_id: int) -> int:
    query = (
        select(func.count()).select_from(Subscription).where(Subscription.meeting_id == meeting_id)
    )
    return int(await session.scalar(query) or 0)
