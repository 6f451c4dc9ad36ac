"""Chat-owned data is declared once (storage.models.CHAT_OWNED): a group that becomes a
supergroup takes every setting and every chat-owned row to its new id, on each backend."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import inspect, select

from storage.database import Database
from storage.models import (
    CHAT_OWNED,
    Base,
    Chat,
    Meeting,
)
from storage.repositories import chats
from tests.support.chat_rows import chat_owned_rows
from tests.support.factories import STAMP

OLD, NEW = -4001, -1004001
MOVED_AT = STAMP + timedelta(days=1)


def test_every_model_with_a_chat_foreign_key_is_declared_chat_owned() -> None:
    keyed = {
        mapper.class_
        for mapper in Base.registry.mappers
        if any(key.column.table.name == "chats" for key in mapper.local_table.foreign_keys)
    }
    assert keyed == set(CHAT_OWNED)


async def test_a_migrated_chat_keeps_every_setting_and_every_row(database: Database) -> None:
    async with database.sessions.begin() as session:
        meeting_id = await session.scalar(select(Meeting.id).limit(1))
        assert meeting_id is not None
        session.add(_group_with_every_setting())
        await session.flush()
        session.add_all(chat_owned_rows(OLD, meeting_id))
    async with database.sessions.begin() as session:
        await chats.migrate(session, OLD, NEW, MOVED_AT)

    async with database.sessions() as session:
        old, new = await session.get(Chat, OLD), await session.get(Chat, NEW)
        owners = [list(await session.scalars(select(model.chat_id))) for model in CHAT_OWNED]
    assert old is None and new is not None
    assert (new.kind, new.is_active, new.updated_at) == ("supergroup", True, MOVED_AT)
    renewed = {"id", "kind", "is_active", "updated_at"}
    for column in inspect(Chat).column_attrs:
        if column.key not in renewed:
            assert getattr(new, column.key) == getattr(_group_with_every_setting(), column.key)
    assert owners == [[NEW]] * len(CHAT_OWNED)


def _group_with_every_setting() -> Chat:
    """Every column set (none left at its default), so that a column migrate forgot shows."""
    return Chat(
        id=OLD,
        kind="group",
        language="ru",
        seen_language="en",
        time_zone="Asia/Almaty",
        reminder_offsets="1440,60",
        offsets_set_at=STAMP - timedelta(days=2),
        is_active=False,
        digest_day=4,
        digest_hour=18,
        digest_set_at=STAMP - timedelta(days=1),
        created_at=STAMP - timedelta(days=30),
        updated_at=STAMP,
    )
