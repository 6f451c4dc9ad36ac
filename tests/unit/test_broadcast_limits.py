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
