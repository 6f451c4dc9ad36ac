"""What /mydata shows and /forget deletes is derived from the declarations (CHAT_OWNED, the
chats row, the conversation kept by the chat's id), on each backend; nothing of another chat,
and nothing of the audit log, is touched."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from storage.database import Database
from storage.models import (
    CHAT_OWNED,
    AuditEntry,
    Base,
    Chat,
    Conversation,
    Meeting,
)
from storage.repositories import chat_data
from tests.support.chat_rows import chat_owned_rows
from tests.support.factories import STAMP

MINE, OTHER = 7001, 7002


def _chat(chat_id: int) -> Chat:
    return Chat(
        id=chat_id, kind="private", time_zone="Asia/Almaty", created_at=STAMP, updated_at=STAMP
    )


def _rows_of(chat_id: int, meeting_id: int) -> list[Base]:
    expires = STAMP + timedelta(days=3)
    context = Conversation(id=chat_id, meeting_ids=str(meeting_id), expires_at=expires)
    return [*chat_owned_rows(chat_id, meeting_id), context]


async def _seed(database: Database) -> None:
    async with database.sessions.begin() as session:
        meeting_id = await session.scalar(select(Meeting.id).limit(1))
        assert meeting_id is not None
        session.add_all([_chat(MINE), _chat(OTHER)])
        await session.flush()
        session.add_all([*_rows_of(MINE, meeting_id), *_rows_of(OTHER, meeting_id)])
        session.add(AuditEntry(at=STAMP, actor_id=MINE, action="add", meeting_id=meeting_id))


async def test_everything_stored_about_a_chat_is_shown(database: Database) -> None:
    await _seed(database)
    async with database.sessions() as session:
        stored = await chat_data.stored_about(session, MINE)
    tables = [found.table for found in stored]
    assert tables == ["chats", *(m.__tablename__ for m in CHAT_OWNED), "conversations"]
    chat = dict(stored[0].rows[0])
    assert chat["time_zone"] == "Asia/Almaty" and "id" not in chat
    assert all(len(found.rows) == 1 for found in stored)
    assert all("chat_id" not in dict(found.rows[0]) for found in stored)


async def test_forgetting_a_chat_deletes_its_rows_only(database: Database) -> None:
    await _seed(database)
    async with database.sessions.begin() as session:
        deleted = await chat_data.forget(session, MINE)
    assert deleted == 2 + len(CHAT_OWNED)
    async with database.sessions() as session:
        assert await chat_data.stored_about(session, MINE) == []
        assert len(await chat_data.stored_about(session, OTHER)) == 2 + len(CHAT_OWNED)
        audit = await session.scalar(select(func.count()).select_from(AuditEntry))
        author = await session.scalar(select(AuditEntry.actor_id))
    assert (audit, author) == (1, MINE)
