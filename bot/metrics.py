"""What whoever runs the bot watches (Prometheus text format, served at /metrics).

One registry per application, not prometheus-client's process-wide default: two applications
in one process (tests) keep their own counts.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# Where the application keeps its Metrics (bot_data), for the HTTP server to read.
METRICS_KEY = "metrics"
# Seconds between due time and send; negative buckets would mean "early", which a fan-out that
# starts ahead of time is for most of its messages.
LAG_BUCKETS = (-600, -60, -10, -1, 0, 1, 2, 5, 10, 30, 60, 300, 3600)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.sent = Counter(
            "unrcca_deliveries_sent",
            "Reminders and notices sent",
            ["kind"],
            registry=self.registry,
        )
        self.failed = Counter(
            "unrcca_deliveries_failed",
            "Reminders and notices that could not be sent",
            ["kind"],
            registry=self.registry,
        )
        self.missed = Counter(
            "unrcca_reminders_missed",
            "Reminders whose meeting began before they could be sent",
            registry=self.registry,
        )
        self.lag = Histogram(
            "unrcca_delivery_lag_seconds",
            "Seconds from a reminder's due time to its sending",
            buckets=LAG_BUCKETS,
            registry=self.registry,
        )
        self.retry_after = Counter(
            "unrcca_telegram_429",
            "429 (retry after) answers from Telegram",
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

    def watch_queue(self, length: Callable[[], int]) -> None:
        self.queue.set_function(lambda: float(length()))

    def watch_sending(self, in_flight: Callable[[], int], latency: Callable[[], float]) -> None:
        self.in_flight.set_function(lambda: float(in_flight()))
        self.api_latency.set_function(latency)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
