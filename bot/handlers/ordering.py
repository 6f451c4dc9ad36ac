"""Updates from different chats handled at once; those from one chat one after another, and a
chat that floods the bot slowed down without slowing anyone else.

PTB handles one update at a time unless `concurrent_updates` is set, so one admin's long import
kept everyone else waiting. With it set, PTB gives no order at all: two quick answers in the
guided dialog, or a press and the command before it, could overtake each other. This processor
keeps each chat's updates in the order they came (asyncio locks wake waiters first come, first
served) while other chats go on.

Admission (issue 20): PTB holds its own semaphore around `do_process_update`, that is while an
update waits for its chat's turn, so 500 messages from one user took all 256 slots and another
user's first answer waited 9 s. Here PTB's bound is lifted and the shared slots are taken only
once a chat's turn has come: a chat holds at most one. A chat's updates beyond
`max_waiting` behind the one being handled are dropped, and the chat is asked once per burst
to slow down.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

from bot.texts import as_language, t

log = logging.getLogger(__name__)

# PTB's own figure for `concurrent_updates=True`; its connection pool is as large.
MAX_CONCURRENT_UPDATES = 256
# A person types a few messages ahead of the bot's answers, a dialog a few presses: more than
# this many waiting in one chat is a script or a stuck key, and dropping them costs nobody.
MAX_WAITING_PER_CHAT = 10
# PTB's semaphore, which would be held while waiting for a chat's turn, is never the limit.
UNBOUNDED = 2**31

Overflow = Callable[[Update], Awaitable[None]]


@dataclass
class _Chat:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Updates being handled or waiting for the lock; the entry is dropped at zero.
    admitted: int = 0
    # Whether this burst's "slow down" was sent; a quiet chat starts afresh.
    warned: bool = False


async def ask_to_slow_down(update: Update) -> None:
    """One polite reply, in the sender's Telegram language (no database lookup on a flood)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    language = as_language(user.language_code if user else None) or "en"
    try:
        await chat.send_message(t(language, "flood.slow_down"))
    except TelegramError as error:
        log.warning("could not ask chat %s to slow down: %s", chat.id, error)


class PerChatOrder(BaseUpdateProcessor):
    def __init__(
        self,
        max_concurrent_updates: int = MAX_CONCURRENT_UPDATES,
        max_waiting: int = MAX_WAITING_PER_CHAT,
        on_overflow: Overflow = ask_to_slow_down,
    ) -> None:
        super().__init__(UNBOUNDED)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._max_waiting = max_waiting
        self._on_overflow = on_overflow
        self._chats: dict[int, _Chat] = {}
        # Updates dropped since the start, for /metrics and tests.
        self.dropped = 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_of(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        chat = self._chats.setdefault(key, _Chat())
        if chat.admitted > self._max_waiting:
            await self._drop(chat, update, coroutine)
            return
        chat.admitted += 1
        try:
            async with chat.lock, self._slots:
                await coroutine
        finally:
            chat.admitted -= 1
            if chat.admitted == 0:
                del self._chats[key]

    async def _drop(self, chat: _Chat, update: object, coroutine: Awaitable[Any]) -> None:
        if inspect.iscoroutine(coroutine):
            coroutine.close()  # never started: closing it is not an error
        self.dropped += 1
        if not chat.warned and isinstance(update, Update):
            chat.warned = True
            await self._on_overflow(update)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


def _chat_of(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    chat, user = update.effective_chat, update.effective_user
    return chat.id if chat else user.id if user else None
