"""Chats subscribed to every meeting, written straight to the database (no bot, no hooks): what
fan-out tests and scenarios start from."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Chat, Subscription


async def add_subscribers(session: AsyncSession, chat_ids: Iterable[int], since: datetime) -> None:
    """Each chat (a group where the id is negative, else private) subscribed to every meeting
    since `since`; committed by the caller."""
    ids = list(chat_ids)
    session.add_all(
        Chat(id=chat_id, kind="group" if chat_id < 0 else "private", created_at=since,
             updated_at=since)
        for chat_id in ids
    )  # fmt: skip
    await session.flush()  # the chats before what refers to them
    session.add_all(
        Subscription(chat_id=chat_id, meeting_id=None, created_at=since) for chat_id in ids
    )
