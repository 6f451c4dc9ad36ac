"""What a chat's last answer was about: written with the answer, read by the next question.

One row per conversation, replaced by every answer about meetings; a row past its expiry is as
good as none. The caller passes `now`, as everywhere in storage.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Conversation

# More ids than a follow-up answer ever uses would only grow the row.
MAX_IDS = 5


async def remember(
    session: AsyncSession, conversation_id: int, meeting_ids: Sequence[int], expires_at: datetime
) -> None:
    """Replace the conversation's meetings (one upsert statement)."""
    ids = ",".join(str(meeting_id) for meeting_id in meeting_ids[:MAX_IDS])
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(Conversation)
        .values(id=conversation_id, meeting_ids=ids, expires_at=expires_at)
        .on_conflict_do_update(
            index_elements=[Conversation.id],
            set_={"meeting_ids": ids, "expires_at": expires_at},
        )
    )
    await session.execute(statement)


async def recall(session: AsyncSession, conversation_id: int, now: datetime) -> list[int]:
    """The meeting ids of the last answer, or [] when there was none or it has expired."""
    row = await session.get(Conversation, conversation_id)
    if row is None or row.expires_at <= now:
        return []
    return [int(part) for part in row.meeting_ids.split(",") if part.isdigit()]


async def forget(session: AsyncSession, conversation_id: int) -> None:
    await session.execute(delete(Conversation).where(Conversation.id == conversation_id))
