"""Telegram's flood limits for every request the bot makes, with replies before broadcasts.

Built from aiolimiter, as PTB's own AIORateLimiter is, with two differences that a bot which
broadcasts needs (NOTES.md: AIORateLimiter halts every request on a 429, and has no per-chat
limit):
- One overall budget of `rate` messages a second. A reply to a user takes its share first: a
  broadcast waits while replies wait. As in AIORateLimiter, only a request to a chat (one with a
  `chat_id`) counts: Telegram's limits are on messages, and a call for no chat (getMe,
  setMyCommands, answerCallbackQuery, answerInlineQuery) paced with them made the start-up wait
  a thirtieth of a second a call and a pressed button's answer wait behind a broadcast.
- Broadcasts are paced by the outbound scheduler (bot/outbound/sender.py), which takes its turn
  here (`broadcast_turn`) before it picks the next message, and keeps each chat's turn itself.
  A broadcast's 429 pauses broadcasts only, for the `retry_after` Telegram asked, and is raised
  to the scheduler, which queues that message again. A reply's 429 delays that reply alone.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable, Coroutine
from itertools import takewhile
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt

from bot.outbound.send_failures import retry_after_seconds

log = logging.getLogger(__name__)

ApiCall = Callable[..., Coroutine[Any, Any, Any]]
# Seconds of replies `reply_rate` counts, and the last few it also counts alone.
REPLY_WINDOW, RECENT_WINDOW = 30.0, 5.0
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
        # When each recent reply took its turn (loop seconds), for `reply_rate`.
        self._replies: deque[float] = deque()
        self._paused_until = 0.0
        self._resume: asyncio.TimerHandle | None = None
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
        callback: ApiCall,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> Any:
        if rate_limit_args and rate_limit_args.get("broadcast"):
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                self._pause_broadcasts(error)
                raise
        # A reply's 429 delays that reply alone: tried again after what Telegram asked, at
        # most max_retries times, each try taking a new turn of the overall rate.
        paced = "chat_id" in data
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(RetryAfter),
            stop=stop_after_attempt(self._max_retries + 1),
            wait=self._asked_wait,
            before_sleep=self._before_reply_wait,
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                if paced:
                    await self._reply_turn()
                return await callback(*args, **kwargs)
        raise AssertionError("unreachable: tenacity returns or re-raises")

    async def broadcast_turn(self) -> None:
        """Wait for a broadcast's share of the overall rate: after every waiting reply, and not
        while Telegram asked broadcasts to wait (a 429)."""
        await self._broadcasts_resume.wait()
        await self._replies_done.wait()
        await self._overall.acquire()

    def reply_rate(self, now: float) -> float:
        """Replies a second (the share broadcasts leave): over the last REPLY_WINDOW seconds, or
        over the last RECENT_WINDOW when that is more, so that questions that began a few
        seconds ago are planned for at their full rate, not a sixth of it."""
        while self._replies and self._replies[0] <= now - REPLY_WINDOW:
            self._replies.popleft()
        recent = sum(
            1 for _ in takewhile(lambda at: at > now - RECENT_WINDOW, reversed(self._replies))
        )
        return max(len(self._replies) / REPLY_WINDOW, recent / RECENT_WINDOW)

    async def _reply_turn(self) -> None:
        self._replies.append(asyncio.get_running_loop().time())
        self._replies_waiting += 1
        self._replies_done.clear()
        try:
            await self._overall.acquire()
        finally:
            self._replies_waiting -= 1
            if self._replies_waiting == 0:
                self._replies_done.set()

    @staticmethod
    def _asked_wait(state: RetryCallState) -> float:
        """Seconds a reply waits after its 429: what Telegram asked (tenacity's `wait`, which
        tenacity also calls before deciding to stop, so it only computes)."""
        error = state.outcome.exception() if state.outcome is not None else None
        assert isinstance(error, RetryAfter)
        return retry_after_seconds(error.retry_after)

    def _before_reply_wait(self, state: RetryCallState) -> None:
        """Counts and logs a wait that will happen (tenacity's `before_sleep`)."""
        seconds = state.next_action.sleep if state.next_action is not None else 0.0
        self._on_retry_after(seconds)
        log.info("Telegram asked to wait %.1f s (reply)", seconds)

    def _pause_broadcasts(self, error: RetryAfter) -> None:
        seconds = retry_after_seconds(error.retry_after)
        self._on_retry_after(seconds)
        log.info("Telegram asked to wait %.1f s (broadcast)", seconds)
        # Broadcasts wait what Telegram asked, no longer; this send goes back to the queue.
        loop = asyncio.get_running_loop()
        until = loop.time() + seconds
        if until <= self._paused_until:
            return
        self._paused_until = until
        self._broadcasts_resume.clear()
        if self._resume is not None:
            self._resume.cancel()
        self._resume = loop.call_at(until, self._broadcasts_resume.set)
