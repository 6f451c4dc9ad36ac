"""Button presses: read here, answered by bot.services.buttons.

Every press is answered (answerCallbackQuery), or the user's client shows a spinner until it
gives up; the answer goes out even when the reply could not be made.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, ContextTypes

from bot.handlers.context import runtime_of
from bot.handlers.delivery import edit_reply, send_reply
from bot.services.buttons import ButtonPress, respond_to_button
from bot.services.reply import Reply

log = logging.getLogger(__name__)


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(on_button))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    reply: Reply | None = None
    try:
        reply = await respond_to_button(runtime_of(context), press_from(update, query))
    finally:
        await query.answer(reply.notice if reply else None)
    await _show(context, query, reply)


def press_from(update: Update, query: CallbackQuery) -> ButtonPress:
    chat, user = update.effective_chat, query.from_user
    return ButtonPress(
        data=query.data or "",
        chat_id=chat.id if chat else None,
        chat_kind=chat.type if chat else "private",
        telegram_language=user.language_code,
    )


async def _show(context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, reply: Reply) -> None:
    message = query.message
    if reply.edit and isinstance(message, Message):
        await _edit(message, reply)
    elif (reply.text or reply.attachment) and message is not None:
        await send_reply(context.bot, message.chat.id, reply)


async def _edit(message: Message, reply: Reply) -> None:
    try:
        await edit_reply(message, reply)
    except BadRequest as error:
        # Two quick presses of the same button ask for the page already shown.
        if "not modified" not in error.message:
            raise
        log.debug("page unchanged: %s", error)
