"""Concurrent updates keep each chat's order (bot.handlers.ordering; issue 11, item 7), and one
chat's flood neither holds the shared slots nor goes unanswered (issue 20)."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.handlers.ordering import PerChatOrder


def update(update_id: int, chat_id: int) -> Update:
    chat = {"id": chat_id, "type": "private", "first_name": "T"}
    sender = {"id": chat_id, "is_bot": False, "first_name": "T", "language_code": "ru"}
    message = {"message_id": update_id, "date": 0, "chat": chat, "text": "hi", "from": sender}
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
    assert processor._chats == {}  # nothing kept once a chat is quiet


async def test_a_flood_from_one_chat_does_not_delay_another_chats_first_answer() -> None:
    """500 updates from one chat while its first is still being handled: before, they took
    every shared slot, and another chat's update waited for the whole flood."""
    release = asyncio.Event()
    handled: list[int] = []
    warned: list[int] = []

    async def slow(number: int) -> None:
        await release.wait()
        handled.append(number)

    async def other() -> None:
        handled.append(-1)

    async def slow_down(flooding: Update) -> None:
        warned.append(flooding.update_id)

    processor = PerChatOrder(max_concurrent_updates=4, max_waiting=3, on_overflow=slow_down)
    flood = [
        asyncio.create_task(processor.process_update(update(n, 10), slow(n)))
        for n in range(1, 501)
    ]
    # No clock involved: chat 20 must be answered while chat 10's first update is still running.
    await asyncio.wait_for(processor.process_update(update(1000, 20), other()), timeout=30)
    assert handled == [-1]
    release.set()
    await asyncio.gather(*flood)
    assert handled == [-1, 1, 2, 3, 4]  # the first, then the three let wait, in order
    assert processor.dropped == 496
    assert warned == [5]  # one "slow down" for the burst, for its first dropped update
    assert processor._chats == {}


async def test_a_chat_that_went_quiet_is_admitted_again() -> None:
    warned: list[int] = []

    async def nothing() -> None:
        pass

    async def slow_down(flooding: Update) -> None:
        warned.append(flooding.update_id)

    processor = PerChatOrder(max_waiting=0, on_overflow=slow_down)
    blocker = asyncio.Event()

    async def blocked() -> None:
        await blocker.wait()

    first = asyncio.create_task(processor.process_update(update(1, 10), blocked()))
    await asyncio.sleep(0)
    await processor.process_update(update(2, 10), nothing())
    blocker.set()
    await first
    await processor.process_update(update(3, 10), nothing())  # quiet again: handled
    assert warned == [2] and processor.dropped == 1
