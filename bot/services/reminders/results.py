"""How each reminder and notice ended, written in small batches rather than a transaction a
message: at hundreds of messages a second one commit each would cost more than the sending.

A batch is written every FLUSH_SECONDS (or at MAX_BATCH ends). What a killed process had sent
but not yet written is sent again after the lease: at most the messages of one interval plus
those in flight (README: the duplicate bound).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from bot.services.reminders.outbox import Kind, finish
from bot.services.runtime import Runtime
from storage.models import DeliveryStatus

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.1
MAX_BATCH = 200


@dataclass(frozen=True)
class End:
    kind: Kind
    record_id: int
    status: DeliveryStatus
    at: datetime
    error: str | None


class Results:
    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime
        self._ends: list[End] = []
        self._full = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._flush_forever(), name="reminder-results")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()

    def add(
        self, kind: Kind, record_id: int, status: DeliveryStatus, at: datetime, error: str | None
    ) -> None:
        self._ends.append(End(kind, record_id, status, at, error))
        if len(self._ends) >= MAX_BATCH:
            self._full.set()

    async def flush(self) -> None:
        ends, self._ends = self._ends, []
        if not ends:
            return
        groups: defaultdict[tuple[Kind, DeliveryStatus, str | None], list[End]] = defaultdict(list)
        for end in ends:
            groups[(end.kind, end.status, end.error)].append(end)
        async with self._runtime.transaction() as session:
            for (kind, status, error), same in groups.items():
                at = max(end.at for end in same)
                await finish(session, kind, [end.record_id for end in same], status, at, error)

    async def _flush_forever(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._full.wait(), FLUSH_SECONDS)
            self._full.clear()
            try:
                await self.flush()
            except Exception:
                # The ends stay unwritten; their claims come back after the lease.
                log.exception("could not write how deliveries ended")
