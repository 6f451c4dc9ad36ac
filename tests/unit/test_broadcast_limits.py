"""The rate limiter's answer to a 429: broadcasts wait what Telegram asked and no longer, the
send goes back to the scheduler (raised, not retried in place), and replies do not wait."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.outbound.rate_limits import BroadcastRateLimiter

BROADCAST = {"broadcast": True}
ASKED = 0.5


async def refused(*_args: Any, **_kwargs: Any) -> Any:
    raise RetryAfter(timedelta(seconds=ASKED))


async def answered(*_args: Any, **_kwargs: Any) -> Any:
    return "sent"


async def test_a_broadcast_429_pauses_broadcasts_for_what_was_asked_not_replies() -> None:
    limiter = BroadcastRateLimiter(rate=1000)
    loop = asyncio.get_running_loop()
    with pytest.raises(RetryAfter):
        await limiter.process_request(refused, (), {}, "sendMessage", {"chat_id": 1}, BROADCAST)
    paused_at = loop.time()
    reply = await limiter.process_request(answered, (), {}, "sendMessage", {"chat_id": 2}, None)
    assert reply == "sent"
    # The reply went at once (loose bound: well under the pause on any machine).
    assert loop.time() - paused_at < ASKED / 2
    await limiter.broadcast_turn()
    waited = loop.time() - paused_at
    # Not before Telegram's retry_after; the upper bound is loose for a busy machine.
    assert ASKED - 0.01 <= waited < ASKED + 1.0


async def test_replies_are_counted_for_the_share_broadcasts_leave() -> None:
    limiter = BroadcastRateLimiter(rate=1000)
    for chat_id in range(6):
        await limiter.process_request(answered, (), {}, "sendMessage", {"chat_id": chat_id}, None)
    now = asyncio.get_running_loop().time()
    # Replies that began just now count at their full rate, not spread over the whole window.
    assert limiter.reply_rate(now) == pytest.approx(6 / 5)
    assert limiter.reply_rate(now + 10) == pytest.approx(6 / 30)
    assert limiter.reply_rate(now + 31) == 0.0


async def test_a_reply_429_is_tried_again_after_what_was_asked_up_to_max_retries() -> None:
    waits: list[float] = []
    limiter = BroadcastRateLimiter(rate=1000, max_retries=2, on_retry_after=waits.append)
    calls = 0

    async def refused_once(*_args: Any, **_kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RetryAfter(timedelta(seconds=0.05))
        return "sent"

    loop = asyncio.get_running_loop()
    started = loop.time()
    reply = await limiter.process_request(refused_once, (), {}, "sendMessage", {}, None)
    assert (reply, calls, waits) == ("sent", 2, [0.05])
    assert loop.time() - started >= 0.05 - 0.01  # it waited what Telegram asked
    waits.clear()
    with pytest.raises(RetryAfter):
        await limiter.process_request(refused, (), {}, "sendMessage", {"chat_id": 3}, None)
    assert waits == [ASKED, ASKED]  # three tries: two waits, then the 429 is raised


async def test_a_call_for_no_chat_is_not_paced_nor_counted_as_a_message() -> None:
    # One message a second: a second paced call would wait a whole second.
    limiter = BroadcastRateLimiter(rate=1)
    await limiter.process_request(answered, (), {}, "sendMessage", {"chat_id": 1}, None)
    loop = asyncio.get_running_loop()
    began = loop.time()
    for endpoint in ("setMyCommands", "getMe", "answerCallbackQuery", "setMyDescription"):
        assert await limiter.process_request(answered, (), {}, endpoint, {}, None) == "sent"
    # Loose bound: four paced calls would take four seconds.
    assert loop.time() - began < 0.9
    assert limiter.reply_rate(loop.time()) == pytest.approx(1 / 5)
