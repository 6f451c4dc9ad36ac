"""Unexpected errors told to an admin chat (BOT_ALERT_CHAT_ID), as PTB's error-handler example
does, but each error once and a few a quarter hour at most, so that a failing loop cannot flood
the chat (or the bot's own rate). The log keeps every one, with its traceback."""

from __future__ import annotations

import logging
from collections import OrderedDict

from aiolimiter import AsyncLimiter
from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.logs import Secrets, scrub
from bot.texts import t

log = logging.getLogger(__name__)
ALERTS_PER_PERIOD, PERIOD_SECONDS = 5, 900
# Errors already reported; the oldest are forgotten past this many.
REMEMBERED = 256
MAX_ERROR_CHARACTERS = 500


class Alerts:
    def __init__(self, chat_id: int, language: str, secrets: Secrets) -> None:
        self._chat_id = chat_id
        self._language = language
        self._secrets = secrets
        self._limiter = AsyncLimiter(ALERTS_PER_PERIOD, PERIOD_SECONDS)
        self._reported: OrderedDict[str, None] = OrderedDict()
        self.held_back = 0

    async def report(self, bot: Bot, error: BaseException, where: str) -> None:
        """Send one alert for `error`, unless it was reported or the chat had its share."""
        summary = scrub(f"{type(error).__name__}: {error}", self._secrets)
        summary = summary[:MAX_ERROR_CHARACTERS]
        if summary in self._reported:
            return
        if not self._limiter.has_capacity():
            self.held_back += 1
            return
        await self._limiter.acquire()
        self._remember(summary)
        text = t(self._language, "alert.error", where=where, error=summary, held=self.held_back)
        self.held_back = 0
        try:
            await bot.send_message(self._chat_id, text, parse_mode=ParseMode.HTML)
        except TelegramError as failure:
            log.warning("could not send the alert to chat %s: %s", self._chat_id, failure)

    def _remember(self, summary: str) -> None:
        self._reported[summary] = None
        if len(self._reported) > REMEMBERED:
            self._reported.popitem(last=False)
