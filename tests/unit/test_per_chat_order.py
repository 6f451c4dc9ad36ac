"""Concurrent updates keep each chat's order (bot.handlers.ordering; issue 11, item 7)."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.handlers.ordering import PerChatOrder


def update(update_id: int, chat_id: int) -> Update:
    chat = {"id": chat_id, "type": "private", "first_name": "T"}
    message = {"message_id": update_id, "date": 0, "chat": chat, "text": "hi"}
    return Update.de_json({"update_id": update_id, "message": message}, None)


async def test_one_chat_in_order_while_another_chat_goes_ahead() -> None:
    done: list[int] = []

    async def handle(number: int, seconds: float) -> None:
        await asyncio.sleep(seconds)
        done.append(number)

    processor = PerChatOrder()
    async with processor:
        await asyncio.gather(
            processor.process_update(update(1, 10), handle(1, 0.3)),  # slow, chat 10
            processor.process_update(update(2, 10), handle(2, 0.0)),  # must wait for 1
            processor.process_update(update(3, 20), handle(3, 0.0)),  # another chat: at once
        )
    assert done == [3, 1, 2]
    assert processor._locks == {}  # nothing kept once a chat is quiet
