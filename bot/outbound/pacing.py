"""How many sends may be in flight at once: as many as the rate and the Bot API's latency need.

At `rate` messages a second and a latency of L seconds, rate x L sends are under way at any
moment (Little's law): 30 a second at 5 s is 150. Latency is followed with an exponentially
weighted moving average of the answers' round trips, so the bound follows a slower or faster
Bot API within a few dozen sends; a floor and a ceiling keep it sane.

A round trip also holds the time the answer waited for this process's event loop. When the
process, not the Bot API, is what limits the rate (its CPU busy), that wait grows with every
send in flight, the average with it, and the bound with the average: more sends in flight, each
a connection that httpcore's pool scans at every request, so each send costs more CPU and waits
longer still. The fastest answer of each few dozen is the Bot API's own time with the least of
that wait in it: the bound is also at most a few times what it needs (BBR's congestion window
is twice its bandwidth-delay product, measured with the fastest round trip for the same reason).
"""

from __future__ import annotations

import math

# Weight of the newest round trip in the average.
ALPHA = 0.1
FIRST_GUESS_SECONDS = 0.25
# A quarter more than the average needs, for its spread; and never fewer than this.
SPREAD = 1.25
FLOOR = 4
# Answers whose fastest one is taken, and how many times that many sends may be in flight.
WINDOW = 32
FASTEST_GAIN = 3


class InFlightBound:
    def __init__(self, rate: float, ceiling: int) -> None:
        self._rate = rate
        self._ceiling = max(ceiling, FLOOR)
        self.latency = FIRST_GUESS_SECONDS
        # The fastest answer of each window, averaged over windows (None: none ended yet).
        self.fastest: float | None = None
        self._window_fastest = math.inf
        self._window_seen = 0

    def observe(self, seconds: float) -> None:
        """One send's round trip (from the request to Telegram's answer)."""
        self.latency += ALPHA * (seconds - self.latency)
        self._window_fastest = min(self._window_fastest, seconds)
        self._window_seen += 1
        if self._window_seen == WINDOW:
            fastest, last = self._window_fastest, self.fastest
            self.fastest = fastest if last is None else last + ALPHA * (fastest - last)
            self._window_fastest, self._window_seen = math.inf, 0

    @property
    def limit(self) -> int:
        needed = math.ceil(self._rate * self.latency * SPREAD) + 2
        if self.fastest is not None:
            needed = min(needed, math.ceil(self._rate * self.fastest * FASTEST_GAIN) + 2)
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
