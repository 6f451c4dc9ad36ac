"""Waiting for what another process or the running bot writes, which no event announces."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


async def wait_until(check: Callable[[], bool], seconds: float, every: float = 0.2) -> bool:
    """Until `check()` holds or `seconds` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:  # noqa: ASYNC110 - polled, not signalled
        await asyncio.sleep(every)
    return check()


async def wait_until_async(
    check: Callable[[], Awaitable[bool]], seconds: float, every: float = 0.2
) -> bool:
    """As `wait_until`, for a check that must await (a database read)."""
    deadline = time.monotonic() + seconds
    while not await check() and time.monotonic() < deadline:  # noqa: ASYNC110 - polled
        await asyncio.sleep(every)
    return await check()
