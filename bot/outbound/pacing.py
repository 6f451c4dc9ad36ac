"""How many sends may be in flight at once: as many as the rate and the Bot API's latency need.

At `rate` messages a second and a latency of L seconds, rate x L sends are under way at any
moment (Little's law): 30 a second at 5 s is 150. Latency is followed with an exponentially
weighted moving average of the answers' round trips, so the bound follows a slower or faster
Bot API within a few dozen sends; a floor and a ceiling keep it sane.
"""

from __future__ import annotations

import math

# Weight of the newest round trip in the average.
ALPHA = 0.1
FIRST_GUESS_SECONDS = 0.25
# A quarter more than the average needs, for its spread; and never fewer than this.
SPREAD = 1.25
FLOOR = 4


class InFlightBound:
    def __init__(self, rate: float, ceiling: int) -> None:
        self._rate = rate
        self._ceiling = max(ceiling, FLOOR)
        self.latency = FIRST_GUESS_SECONDS

    def observe(self, seconds: float) -> None:
        """One send's round trip (from the request to Telegram's answer)."""
        self.latency += ALPHA * (seconds - self.latency)

    @property
    def limit(self) -> int:
        needed = math.ceil(self._rate * self.latency * SPREAD) + 2
        return min(max(needed, FLOOR), self._ceiling)


class Throughput:
    """Messages a second the dispatcher really sends while it has work waiting: below the rate
    on a busy machine, and the head start is planned with it (bot.services.reminders.sweep)."""

    def __init__(self) -> None:
        self._interval: float | None = None

    def observe(self, seconds: float) -> None:
        """The time between two sends, the second of which was ready before the first left."""
        if self._interval is None:
            self._interval = seconds
        else:
            self._interval += ALPHA * (seconds - self._interval)

    @property
    def rate(self) -> float | None:
        """None until measured (nothing was ever waiting)."""
        return 1 / self._interval if self._interval else None
