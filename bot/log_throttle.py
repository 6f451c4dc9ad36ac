"""A log line that a stranger can trigger at will, written at most once an interval.

A wrong-secret webhook call or a full file table can come thousands of times a second; each
writing a line would fill the disk (issue 20: 261 MB of ERROR lines in a minute). The first of a
kind is logged, then one line an interval saying how many more came.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

# Often enough to see that it goes on, rarely enough that a flood costs a line a minute.
ONE_MINUTE = 60.0


class ThrottledLog:
    def __init__(
        self,
        logger: logging.Logger,
        interval: float = ONE_MINUTE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._logger = logger
        self._interval = interval
        self._clock = clock
        self._next_at: float | None = None
        self._skipped = 0

    def warning(self, message: str, *args: object) -> None:
        """`message % args`, unless a line was written less than `interval` seconds ago."""
        now = self._clock()
        if self._next_at is not None and now < self._next_at:
            self._skipped += 1
            return
        if self._skipped:
            message += f" ({self._skipped} more like it since the last such line)"
        self._logger.warning(message, *args)
        self._next_at, self._skipped = now + self._interval, 0
