"""Faults a scenario switches on while a real bot process talks to the fake server.

Each switch covers the sending methods (sendMessage, sendDocument) for a window of wall time, so
a test can say "unreachable for 30 s" once and go on; polling keeps working unless the whole
server is made unreachable (see BotApiServer.go_dark), as a real network fault would do.
What Telegram answers is taken from the Bot API docs: 429 carries `retry_after`, a blocked
user is 403, an unknown chat 400 "chat not found", and its gateway answers 502 when overloaded.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from tests.fakebotapi.store import ApiError

BAD_GATEWAY = "Bad Gateway"


@dataclass
class Window:
    """[start, end) in time.monotonic() seconds; empty by default."""

    start: float = 0.0
    end: float = 0.0

    def open_for(self, seconds: float) -> None:
        self.start = time.monotonic()
        self.end = self.start + seconds

    def close(self) -> None:
        self.end = 0.0

    @property
    def active(self) -> bool:
        return self.start <= time.monotonic() < self.end

    @property
    def left(self) -> float:
        return max(0.0, self.end - time.monotonic())


@dataclass
class SendFaults:
    """Switches for sends: latency, 5xx, a 429 storm; each one a window or a setting."""

    latency: tuple[float, float] = (0.0, 0.0)
    server_errors: Window = field(default_factory=Window)
    server_error_code: int = 502
    storm: Window = field(default_factory=Window)
    storm_retry_after: int = 1
    # Counted so a scenario can say how much of a fault the bot actually met.
    refused: dict[int, int] = field(default_factory=dict)

    async def delay(self) -> None:
        low, high = self.latency
        if high > 0:
            await asyncio.sleep(random.uniform(low, high))

    def check(self) -> None:
        """Raises the ApiError an active window gives a send."""
        if self.storm.active:
            self._count(429)
            retry_after = self.storm_retry_after
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        if self.server_errors.active:
            self._count(self.server_error_code)
            raise ApiError(self.server_error_code, BAD_GATEWAY)

    def _count(self, code: int) -> None:
        self.refused[code] = self.refused.get(code, 0) + 1
