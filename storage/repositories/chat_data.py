"""Everything stored about one chat, and forgetting it (/mydata, /forget).

Derived from the declarations in storage.models, never listed here: the `chats` row, the rows
of every chat-owned table (`CHAT_OWNED`, so a table added there shows up and is forgotten with
no change to this module) and the chat's conversation context (`conversations`, keyed by the
chat's id). The audit log is not the chat's: an admin's past changes keep their author's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CHAT_OWNED, Base, Chat, Conversation

# Kept by the chat's id but with no foreign key to `chats` (a front end without a chat row
# keeps context too): what else belongs to the chat, by the column that holds its id.
KEYED_BY_CHAT: tuple[tuple[type[Base], str], ...] = ((Conversation, "id"),)


@dataclass(frozen=True)
class StoredRows:
    table: str
    # Each row as column name to value, in the table's column order; the chat's id left out.
    rows: tuple[tuple[tuple[str, Any], ...], ...]


def _owners() -> tuple[tuple[type[Base], str], ...]:
    return ((Chat, "id"), *((model, "chat_id") for model in CHAT_OWNED), *KEYED_BY_CHAT)


async def stored_about(session: AsyncSession, chat_id: int) -> list[StoredRows]:
    """Every row about the chat, table by table (tables with no row left out)."""
    found = []
    for model, key in _owners():
        column = getattr(model, key)
        rows = (await session.scalars(select(model).where(column == chat_id))).all()
        if rows:
            found.append(StoredRows(model.__tablename__, tuple(_values(row, key) for row in rows)))
    return found


async def forget(session: AsyncSession, chat_id: int) -> int:
    """Delete every row about the chat, the chat's own row last; the number deleted."""
    deleted = 0
    for model, key in reversed(_owners()):
        result = await session.execute(delete(model).where(getattr(model, key) == chat_id))
        deleted += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return deleted


def _values(row: Base, key: str) -> tuple[tuple[str, Any], ...]:
    columns = inspect(type(row)).column_attrs
    return tuple((column.key, getattr(row, column.key)) for column in columns if column.key != key)
