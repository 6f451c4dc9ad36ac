"""What a chat's last answer was about: written with the answer, read by the next question.

One row per conversation, replaced by an answer about other meetings; a row past its expiry is
as good as none. It is read by the update's first look (storage.repositories.arrivals).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache

from sqlalchemy import BigInteger, String, bindparam, delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

from storage.dialects import insert_of
from storage.models import Conversation
from storage.types import UTCDateTime

# More ids than a follow-up answer ever uses would only grow the row.
MAX_IDS = 5


async def remember(
    session: AsyncSession, conversation_id: int, meeting_ids: Sequence[int], expires_at: datetime
) -> None:
    """Replace the conversation's meetings (one upsert statement)."""
    ids = ",".join(str(meeting_id) for meeting_id in meeting_ids[:MAX_IDS])
    values = {"conversation_id": conversation_id, "meeting_ids": ids, "expires_at": expires_at}
    await session.execute(_upsert(session.get_bind().dialect.name), values)


@cache
def _upsert(dialect: str) -> Insert:
    """The upsert, built once per dialect (it runs after most answers, and building it cost
    more than running it). Parameters: conversation_id, meeting_ids, expires_at."""
    ids = bindparam("meeting_ids", type_=String())
    expires_at = bindparam("expires_at", type_=UTCDateTime())
    return (
        insert_of(dialect)(Conversation)
        .values(
            id=bindparam("conversation_id", type_=BigInteger()),
            meeting_ids=ids,
            expires_at=expires_at,
        )
        .on_conflict_do_update(
            index_elements=[Conversation.id], set_={"meeting_ids": ids, "expires_at": expires_at}
        )
    )


async def forget(session: AsyncSession, conversation_id: int) -> None:
    await session.execute(delete(Conversation).where(Conversation.id == conversation_id))
