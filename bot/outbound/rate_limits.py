"""Telegram's flood limits for every request the bot makes, with replies before broadcasts.

Built from aiolimiter, as PTB's own AIORateLimiter is, with two differences that a bot which
broadcasts needs (NOTES.md: AIORateLimiter halts every request on a 429, and has no per-chat
limit):
- One overall budget of `rate` messages a second. A reply to a user takes its share first: a
  broadcast send waits while replies wait.
- A broadcast send (`rate_limit_args={"broadcast": True}`) also keeps one message a second per
  chat and 20 a minute per group, and a 429 pauses broadcasts only, for the `retry_after`
  Telegram asked, and the send is tried again. A reply's 429 delays that reply alone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

Request = Callable[..., Coroutine[Any, Any, Any]]
# Limiters per chat and per group are dropped once idle beyond this many.
KEPT_LIMITERS = 1024
GROUP_PER_MINUTE = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP
HEADROOM = 0.99


class BroadcastRateLimiter(BaseRateLimiter[dict[str, Any]]):
    def __init__(
        self,
        rate: float = FloodLimit.MESSAGES_PER_SECOND,
        max_retries: int = 5,
        on_retry_after: Callable[[float], None] | None = None,
    ) -> None:
        # A bucket of one, refilled every 1/rate s: no burst, so no second holds more than rate;
        # 1% under it, as timers and Telegram's clock never agree to the millisecond.
        self._overall = AsyncLimiter(1, 1 / (rate * HEADROOM))
        self._chats: dict[int, AsyncLimiter] = {}
        self._groups: dict[int, AsyncLimiter] = {}
        self._max_retries = max_retries
        self._on_retry_after = on_retry_after or (lambda _seconds: None)
        self._replies_waiting = 0
        self._replies_done = asyncio.Event()
        self._replies_done.set()
        self._broadcasts_resume = asyncio.Event()
        self._broadcasts_resume.set()

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Request,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> Any:
        broadcast = bool(rate_limit_args and rate_limit_args.get("broadcast"))
        chat_id = _chat_id(data)
        for attempt in range(self._max_retries + 1):
            await (self._broadcast_turn(chat_id) if broadcast else self._reply_turn())
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self._max_retries:
                    raise
                await self._wait_after(error, broadcast)
        raise AssertionError("unreachable")

    async def _reply_turn(self) -> None:
        self._replies_waiting += 1
        self._replies_done.clear()
        try:
            await self._overall.acquire()
        finally:
            self._replies_waiting -= 1
            if self._replies_waiting == 0:
                self._replies_done.set()

    async def _broadcast_turn(self, chat_id: int | None) -> None:
        await self._broadcasts_resume.wait()
        if chat_id is not None:
            await _limiter(self._chats, chat_id, 1).acquire()
            if chat_id < 0:
                await _limiter(self._groups, chat_id, 60 / GROUP_PER_MINUTE).acquire()
        await self._replies_done.wait()
        await self._overall.acquire()

    async def _wait_after(self, error: RetryAfter, broadcast: bool) -> None:
        seconds = _seconds(error.retry_after)
        self._on_retry_after(seconds)
        log.info(
            "Telegram asked to wait %.1f s (%s)", seconds, "broadcast" if broadcast else "reply"
        )
        if not broadcast:
            await asyncio.sleep(seconds)
            return
        self._broadcasts_resume.clear()
        try:
            await asyncio.sleep(seconds + 0.1)
        finally:
            self._broadcasts_resume.set()


def _limiter(limiters: dict[int, AsyncLimiter], key: int, period: float) -> AsyncLimiter:
    """The chat's or group's limiter: one message every `period` seconds."""
    if len(limiters) > KEPT_LIMITERS:
        for idle in [
            k for k, lim in limiters.items() if k != key and lim.has_capacity(lim.max_rate)
        ]:
            del limiters[idle]
    if key not in limiters:
        limiters[key] = AsyncLimiter(1, period)
    return limiters[key]


def _chat_id(data: dict[str, Any]) -> int | None:
    value = data.get("chat_id")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _seconds(retry_after: Any) -> float:
    total = getattr(retry_after, "total_seconds", None)
    return float(total() if total else retry_after)
