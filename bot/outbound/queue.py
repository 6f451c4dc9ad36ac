"""The one queue of everything the bot sends on its own: earliest deadline first across every
fan-out, with each chat's turn kept here.

Telegram allows about one message a second to a chat (a group: 20 a minute). A chat whose turn
has not come is skipped and the next message in deadline order is taken, so no sender ever waits
on one chat while others could be served. When a chat's turn comes, everything queued for it is
taken together (bot.services.reminders.coalescing joins it into one message).

Deadline order is optimal for one rate-limited resource (Liu and Layland's earliest deadline
first): if any order sends every message by its deadline, this one does.
Times here are the event loop's monotonic seconds; deadlines are the messages' own datetimes.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterable
from datetime import datetime

from bot.services.reminders.outbox import Outgoing

# Seconds between two messages to one chat (Telegram: about 1 a second to a chat, 20 a minute to
# a group or channel, whose ids are negative).
PRIVATE_TURN = 1.0
GROUP_TURN = 3.0
# Turns of this many chats are kept before the ones long past are dropped.
PRUNE_MIN = 1024
# At most this many messages of one chat are taken together.
MAX_TOGETHER = 30

# (deadline, the kind's priority, arrival): the order of one chat's messages and of the chats.
_Key = tuple[datetime, int, int]
_Entry = tuple[_Key, Outgoing]


def chat_turn(chat_id: int) -> float:
    return GROUP_TURN if chat_id < 0 else PRIVATE_TURN


class DeadlineQueue:
    def __init__(
        self,
        priority: Callable[[Outgoing], int] = lambda _item: 0,
        turn: Callable[[int], float] = chat_turn,
    ) -> None:
        self._priority = priority
        self._turn_of = turn
        self._order = itertools.count()
        self._chats: dict[int, list[_Entry]] = {}
        # When each chat may be sent to next (absent: now).
        self._turns: dict[int, float] = {}
        # Chats whose turn has come, by their earliest deadline (entries may be stale: checked).
        self._ready: list[tuple[_Key, int]] = []
        # Chats whose turn is still to come, by that moment.
        self._waiting: list[tuple[float, int]] = []
        self._size = 0
        self._prune_at = PRUNE_MIN

    def __len__(self) -> int:
        return self._size

    def put(self, items: Iterable[Outgoing], now: float, not_before: float = 0.0) -> None:
        """Queue `items`; `not_before` holds their chats back (a retry's backoff)."""
        for item in items:
            chat = item.chat_id
            entry: _Entry = ((item.deadline, self._priority(item), next(self._order)), item)
            heapq.heappush(self._chats.setdefault(chat, []), entry)
            self._size += 1
            if not_before > self._turns.get(chat, 0.0):
                self._turns[chat] = not_before
            self._schedule(chat, now)

    def take(self, now: float, chats: int) -> list[list[Outgoing]]:
        """Up to `chats` chats whose turn has come, earliest deadline first, each with all it
        has queued (at most MAX_TOGETHER); their next turn starts now."""
        while self._waiting and self._waiting[0][0] <= now:
            _, chat = heapq.heappop(self._waiting)
            self._schedule(chat, now)
        taken: list[list[Outgoing]] = []
        while self._ready and len(taken) < chats:
            key, chat = heapq.heappop(self._ready)
            entries = self._chats.get(chat)
            if not entries or entries[0][0] != key or self._turns.get(chat, 0.0) > now:
                continue
            taken.append(self._pop_chat(chat, now))
        return taken

    def hold(self, chat: int, until: float) -> None:
        """The chat's next turn is not before `until` (a send that made several calls to it:
        a channel post that also edits its original)."""
        if until > self._turns.get(chat, 0.0):
            self._turns[chat] = until
            if chat in self._chats:
                heapq.heappush(self._waiting, (until, chat))

    def clear(self) -> None:
        """Nothing queued any more (its claims were let go); the chats' turns are kept."""
        self._chats.clear()
        self._ready.clear()
        self._waiting.clear()
        self._size = 0

    def next_turn(self) -> float | None:
        """When a chat with queued messages is next due its turn (None: nothing waits)."""
        if self._ready:
            return 0.0
        return self._waiting[0][0] if self._waiting else None

    def _pop_chat(self, chat: int, now: float) -> list[Outgoing]:
        entries = self._chats[chat]
        items = [heapq.heappop(entries)[1] for _ in range(min(len(entries), MAX_TOGETHER))]
        self._size -= len(items)
        self._turns[chat] = now + self._turn_of(chat)
        if entries:
            heapq.heappush(self._waiting, (self._turns[chat], chat))
        else:
            del self._chats[chat]
        self._forget_old_turns(now)
        return items

    def _schedule(self, chat: int, now: float) -> None:
        entries = self._chats.get(chat)
        if not entries:
            return
        turn = self._turns.get(chat, 0.0)
        if turn > now:
            heapq.heappush(self._waiting, (turn, chat))
        else:
            heapq.heappush(self._ready, (entries[0][0], chat))

    def _forget_old_turns(self, now: float) -> None:
        """Turns long past hold nothing back: dropped, so memory follows the queue, not the
        number of chats ever sent to (amortized: only when the turns kept have doubled)."""
        if len(self._turns) > self._prune_at:
            self._turns = {c: at for c, at in self._turns.items() if at > now or c in self._chats}
            self._prune_at = 2 * len(self._turns) + PRUNE_MIN
