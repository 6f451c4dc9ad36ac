"""The first look at an update: what is stored about its chat, whether its sender has an
admin's draft (a guided dialog or a preview), and the chat's follow-up context, in one statement.

With it an update writes only what changed (issue 21): a chat seen before, unchanged, is not
written again, nor a context that says what it already says; a repeated question from a known
chat costs two reads (this one and its answer) and no write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import BigInteger, Select, bindparam, exists, false, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AdminDraft, Chat, Conversation


@dataclass(frozen=True)
class StoredChat:
    kind: str
    is_active: bool
    seen_language: str | None
    language: str | None
    time_zone: str | None


@dataclass(frozen=True)
class StoredContext:
    # Most relevant first, as conversations.remember wrote them.
    meeting_ids: tuple[int, ...]
    expires_at: datetime

    def ids_at(self, now: datetime) -> list[int]:
        """The ids, or [] once the context has expired."""
        return list(self.meeting_ids) if self.expires_at > now else []


@dataclass(frozen=True)
class Arrival:
    chat: StoredChat | None = None
    # The sender has a draft: a guided dialog open, or a preview waiting for Save (admins only;
    # False when nobody asked). Only then is the message read as an answer to either.
    has_draft: bool = False
    context: StoredContext | None = None


async def look(
    session: AsyncSession,
    chat_id: int | None,
    *,
    dialog_of: int | None = None,
    conversation_id: int | None = None,
) -> Arrival:
    """One SELECT: the chat's row (None: never seen), whether user `dialog_of` has a draft (a
    guided dialog or a preview; not asked when None), and conversation `conversation_id`'s
    stored context."""
    statement = _first_look(
        chat_id is not None, dialog_of is not None, conversation_id is not None
    )
    values = {"chat_id": chat_id, "dialog_of": dialog_of, "conversation_id": conversation_id}
    row = (await session.execute(statement, values)).one()
    chat = StoredChat(*row[:5]) if row.kind is not None else None
    context = (
        StoredContext(_ids(row.meeting_ids), row.expires_at)
        if row.meeting_ids is not None
        else None
    )
    return Arrival(chat, bool(row.has_draft), context)


# The columns of the first look: the chat's five, has_draft, and the context's two.
FirstLook = Select[str, bool, str | None, str | None, str | None, bool, str, datetime]


@cache
def _first_look(chat: bool, dialog: bool, conversation: bool) -> FirstLook:
    """The statement for what is asked (a part not asked joins nothing), built once: it runs
    for every update, and building it cost more than running it. Parameters: chat_id,
    dialog_of, conversation_id."""
    has_draft = (
        exists().where(AdminDraft.admin_id == bindparam("dialog_of", type_=BigInteger()))
        if dialog
        else false()
    )
    chat_id = bindparam("chat_id", type_=BigInteger())
    conversation_id = bindparam("conversation_id", type_=BigInteger())
    one = select(literal(1).label("one")).subquery()
    return (
        select(
            Chat.kind,
            Chat.is_active,
            Chat.seen_language,
            Chat.language,
            Chat.time_zone,
            has_draft.label("has_draft"),
            Conversation.meeting_ids,
            Conversation.expires_at,
        )
        .select_from(one)
        .outerjoin(Chat, Chat.id == chat_id if chat else false())
        .outerjoin(Conversation, Conversation.id == conversation_id if conversation else false())
    )


def _ids(stored: str) -> tuple[int, ...]:
    return tuple(int(part) for part in stored.split(",") if part.isdigit())
