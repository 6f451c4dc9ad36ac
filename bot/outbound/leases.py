"""The claims this process holds (queued, checked or in flight): each kept alive by renewing its
lease a third of the lease apart, so no other sweep takes it over while it is still on its way,
and let go when it ends (or its send broke: the lease then brings it back to a sweep)."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from datetime import timedelta

from bot.outbound.kinds import KINDS
from bot.services.reminders.outbox import DeliveryKindName, Outgoing
from bot.services.runtime import Runtime

log = logging.getLogger(__name__)


class Leases:
    def __init__(self, runtime: Runtime, lease: timedelta) -> None:
        self._runtime = runtime
        self._lease = lease
        self._held: defaultdict[DeliveryKindName, set[int]] = defaultdict(set)

    def holds(self, item: Outgoing) -> bool:
        return item.record_id in self._held[item.kind]

    def hold(self, item: Outgoing) -> None:
        self._held[item.kind].add(item.record_id)

    def let_go(self, item: Outgoing) -> None:
        self._held[item.kind].discard(item.record_id)

    def let_go_all(self) -> None:
        self._held.clear()

    async def renew_forever(self) -> None:
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 3)
            try:
                async with self._runtime.transaction() as session:
                    for kind, held in self._held.items():
                        await KINDS[kind].renew(session, sorted(held), self._runtime.clock())
            except Exception:
                log.exception("could not renew the leases of queued messages")
