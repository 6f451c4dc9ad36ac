"""What a chat's last answer was about: written with the answer, read by the next question.

One row per conversation, replaced by an answer about other meetings; a row past its expiry is
as good as none. It is read by the update's first look (storage.repositories.arrivals).
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


async def forget(session: AsyncSession, conversation_id: int) -> None:
    await session.execute(delete(Conversation).where(Conversation.id == conversation_id))
