"""Chats the bot has talked to: remembered on every update, with the language they chose."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat


async def remember(session: AsyncSession, chat_id: int, kind: str, now: datetime) -> str | None:
    """Record the chat (active again if it had blocked the bot); its chosen language, if any.

    One statement, whatever the chat's history: an upsert that returns the stored language.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(Chat)
        .values(id=chat_id, kind=kind, is_active=True, created_at=now, updated_at=now)
        .on_conflict_do_update(
            index_elements=[Chat.id], set_={"is_active": True, "kind": kind, "updated_at": now}
        )
        .returning(Chat.language)
    )
    return await session.scalar(statement)


async def set_language(
    session: AsyncSession, chat_id: int, language: str | None, now: datetime
) -> None:
    chat = await session.get(Chat, chat_id)
    if chat is not None:
        chat.language, chat.updated_at = language, now


async def deactivate(session: AsyncSession, chat_id: int, now: datetime) -> None:
    chat = await session.get(Chat, chat_id)
    if chat is not None:
        chat.is_active, chat.updated_at = False, now
