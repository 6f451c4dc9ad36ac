"""Sending one claimed channel post: the meeting's original post first (or, once it exists, that
post edited to the meeting's current state), then the change as a short reply to it.

The original's message id is written as soon as Telegram answers, in its own transaction, so a
change claimed later (by this process or another, after a restart) edits it. While that write
waits, this process remembers it, so a retry of the same post does not post the card twice.
A post the channel refuses for good breaks the link and is reported to the admins
(bot.services.channels.lost); it is not retried.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.formatting.fitting import fit_message
from bot.handlers.delivery import send_reply
from bot.services.channels.lost import channel_refused
from bot.services.reminders.coalescing import Combined
from bot.services.reply import Reply
from bot.services.runtime import Runtime
from bot.texts import Html
from storage.repositories import channels

log = logging.getLogger(__name__)

# Telegram's answers to an edit that need no retry: the post shows this already, or a channel
# admin deleted it (the change is still posted, as a post of its own).
HARMLESS_EDIT_ERRORS = ("not modified", "message to edit not found")


class ChannelPoster:
    def __init__(self, bot: ExtBot[None], runtime: Runtime, options: dict[str, Any]) -> None:
        self._bot = bot
        self._runtime = runtime
        self._options = options
        # (channel, meeting) -> original post, until its post ended well.
        self._originals: dict[tuple[int, int], int] = {}

    async def post(self, chat_id: int, combined: Combined) -> int:
        """Post it; the number of calls made to the channel (each counts against its rate)."""
        verdict = combined.held[0]
        item = verdict.item
        key = (chat_id, item.meeting_id)
        original = self._originals.get(key, item.original_message_id)
        card = verdict.brief or Html("")
        if original is None:
            posted = await send_reply(self._bot, chat_id, Reply(card), **self._options)
            original = self._originals[key] = posted.message_id
            await self._record(item.record_id, original)
        else:
            await self._edit(chat_id, original, card)
        if combined.reply.text:
            await send_reply(
                self._bot, chat_id, combined.reply, answering=original, **self._options
            )
        self._originals.pop(key, None)
        return 1 + bool(combined.reply.text)

    async def refused(self, chat_id: int, reason: str) -> None:
        """The channel refused a post for good: the link breaks, the admins are told."""
        for report in await channel_refused(self._runtime, chat_id, reason):
            try:
                await send_reply(self._bot, report.chat_id, report.reply)
            except Exception:
                log.warning("could not tell admin %s of channel %s", report.chat_id, chat_id)

    async def _edit(self, chat_id: int, message_id: int, card: Html) -> None:
        try:
            await self._bot.edit_message_text(
                fit_message(card), chat_id=chat_id, message_id=message_id, **self._edit_options()
            )
        except BadRequest as error:
            if not any(harmless in error.message.lower() for harmless in HARMLESS_EDIT_ERRORS):
                raise
            log.info("original post %s in %s not edited: %s", message_id, chat_id, error)

    def _edit_options(self) -> dict[str, Any]:
        # An edit is no paid broadcast; it is paced like the post it belongs to.
        return {"rate_limit_args": self._options.get("rate_limit_args")}

    async def _record(self, post_id: int, message_id: int) -> None:
        try:
            async with self._runtime.transaction() as session:
                await channels.record_message(session, post_id, message_id)
        except Exception:
            log.exception("could not record channel post %s's message %s", post_id, message_id)
