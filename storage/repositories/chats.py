"""Chats the bot has talked to: remembered on every update, with the language they chose."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, String, bindparam, delete, func, inspect, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import ReturningInsert

from storage.dialects import insert_for, insert_of
from storage.models import CHAT_OWNED, Chat
from storage.repositories.arrivals import StoredChat
from storage.types import UTCDateTime


async def remember(
    session: AsyncSession,
    chat_id: int,
    kind: str,
    now: datetime,
    seen_language: str | None = None,
    stored: StoredChat | None = None,
) -> tuple[str | None, str | None]:
    """Record the chat (active again if it had blocked the bot); its chosen language and time
    zone, if any.

    `stored` is the row as the update's first look read it (storage.repositories.arrivals):
    when it is active, of this kind and with this seen language, nothing is written and its
    settings are returned as read. Otherwise one statement, whatever the chat's history: an
    upsert that returns the stored settings.
    """
    if stored is not None and _unchanged(stored, kind, seen_language):
        return stored.language, stored.time_zone
    values = {"chat_id": chat_id, "kind": kind, "seen_language": seen_language, "now": now}
    statement = _upsert(session.get_bind().dialect.name)
    language, zone = (await session.execute(statement, values)).one()
    return language, zone


@cache
def _upsert(dialect: str) -> ReturningInsert[str | None, str | None]:
    """The chat's upsert, built once per dialect: it runs for every new or changed chat, and
    building it took longer than SQLite takes to run it. Parameters: chat_id, kind,
    seen_language, now."""
    now = bindparam("now", type_=UTCDateTime())
    kind, seen = bindparam("kind", type_=String()), bindparam("seen_language", type_=String())
    return (
        insert_of(dialect)(Chat)
        .values(
            id=bindparam("chat_id", type_=BigInteger()),
            kind=kind,
            is_active=True,
            seen_language=seen,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_update(
            index_elements=[Chat.id],
            set_={
                "is_active": True,
                "kind": kind,
                "updated_at": now,
                "seen_language": func.coalesce(seen, Chat.seen_language),
            },
        )
        .returning(Chat.language, Chat.time_zone)
    )


def _unchanged(stored: StoredChat, kind: str, seen_language: str | None) -> bool:
    same_language = seen_language is None or seen_language == stored.seen_language
    return stored.is_active and stored.kind == kind and same_language


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


async def migrate(session: AsyncSession, old_id: int, new_id: int, now: datetime) -> None:
    """A group became a supergroup (Telegram's migrate_to_chat_id): the chat with every setting
    it has, and the rows of every chat-owned table (storage.models.CHAT_OWNED), move to the new
    id; the old id is dead. A new id that already wrote to the bot keeps its own settings."""
    old = await session.get(Chat, old_id)
    if old is None:
        return
    copied = {column.key: getattr(old, column.key) for column in inspect(Chat).column_attrs}
    moved = {**copied, "id": new_id, "kind": "supergroup", "is_active": True, "updated_at": now}
    await session.execute(insert_for(session)(Chat).values(**moved).on_conflict_do_nothing())
    for model in CHAT_OWNED:
        await _move_rows(session, model, old_id, new_id)
    await session.delete(old)


async def _move_rows(session: AsyncSession, model: type[Any], old_id: int, new_id: int) -> None:
    # Rows the new id already has (it subscribed itself meanwhile) stay; the old ones go.
    try:
        async with session.begin_nested():
            await session.execute(
                update(model).where(model.chat_id == old_id).values(chat_id=new_id)
            )
    except IntegrityError:
        await session.execute(delete(model).where(model.chat_id == old_id))
