"""Chats that can no longer be reached: kept, marked inactive, so nothing is sent to them."""

from __future__ import annotations

from bot.services.runtime import Runtime
from storage.repositories import chats


async def mark_unreachable(runtime: Runtime, chat_id: int) -> None:
    async with runtime.transaction() as session:
        await chats.deactivate(session, chat_id, runtime.clock())
