"""The one place unexpected exceptions end up: logged with their traceback, the user told, the
admin chat alerted (BOT_ALERT_CHAT_ID). A long poll that failed is one line: PTB tries again."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.api_watch import log_unanswered
from bot.bot_data import bot_data
from bot.handlers.context import runtime_of
from bot.services.chats.reachability import mark_unreachable
from bot.texts import as_language, t

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    chat = update.effective_chat if isinstance(update, Update) else None
    if isinstance(error, Forbidden):
        # Blocked by the user or removed from the group: stop writing to that chat.
        log.info("chat %s is unreachable: %s", chat.id if chat else "?", error)
        if chat is not None:
            await mark_unreachable(runtime_of(context), chat.id)
        return
    if isinstance(error, RetryAfter):
        log.warning("flood control: retry after %s; the reply is dropped", error.retry_after)
        return
    data = bot_data(context.application)
    if update is None and context.job is None and isinstance(error, NetworkError):
        log_unanswered(data.api_watch, error)
        return
    data.metrics.handler_errors.inc()
    log.error("error while handling an update", exc_info=error)
    if isinstance(update, Update) and chat is not None:
        await _apologise(update, context, chat.id)
    if data.alerts is not None and error is not None:
        await data.alerts.report(context.bot, error, _where(update, context))


def _where(update: object, context: ContextTypes.DEFAULT_TYPE) -> str:
    if isinstance(update, Update):
        return f"update {update.update_id}"
    return f"job {context.job.name}" if context.job is not None else "background task"


async def _apologise(update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
    user = update.effective_user
    language = as_language(user.language_code if user else None) or "en"
    try:
        await context.bot.send_message(chat_id, t(language, "error.internal"))
    except TelegramError as error:
        log.warning("could not apologise to chat %s: %s", chat_id, error)
