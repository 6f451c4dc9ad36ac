"""What the send-time check reads for a batch of queued messages: their meetings, their chats
and those chats' subscriptions, a few indexed lookups per batch (not per message)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat, Meeting
from storage.repositories import meetings
from storage.repositories.followers import followed_by

# SQLite takes a bounded number of parameters a statement.
CHUNK = 500


@dataclass
class SendState:
    meetings: dict[int, Meeting] = field(default_factory=dict)
    chats: dict[int, Chat] = field(default_factory=dict)
    # Per chat: the meetings it follows (None: every meeting).
    subscribed: dict[int, set[int | None]] = field(default_factory=dict)

    def follows(self, chat_id: int, meeting_id: int) -> bool:
        """The chat follows the meeting (storage.repositories.followers)."""
        held = self.subscribed.get(chat_id, set())
        return None in held or meeting_id in held


async def send_state(
    session: AsyncSession, meeting_ids: Iterable[int], chat_ids: Iterable[int]
) -> SendState:
    state = SendState()
    for chunk in _chunks(meeting_ids):
        state.meetings.update((m.id, m) for m in await meetings.by_ids(session, chunk))
    for chunk in _chunks(chat_ids):
        chats = await session.scalars(select(Chat).where(Chat.id.in_(chunk)))
        state.chats.update((c.id, c) for c in chats)
        for chat_id, held in (await followed_by(session, chunk, state.meetings)).items():
            state.subscribed.setdefault(chat_id, set()).update(held)
    return state


def _chunks(ids: Iterable[int]) -> list[list[int]]:
    ordered = sorted(set(ids))
    return [ordered[start : start + CHUNK] for start in range(0, len(ordered), CHUNK)]
