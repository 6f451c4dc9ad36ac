"""Personal calendar feeds: a chat's secret token, made on first ask, replaced by a reset."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for
from storage.models import CalendarFeed, Chat

# 32 bytes of randomness, URL-safe: the URL is the only key to what a chat follows.
TOKEN_BYTES = 32


async def token_of(session: AsyncSession, chat_id: int, now: datetime) -> str:
    """The chat's token; a new one when it has none (two asks at once keep one)."""
    statement = (
        insert_for(session)(CalendarFeed)
        .values(chat_id=chat_id, token=secrets.token_urlsafe(TOKEN_BYTES), created_at=now)
        .on_conflict_do_nothing()
    )
    await session.execute(statement)
    token = await session.scalar(select(CalendarFeed.token).where(CalendarFeed.chat_id == chat_id))
    assert token is not None
    return token


async def reset(session: AsyncSession, chat_id: int, now: datetime) -> str:
    """A new token for the chat: the old URL stops working."""
    await session.execute(delete(CalendarFeed).where(CalendarFeed.chat_id == chat_id))
    return await token_of(session, chat_id, now)


async def chat_of(session: AsyncSession, token: str) -> Chat | None:
    """The active chat whose feed `token` opens, if any."""
    query = (
        select(Chat)
        .join(CalendarFeed, CalendarFeed.chat_id == Chat.id)
        .where(CalendarFeed.token == token, Chat.is_active.is_(True))
    )
    return await session.scalar(query)
