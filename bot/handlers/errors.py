"""The one place unexpected exceptions end up: logged with their traceback, the user told."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.handlers.context import runtime_of
from bot.texts import as_language, t

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if isinstance(error, Forbidden):
        # The user blocked the bot or removed it from the group: nothing to answer.
        log.info("chat unreachable: %s", error)
        return
    if isinstance(error, RetryAfter):
        log.warning("flood control: retry after %s s; the reply is dropped", error.retry_after)
        return
    log.error("error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        await _apologise(update, context)


async def _apologise(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    language = as_language(user.language_code if user else None) or "en"
    try:
        runtime_language = runtime_of(context).default_language
        language = as_language(user.language_code if user else None) or runtime_language
    except KeyError:
        pass
    chat = update.effective_chat
    assert chat is not None
    try:
        await context.bot.send_message(
            chat.id, t(language, "error.internal"), parse_mode=ParseMode.HTML
        )
    except TelegramError as error:
        log.warning("could not apologise to chat %s: %s", chat.id, error)
