"""Sending what the scheduler claimed: the one queue (bot.outbound.queue) is dispatched at the
rate, each batch checked and rendered at send time, each chat's messages joined into one, and
how each ended written back (bot.outbound.results).

A checker takes the chats whose turn has come in deadline order, a batch at a time, and checks
and renders them in one transaction (bot.services.reminders.send_check); the dispatcher takes its
turn of the overall rate (replies go first) for each and starts its send; as many are in flight
as the Bot API's latency needs (bot.outbound.pacing). A failed send is tried again or ended as
bot.outbound.send_failures decides.

A process killed between a send and its write sends that message again after the lease: the
duplicates are bounded by the sends in flight and not yet written (README: "Reminders at scale").
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import ExtBot

from bot.handlers.delivery import send_reply
from bot.outbound.batches import check_batch
from bot.outbound.channel_posts import ChannelPoster
from bot.outbound.kinds import KINDS
from bot.outbound.leases import Leases
from bot.outbound.pacing import InFlightBound, Throughput
from bot.outbound.queue import DeadlineQueue, chat_turn
from bot.outbound.rate_limits import BroadcastRateLimiter
from bot.outbound.results import Results
from bot.outbound.send_failures import Failure, backoff, classify
from bot.services.chats.reachability import mark_unreachable, move_chat
from bot.services.reminders.coalescing import Combined
from bot.services.reminders.outbox import CHANNEL_POST, DeliveryKindName, Outgoing
from bot.services.runtime import Runtime
from storage.models import DeliveryStatus

log = logging.getLogger(__name__)

# Telegram's limit without paid broadcasts (messages a second).
FREE_RATE = 30
# A batch is what the rate sends in this long: its check is at most this old when sent.
BATCH_SECONDS = 0.2
# Dispatchers waiting for the rate's next turn at once: one alone would lose a turn each time a
# busy event loop is slow to bring it back to the limiter (measured: 60 instead of 74 a second
# at 100/s on two loaded cores); a few keep the limiter's next turn always claimed.
DISPATCHERS = 4
OnEnd = Callable[[Outgoing, DeliveryStatus, datetime], Awaitable[None]]
# Asked before each send: this process still leads and holds its claims (bot.outbound.scheduler).
MaySend = Callable[[], Awaitable[bool]]


async def _always() -> bool:
    return True


class Sender:
    def __init__(
        self,
        bot: ExtBot[None],
        runtime: Runtime,
        rate: float,
        max_in_flight: int,
        on_end: OnEnd,
        lease: timedelta,
        may_send: MaySend = _always,
    ) -> None:
        self._bot = bot
        self._may_send = may_send
        self._runtime = runtime
        self._options: dict[str, Any] = {
            "rate_limit_args": {"broadcast": True},
            **({"allow_paid_broadcast": True} if rate > FREE_RATE else {}),
        }
        limiter = bot.rate_limiter
        self._limiter = limiter if isinstance(limiter, BroadcastRateLimiter) else None
        self._own_rate = AsyncLimiter(1, 1 / rate)
        self._batch = max(1, round(rate * BATCH_SECONDS))
        self._bound = InFlightBound(rate, max_in_flight)
        self._throughput = Throughput()
        # When the last send took its turn (any dispatcher's), for the throughput.
        self._last_turn: float | None = None
        self._on_end = on_end
        self._queue = DeadlineQueue(lambda item: KINDS[item.kind].priority)
        self._queued = asyncio.Event()
        self._checked_ahead: asyncio.Queue[Combined] = asyncio.Queue(maxsize=self._batch)
        self._results = Results(runtime)
        self._tasks: list[asyncio.Task[None]] = []
        self._flying: set[asyncio.Task[None]] = set()
        self._landed = asyncio.Event()
        self._leases = Leases(runtime, lease)
        self._attempts: defaultdict[tuple[DeliveryKindName, int], int] = defaultdict(int)
        self._channels = ChannelPoster(bot, runtime, self._options)

    def start(self) -> None:
        self._results.start()
        self._tasks = [
            asyncio.create_task(self._check_forever(), name="outbound-checks"),
            *(
                asyncio.create_task(self._dispatch_forever(), name=f"outbound-dispatcher-{n}")
                for n in range(DISPATCHERS)
            ),
            asyncio.create_task(self._leases.renew_forever(), name="outbound-leases"),
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._flying:
            # Sends under way get their answer, so their ends are written, not sent again.
            await asyncio.wait(self._flying, timeout=5)
        await self._results.stop()

    def enqueue(self, items: Sequence[Outgoing]) -> list[Outgoing]:
        """Queue claimed messages; those queued now. A claim this process already holds (taken
        over by its own sweep after the database was out of reach longer than the lease) is not
        queued twice."""
        fresh = [item for item in items if not self._leases.holds(item)]
        self._requeue(fresh)
        return fresh

    def _requeue(self, items: Sequence[Outgoing], not_before: float = 0.0) -> None:
        for item in items:
            self._leases.hold(item)
        self._queue.put(items, self._loop_time(), not_before)
        self._queued.set()

    async def flush_results(self) -> None:
        """Write how the sends so far ended (before claims are looked at again)."""
        await self._results.flush()

    def forget_queued(self) -> None:
        """What is queued is not this process's to send any more (its claims were let go).
        Those in flight end as they will."""
        self._queue.clear()
        self._leases.let_go_all()

    @property
    def waiting(self) -> int:
        return len(self._queue)

    @property
    def in_flight(self) -> int:
        return len(self._flying)

    @property
    def latency(self) -> float:
        """The Bot API's moving-average answer time to broadcast sends (seconds)."""
        return self._bound.latency

    @property
    def throughput(self) -> float | None:
        """Messages a second really sent while work waited (None: not measured yet)."""
        return self._throughput.rate

    def reply_rate(self) -> float:
        return self._limiter.reply_rate(self._loop_time()) if self._limiter else 0.0

    async def _check_forever(self) -> None:
        """Checks the next batch while the one before it is being sent (the rate is not kept
        waiting by a check), one batch ahead at most, so a check is at most two batches old."""
        while True:
            # While the database does not take how sends ended, nothing more is sent.
            await self._results.writable()
            groups = await self._next_groups()
            try:
                ready = await self._checked(groups)
            except Exception:
                log.exception("could not check queued messages; they are tried again")
                for group in groups:
                    self._requeue(group, self._loop_time() + backoff(2))
                continue
            for combined in ready:
                await self._checked_ahead.put(combined)

    async def _dispatch_forever(self) -> None:
        while True:
            was_waiting = not self._checked_ahead.empty()
            combined = await self._checked_ahead.get()
            await self._room()
            await self._turn()
            if not await self._may_send() or not self._still_held(combined):
                continue
            now = self._loop_time()
            if was_waiting and self._last_turn is not None:
                self._throughput.observe(now - self._last_turn)
            self._last_turn = now
            task = asyncio.create_task(self._send(combined))
            self._flying.add(task)
            task.add_done_callback(self._landing)

    async def _next_groups(self) -> list[list[Outgoing]]:
        """The next chats whose turn has come, in deadline order; waits for one."""
        while True:
            now = self._loop_time()
            groups = self._queue.take(now, self._batch)
            if groups:
                return groups
            turn = self._queue.next_turn()
            self._queued.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._queued.wait(), None if turn is None else turn - now)

    async def _checked(self, groups: list[list[Outgoing]]) -> list[Combined]:
        # Not held any more: forgotten (the lead or the heartbeat was lost).
        groups = [
            held for group in groups if (held := [i for i in group if self._leases.holds(i)])
        ]
        batch = await check_batch(self._runtime, groups)
        for verdict in batch.unwanted:
            status = verdict.status or DeliveryStatus.FAILED
            await self._end(verdict.item, status, verdict.reason)
        self._queue.put(batch.later, self._loop_time())
        return batch.ready

    async def _room(self) -> None:
        while len(self._flying) >= self._bound.limit:
            self._landed.clear()
            await self._landed.wait()

    async def _turn(self) -> None:
        if self._limiter is not None:
            await self._limiter.broadcast_turn()
        else:
            await self._own_rate.acquire()

    def _still_held(self, combined: Combined) -> bool:
        return all(self._leases.holds(verdict.item) for verdict in combined.held)

    def _landing(self, task: asyncio.Task[None]) -> None:
        self._flying.discard(task)
        self._landed.set()

    async def _send(self, combined: Combined) -> None:
        items = [verdict.item for verdict in combined.held]
        chat_id = items[0].chat_id
        try:
            await self._deliver(chat_id, combined, items)
        except Exception:
            # Its claims are let go: the lease brings them back to a sweep.
            log.exception("could not send to chat %s", chat_id)
            for item in items:
                self._leases.let_go(item)

    async def _deliver(self, chat_id: int, combined: Combined, items: list[Outgoing]) -> None:
        started = self._loop_time()
        try:
            if items[0].kind == CHANNEL_POST:
                calls = await self._channels.post(chat_id, combined)
                # The channel's next turn waits for every call this one made (20 a minute).
                later = self._loop_time() + (calls - 1) * chat_turn(chat_id)
                self._queue.hold(chat_id, later)
            else:
                await send_reply(self._bot, chat_id, combined.reply, **self._options)
        except ChatMigrated as moved:
            await move_chat(self._runtime, chat_id, moved.new_chat_id)
            self._requeue([dataclasses.replace(i, chat_id=moved.new_chat_id) for i in items])
            return
        except TelegramError as error:
            await self._failed(chat_id, items, classify(error, self._attempts[_key(items[0])]))
            return
        finally:
            self._bound.observe(self._loop_time() - started)
        for item in items:
            await self._end(item, DeliveryStatus.SENT, None)

    async def _failed(self, chat_id: int, items: list[Outgoing], failure: Failure) -> None:
        log.info("sending to chat %s failed: %s", chat_id, failure.reason)
        if failure.chat_gone:
            await mark_unreachable(self._runtime, chat_id)
        if failure.retry_in is None:
            for item in items:
                await self._end(item, DeliveryStatus.FAILED, failure.reason)
            if items[0].kind == CHANNEL_POST:
                await self._channels.refused(chat_id, failure.reason)
            return
        again = self._runtime.clock() + timedelta(seconds=failure.retry_in)
        for item in items:
            self._attempts[_key(item)] += 1
            if again >= item.expires_at:
                reason = f"not sent before its meeting began; last error: {failure.reason}"
                await self._end(item, DeliveryStatus.MISSED, reason)
            else:
                self._requeue([item], self._loop_time() + failure.retry_in)

    async def _end(self, item: Outgoing, status: DeliveryStatus, error: str | None) -> None:
        now = self._runtime.clock()
        self._results.add(item.kind, item.record_id, status, now, error)
        self._leases.let_go(item)
        self._attempts.pop(_key(item), None)
        await self._on_end(item, status, now)

    @staticmethod
    def _loop_time() -> float:
        return asyncio.get_running_loop().time()


def _key(item: Outgoing) -> tuple[DeliveryKindName, int]:
    return item.kind, item.record_id
