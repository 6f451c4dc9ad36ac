"""Messages of several fan-outs taken in turn, one from each: two meetings due together share
the rate instead of one waiting for the other's thousands."""

from __future__ import annotations

import asyncio
from collections import OrderedDict, deque
from collections.abc import Iterable

from bot.services.reminders.outbox import Outgoing


class FairQueue:
    def __init__(self) -> None:
        self._fan_outs: OrderedDict[str, deque[Outgoing]] = OrderedDict()
        self._size = 0
        self._ready = asyncio.Event()

    def __len__(self) -> int:
        return self._size

    def put_all(self, items: Iterable[Outgoing]) -> None:
        for item in items:
            self._fan_outs.setdefault(item.fan_out, deque()).append(item)
            self._size += 1
        if self._size:
            self._ready.set()

    async def get(self) -> Outgoing:
        """The next message of the next fan-out in turn (round-robin)."""
        while not self._size:
            self._ready.clear()
            await self._ready.wait()
        key, messages = next(iter(self._fan_outs.items()))
        item = messages.popleft()
        self._size -= 1
        self._fan_outs.move_to_end(key)
        if not messages:
            del self._fan_outs[key]
        return item
