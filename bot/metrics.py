"""What whoever runs the bot watches (Prometheus text format, served at /metrics).

Names follow Prometheus's conventions (https://prometheus.io/docs/practices/naming/): a prefix
for the application, base units (seconds), `_total` on counters, no status code in a name, and
an `_info` gauge of value 1 carrying the version. Every labelled series is created at start with
the value 0, so that `rate()` and `absent()` work before the first event.

One registry per application, not prometheus-client's process-wide default: two applications
in one process (tests) keep their own counts. The process and garbage-collector collectors are
registered in it too (the default registry would have them, this one must ask).
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from telegram import Update

from bot.version import version

# Seconds from a reminder's due time to its sending, for those sent on time or late: a fan-out
# starts ahead of time, so its first messages leave early (counted apart, `early_sends`).
LATENESS_BUCKETS = (0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600)
# What the outbound side sends (the registry in bot.outbound.kinds; a test checks they agree).
DELIVERY_KINDS = ("reminder", "notice", "removal", "channel_post", "digest", "outcome")
# The kinds of update Telegram sends, and "other" for one newer than this python-telegram-bot.
UPDATE_KINDS = tuple(Update.ALL_TYPES)
OTHER_UPDATE = "other"


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        self._deliveries()
        self._telegram()
        self.leader = Gauge(
            "unrcca_leader",
            "1 while this process sends the reminders (it holds the leader lock), else 0",
            registry=self.registry,
        )
        self.build_info = Gauge(
            "unrcca_build_info", "The bot's version; always 1", ["version"], registry=self.registry
        )
        self.build_info.labels(version()).set(1)

    def _deliveries(self) -> None:
        self.sent = self._per_kind("unrcca_deliveries_sent", "Reminders and notices sent")
        self.failed = self._per_kind(
            "unrcca_deliveries_failed", "Reminders and notices that could not be sent"
        )
        self.missed = Counter(
            "unrcca_reminders_missed",
            "Reminders whose meeting began before they could be sent",
            registry=self.registry,
        )
        self.lateness = Histogram(
            "unrcca_reminder_lateness_seconds",
            "Seconds from a reminder's due time to its sending (those sent early count as 0)",
            buckets=LATENESS_BUCKETS,
            registry=self.registry,
        )
        self.early = Counter(
            "unrcca_reminder_early_sends",
            "Reminders sent before their due time (a fan-out starts ahead of it)",
            registry=self.registry,
        )
        self.queue = Gauge(
            "unrcca_delivery_queue",
            "Messages claimed and waiting to be sent",
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "unrcca_delivery_in_flight",
            "Broadcast sends under way (sent to Telegram, no answer yet)",
            registry=self.registry,
        )
        self.api_latency = Gauge(
            "unrcca_bot_api_latency_seconds",
            "Moving average of the Bot API's answer time to broadcast sends",
            registry=self.registry,
        )
        self.leaderless = Gauge(
            "unrcca_leaderless_seconds",
            "Seconds since this process saw that no process holds the leader lock (0: one does)",
            registry=self.registry,
        )

    def _telegram(self) -> None:
        self.retry_after = Counter(
            "unrcca_telegram_retry_after",
            "Requests Telegram answered with retry_after (flood control, HTTP 429)",
            registry=self.registry,
        )
        self.updates = Counter(
            "unrcca_updates", "Updates received, by kind", ["kind"], registry=self.registry
        )
        for kind in (*UPDATE_KINDS, OTHER_UPDATE):
            self.updates.labels(kind)
        self.webhook_refused = Counter(
            "unrcca_webhook_refused",
            "Webhook calls refused for a wrong or missing secret",
            registry=self.registry,
        )
        self.handler_errors = Counter(
            "unrcca_handler_errors",
            "Unexpected errors while handling an update or running a job",
            registry=self.registry,
        )

    def _per_kind(self, name: str, documentation: str) -> Counter:
        counter = Counter(name, documentation, ["kind"], registry=self.registry)
        for kind in DELIVERY_KINDS:
            counter.labels(kind)
        return counter

    def observe_lateness(self, seconds: float) -> None:
        """A reminder sent `seconds` after its due time (negative: before it)."""
        if seconds < 0:
            self.early.inc()
        self.lateness.observe(max(seconds, 0.0))

    def count_update(self, update: Update) -> None:
        kind = next((kind for kind in UPDATE_KINDS if getattr(update, kind, None)), OTHER_UPDATE)
        self.updates.labels(kind).inc()

    def watch_queue(self, length: Callable[[], int]) -> None:
        self.queue.set_function(lambda: float(length()))

    def watch_sending(self, in_flight: Callable[[], int], latency: Callable[[], float]) -> None:
        self.in_flight.set_function(lambda: float(in_flight()))
        self.api_latency.set_function(latency)

    def watch_leadership(
        self, leaderless_seconds: Callable[[], float], leading: Callable[[], bool]
    ) -> None:
        self.leaderless.set_function(leaderless_seconds)
        self.leader.set_function(lambda: float(leading()))

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
