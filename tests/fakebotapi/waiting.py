"""Things tests and long polls wait on, woken by events rather than polled with sleeps."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Generic, TypeVar

from tests.fakebotapi.store import Json

T = TypeVar("T")


class Signal:
    """Wakes every waiter whenever something changes; each waiter re-checks its own condition."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(self, ready: Callable[[], T | None], seconds: float) -> T | None:
        try:
            async with asyncio.timeout(seconds):
                while (found := ready()) is None:
                    await self._event.wait()
                return found
        except TimeoutError:
            return None


class Mailbox(Generic[T]):
    """Items in arrival order; a test takes each one at most once, so it reads them in turn."""

    def __init__(self) -> None:
        self.items: list[T] = []
        self._taken: set[int] = set()
        self._signal = Signal()

    def append(self, item: T) -> None:
        self.items.append(item)
        self._signal.notify()

    async def take(self, match: Callable[[T], bool], seconds: float) -> T | None:
        return await self._signal.wait_for(lambda: self._take_first(match), seconds)

    def _take_first(self, match: Callable[[T], bool]) -> T | None:
        for index, item in enumerate(self.items):
            if index not in self._taken and match(item):
                self._taken.add(index)
                return item
        return None


class UpdateQueue:
    """Updates waiting for getUpdates; like Telegram, they stay until an offset confirms them."""

    def __init__(self) -> None:
        self._pending: list[Json] = []
        self._last_id = 0
        self._closed = False
        self._signal = Signal()

    def put(self, body: Json) -> Json:
        self._last_id += 1
        update = {"update_id": self._last_id, **body}
        self._pending.append(update)
        self._signal.notify()
        return update

    @property
    def pending(self) -> int:
        return len(self._pending)

    def drop_pending(self) -> None:
        self._pending.clear()

    async def get(self, offset: int, limit: int, seconds: float) -> list[Json]:
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        found = await self._signal.wait_for(lambda: self._ready(limit), seconds)
        return found or []

    def close(self) -> None:
        # Answers every long poll at once, so a stopping server does not wait out their timeouts.
        self._closed = True
        self._signal.notify()

    def _ready(self, limit: int) -> list[Json] | None:
        if self._pending or self._closed:
            return self._pending[:limit]
        return None
