"""Sending what the reminder jobs claimed: workers take messages off a fair queue, send each as
a broadcast (bot.handlers.rate_limits keeps Telegram's limits and lets replies go first), and
write how each ended.

What Telegram answers decides the end: sent; `Forbidden` (blocked, or removed from the group)
marks the chat inactive and the delivery failed with the reason; `ChatMigrated` moves the chat
to its new id and sends there; a 429 is waited out by the rate limiter and sent again; a
network error is tried again a few times.

Ends are written in small batches (bot.outbound.results): a process killed between a send and
its write sends that message again after the lease, so duplicates are bounded by the messages
in flight and not yet written (README: "Reminders at scale").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    TelegramError,
    TimedOut,
)
from telegram.ext import ExtBot

from bot.handlers.delivery import send_reply
from bot.handlers.fair_queue import FairQueue
from bot.outbound.results import Results
from bot.services.chats.reachability import mark_unreachable, move_chat
from bot.services.reminders.outbox import Kind, Outgoing, renew
from bot.services.runtime import Runtime
from storage.models import DeliveryStatus

log = logging.getLogger(__name__)

NETWORK_ATTEMPTS = 4
# Telegram's limit without paid broadcasts (messages a second).
FREE_RATE = 30
OnEnd = Callable[[Outgoing, DeliveryStatus, datetime], Awaitable[None]]
MaySend = Callable[[], Awaitable[bool]]


async def _always() -> bool:
    return True


class Sender:
    def __init__(
        self,
        bot: ExtBot[None],
        runtime: Runtime,
        rate: float,
        workers: int,
        on_end: OnEnd,
        lease: timedelta,
        may_send: MaySend = _always,
    ) -> None:
        self._bot = bot
        self._runtime = runtime
        self._options: dict[str, Any] = {
            "rate_limit_args": {"broadcast": True},
            **({"allow_paid_broadcast": True} if rate > FREE_RATE else {}),
        }
        self._workers = workers
        self._on_end = on_end
        self._queue = FairQueue()
        self._results = Results(runtime)
        self._tasks: list[asyncio.Task[None]] = []
        # Claims queued or in flight: their lease is renewed until they end.
        self._held: dict[Kind, set[int]] = {"reminder": set(), "notice": set()}
        self._lease = lease
        # Asked before each message: this process still leads and holds its claims.
        self._may_send = may_send

    def start(self) -> None:
        self._results.start()
        self._tasks = [
            asyncio.create_task(self._work(), name=f"reminder-sender-{n}")
            for n in range(self._workers)
        ]
        self._tasks.append(asyncio.create_task(self._renew_forever(), name="reminder-leases"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._results.stop()

    def enqueue(self, items: list[Outgoing]) -> None:
        for item in items:
            self._held[item.kind].add(item.record_id)
        self._queue.put_all(items)

    async def flush_results(self) -> None:
        """Write how the sends so far ended (before claims are looked at again)."""
        await self._results.flush()

    def forget_queued(self) -> None:
        """What is queued is not this process's to send any more (its claims were let go):
        each is skipped as it comes out of the queue. Those in flight end as they will."""
        for held in self._held.values():
            held.clear()

    @property
    def waiting(self) -> int:
        return len(self._queue)

    async def _work(self) -> None:
        while True:
            item = await self._queue.get()
            # While the database does not take how sends ended, nothing more is sent.
            await self._results.writable()
            # Not held: forgotten, or queued twice and sent already.
            if item.record_id not in self._held[item.kind] or not await self._may_send():
                self._held[item.kind].discard(item.record_id)
                continue
            try:
                await self._send(item)
            except Exception:
                # One message must not stop the rest; its claim's lease brings it back.
                log.exception("could not send %s %s", item.kind, item.record_id)

    async def _send(self, item: Outgoing) -> None:
        status, error = await self._deliver(item)
        now = self._runtime.clock()
        self._results.add(item.kind, item.record_id, status, now, error)
        self._held[item.kind].discard(item.record_id)
        if status != DeliveryStatus.SENT:
            log.info("%s %s to chat %s failed: %s", item.kind, item.record_id, item.chat_id, error)
        await self._on_end(item, status, now)

    async def _renew_forever(self) -> None:
        """A long queue outlives the lease: the claims in it are renewed, a third of it apart."""
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 3)
            try:
                async with self._runtime.transaction() as session:
                    for kind, held in self._held.items():
                        await renew(session, kind, sorted(held), self._runtime.clock())
            except Exception:
                log.exception("could not renew the leases of queued reminders")

    async def _deliver(self, item: Outgoing) -> tuple[DeliveryStatus, str | None]:
        chat_id = item.chat_id
        for attempt in range(NETWORK_ATTEMPTS):
            try:
                reply = item.render(self._runtime.clock())
                await send_reply(self._bot, chat_id, reply, **self._options)
                return DeliveryStatus.SENT, None
            except ChatMigrated as moved:
                await move_chat(self._runtime, chat_id, moved.new_chat_id)
                chat_id = moved.new_chat_id
            except Forbidden as error:
                await mark_unreachable(self._runtime, chat_id)
                return DeliveryStatus.FAILED, f"chat unreachable: {error.message}"
            except BadRequest as error:
                return DeliveryStatus.FAILED, error.message
            except (TimedOut, NetworkError) as error:
                log.warning("network error sending to chat %s: %s", chat_id, error)
                await asyncio.sleep(2**attempt)
            except TelegramError as error:
                return DeliveryStatus.FAILED, str(error)
        return DeliveryStatus.FAILED, f"gave up after {NETWORK_ATTEMPTS} attempts"
