"""Sending what the reminder jobs claimed: a worker that takes messages off a queue, sends each
through the bot (whose rate limiter keeps Telegram's limits), and writes how it ended.

What Telegram answers decides the end: sent; `Forbidden` (blocked, or removed from the group)
marks the chat inactive and the delivery failed with the reason, and nothing is sent to it
again; `RetryAfter` waits as long as Telegram says and sends again; a network error is tried
again a few times. A message that could not be sent is never sent twice by this process; one
claimed by a process that died is taken over by a sweep after the lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timedelta

from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ExtBot

from bot.handlers.delivery import send_reply
from bot.services.chats.reachability import mark_unreachable
from bot.services.reminders.outbox import Outgoing, finish
from bot.services.runtime import Runtime
from storage.models import DeliveryStatus

log = logging.getLogger(__name__)

NETWORK_ATTEMPTS = 4
OnSent = Callable[[Outgoing, datetime], Awaitable[None]]


class Sender:
    def __init__(self, bot: ExtBot[None], runtime: Runtime, on_sent: OnSent) -> None:
        self._bot = bot
        self._runtime = runtime
        self._on_sent = on_sent
        self._queue: asyncio.Queue[Outgoing] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._work(), name="reminder-sender")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def enqueue(self, items: Iterable[Outgoing]) -> None:
        for item in items:
            self._queue.put_nowait(item)

    @property
    def waiting(self) -> int:
        return self._queue.qsize()

    async def _work(self) -> None:
        while True:
            item = await self._queue.get()
            try:
                await self._send(item)
            except Exception:
                # One message must not stop every later one; the claim's lease brings it back.
                log.exception(
                    "could not send %s %s to chat %s", item.kind, item.record_id, item.chat_id
                )

    async def _send(self, item: Outgoing) -> None:
        status, error = await self._deliver(item)
        now = self._runtime.clock()
        async with self._runtime.transaction() as session:
            await finish(session, item.kind, [item.record_id], status, now, error)
        if status == DeliveryStatus.SENT:
            await self._on_sent(item, now)
        else:
            log.info("%s %s to chat %s failed: %s", item.kind, item.record_id, item.chat_id, error)

    async def _deliver(self, item: Outgoing) -> tuple[DeliveryStatus, str | None]:
        for attempt in range(NETWORK_ATTEMPTS):
            try:
                await send_reply(self._bot, item.chat_id, item.reply)
                return DeliveryStatus.SENT, None
            except RetryAfter as error:
                await asyncio.sleep(_seconds(error.retry_after))
            except Forbidden as error:
                await mark_unreachable(self._runtime, item.chat_id)
                return DeliveryStatus.FAILED, f"chat unreachable: {error.message}"
            except BadRequest as error:
                return DeliveryStatus.FAILED, error.message
            except (TimedOut, NetworkError) as error:
                log.warning("network error sending to chat %s: %s", item.chat_id, error)
                await asyncio.sleep(2**attempt)
            except TelegramError as error:
                return DeliveryStatus.FAILED, str(error)
        return DeliveryStatus.FAILED, f"gave up after {NETWORK_ATTEMPTS} attempts"


def _seconds(retry_after: int | float | timedelta) -> float:
    if isinstance(retry_after, timedelta):
        return retry_after.total_seconds()
    return float(retry_after)
