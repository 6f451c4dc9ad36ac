"""One log line per fan-out when its last message has ended: which one, how many chats, sent,
failed, how long it took and how late its last message left (negative: early)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.metrics import Metrics
from bot.outbound.kinds import KINDS
from bot.services.reminders.outbox import Outgoing
from storage.models import DeliveryStatus

log = logging.getLogger(__name__)


@dataclass
class _Progress:
    chats: int
    started: datetime
    sent: int = 0
    failed: int = 0


class FanOuts:
    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._running: dict[str, _Progress] = {}

    def started(self, items: list[Outgoing], now: datetime) -> None:
        for item in items:
            progress = self._running.setdefault(item.fan_out, _Progress(0, now))
            progress.chats += 1

    async def ended(self, item: Outgoing, status: DeliveryStatus, at: datetime) -> None:
        lateness = (at - item.due_at).total_seconds()
        self._count(item, status, lateness)
        progress = self._running.get(item.fan_out)
        if progress is None:
            return
        if status == DeliveryStatus.SENT:
            progress.sent += 1
        else:
            progress.failed += 1
        if progress.sent + progress.failed >= progress.chats:
            del self._running[item.fan_out]
            log.info(
                "fan-out %s: %d chats, %d sent, %d failed, %.1f s, last message %.1f s late",
                item.fan_out,
                progress.chats,
                progress.sent,
                progress.failed,
                (at - progress.started).total_seconds(),
                lateness,
            )

    def _count(self, item: Outgoing, status: DeliveryStatus, lateness: float) -> None:
        if status == DeliveryStatus.SENT:
            self._metrics.sent.labels(item.kind).inc()
            if KINDS[item.kind].measures_lag:
                self._metrics.observe_lateness(lateness)
        elif status == DeliveryStatus.MISSED:
            self._metrics.missed.inc()
        else:
            self._metrics.failed.labels(item.kind).inc()
