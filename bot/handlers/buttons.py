"""Button presses: read here, answered by bot.services.buttons.

Every press is answered (answerCallbackQuery), or the user's client shows a spinner until it
gives up; the answer goes out even when the reply could not be made.
"""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes

from bot.handlers.context import runtime_of
from bot.handlers.delivery import show_on_press
from bot.services.buttons import ButtonPress, respond_to_button
from bot.services.reply import Reply


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
    await show_on_press(context.bot, query, reply)


def press_from(update: Update, query: CallbackQuery) -> ButtonPress:
    chat, user = update.effective_chat, query.from_user
    return ButtonPress(
        data=query.data or "",
        chat_id=chat.id if chat else None,
        chat_kind=chat.type if chat else "private",
        telegram_language=user.language_code,
    )
