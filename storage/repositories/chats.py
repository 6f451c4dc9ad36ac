"""Chats the bot has talked to: remembered on every update, with the language they chose."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for
from storage.models import Chat


async def remember(
    session: AsyncSession, chat_id: int, kind: str, now: datetime, seen_language: str | None = None
) -> tuple[str | None, str | None]:
    """Record the chat (active again if it had blocked the bot); its chosen language and time
    zone, if any.

    One statement, whatever the chat's history: an upsert that returns the stored settings.
    """
    insert = insert_for(session)
    statement = (
        insert(Chat)
        .values(
            id=chat_id,
            kind=kind,
            is_active=True,
            seen_language=seen_language,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_update(
            index_elements=[Chat.id],
            set_={
                "is_active": True,
                "kind": kind,
                "updated_at": now,
                "seen_language": func.coalesce(seen_language, Chat.seen_language),
            },
        )
        .returning(Chat.language, Chat.time_zone)
    )
    language, zone = (await session.execute(statement)).one()
    return language, zone


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


async def get(session: AsyncSession, chat_id: int) -> Chat | None:
    return await session.get(Chat, chat_id)


async def set_offsets(
    session: AsyncSession, chat_id: int, offsets: str | None, now: datetime
) -> None:
    """The chat's reminder offsets ("1440,60"; None: the default), and since when they hold."""
    chat = await session.get(Chat, chat_id)
    if chat is not None:
        chat.reminder_offsets, chat.offsets_set_at, chat.updated_at = offsets, now, now


async def set_time_zone(
    session: AsyncSession, chat_id: int, zone: str | None, now: datetime
) -> None:
    chat = await session.get(Chat, chat_id)
    if chat is not None:
        chat.time_zone, chat.updated_at = zone, now


async def distinct_offsets(session: AsyncSession) -> list[str | None]:
    """Every offsets value active chats hold (None for the default): a handful at most."""
    query = select(Chat.reminder_offsets).where(Chat.is_active.is_(True)).distinct()
    return list((await session.scalars(query)).all())
