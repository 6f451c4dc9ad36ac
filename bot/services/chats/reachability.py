"""Chats that can no longer be reached: kept, marked inactive, so nothing is sent to them; and
groups that became supergroups, moved to their new id."""

from __future__ import annotations

from bot.services.runtime import Runtime
from storage.repositories import chats


async def mark_unreachable(runtime: Runtime, chat_id: int) -> None:
    async with runtime.transaction() as session:
        await chats.deactivate(session, chat_id, runtime.clock())


async def move_chat(runtime: Runtime, old_id: int, new_id: int) -> None:
    """Telegram's ChatMigrated: the chat, its settings and subscriptions follow the new id."""
    async with runtime.transaction() as session:
        await chats.migrate(session, old_id, new_id, runtime.clock())
