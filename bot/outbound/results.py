"""How each reminder and notice ended, kept until it is written: in small batches rather than a
transaction a message (at hundreds of messages a second one commit each would cost more than
the sending), retried with backoff through a database outage (bot.outbound.outages), and
flushed when the process stops.

A batch is written every FLUSH_SECONDS (or at MAX_BATCH ends). An end is dropped only once it
is committed; while the database is down the ends wait in memory, in order, the sender waits
(`writable`) instead of sending more whose ends could not be written, and the claims stay
this process's (its holder's heartbeat resumes with the database, or the claims were released:
bot.outbound.holder). So a sent message is sent again only when the process dies before the
write: at most the ends of one interval plus those in flight (README: the duplicate bound).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.outbound.background import cancel
from bot.outbound.kinds import finish as finish_rows
from bot.outbound.outages import OUTAGE, through_outages
from bot.services.runtime import Runtime
from storage.models import DeliveryStatus

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.1
MAX_BATCH = 200
# On shutdown the last ends are retried this long at most (a SIGTERM'd container has about 10 s
# before its SIGKILL, and the holder must release its claims after).
SHUTDOWN_FLUSH = timedelta(seconds=5)
# finish(session, kind, record_ids, status, at, error): writes the ends of one kind.
Finish = Callable[..., Awaitable[None]]


@dataclass(frozen=True)
class End:
    kind: str
    record_id: int
    status: DeliveryStatus
    at: datetime
    error: str | None


class Results:
    def __init__(
        self,
        runtime: Runtime,
        *,
        finish: Finish = finish_rows,
        shutdown_flush: timedelta = SHUTDOWN_FLUSH,
    ) -> None:
        self._runtime = runtime
        self._finish = finish
        self._shutdown_flush = shutdown_flush
        self._ends: list[End] = []
        self._full = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        # Set while writes succeed; cleared from a failed write until the next one succeeds.
        self._written = asyncio.Event()
        self._written.set()
        # One flush at a time: each drops the ends it wrote from the front of the list.
        self._flushing = asyncio.Lock()

    @property
    def unwritten(self) -> int:
        """Ends kept in memory, not yet committed."""
        return len(self._ends)

    @property
    def writing(self) -> bool:
        """False while the database does not take the ends (an outage)."""
        return self._written.is_set()

    async def writable(self) -> None:
        """Wait while the database does not take the ends: a sender that waits here before
        each message sends at most the messages in flight without writing how they ended."""
        await self._written.wait()

    def start(self) -> None:
        self._task = asyncio.create_task(self._flush_forever(), name="delivery-results")

    async def stop(self) -> bool:
        """Stop the background writer and write what is left, retrying for `shutdown_flush` at
        most. True when everything was written; False leaves the rest to be sent again."""
        await cancel(self._task)
        self._task = None
        try:
            async for attempt in through_outages(self._shutdown_flush):
                with attempt:
                    await self.flush()
        except OUTAGE:
            log.error("%d delivery ends could not be written before stopping: they will be "
                      "sent again", len(self._ends))  # fmt: skip
            return False
        return True

    def add(
        self, kind: str, record_id: int, status: DeliveryStatus, at: datetime, error: str | None
    ) -> None:
        self._ends.append(End(kind, record_id, status, at, error))
        if len(self._ends) >= MAX_BATCH:
            self._full.set()

    async def flush(self) -> None:
        """Write every end kept, in one transaction; they are dropped only when it commits (so
        an error leaves them all, to be written at the next try). Raises the database's error."""
        async with self._flushing:
            ends = self._ends[:]
            if not ends:
                return
            try:
                await self._write(ends)
            except OUTAGE:
                self._written.clear()
                raise
            self._written.set()
            # Only a flush removes ends and `add` only appends: the first len(ends) are these.
            del self._ends[: len(ends)]

    async def _write(self, ends: list[End]) -> None:
        groups: defaultdict[tuple[str, DeliveryStatus, str | None], list[End]] = defaultdict(list)
        for end in ends:
            groups[(end.kind, end.status, end.error)].append(end)
        async with self._runtime.transaction() as session:
            for (kind, status, error), same in groups.items():
                at = max(end.at for end in same)
                ids = [end.record_id for end in same]
                await self._finish(session, kind, ids, status, at, error)

    async def _flush_forever(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._full.wait(), FLUSH_SECONDS)
            self._full.clear()
            try:
                async for attempt in through_outages():
                    with attempt:
                        await self.flush()
            except Exception:
                # Not an outage (those are retried above): the ends stay, for the next try.
                log.exception("could not write how deliveries ended")
