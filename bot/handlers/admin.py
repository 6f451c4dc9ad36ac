"""Admin commands, buttons and dialog answers: read here, answered by bot.services.admin.entry.

Registered before the public handlers so admin commands win over the catch-all. Dialog answers
are tried in an earlier group: a message from an admin in a dialog is consumed there, any other
message falls through to the public conversation untouched.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.handlers.context import button_handler, inquiry_from, runtime_of
from bot.handlers.delivery import send_reply
from bot.services.admin.entry import run_button, run_dialog
from bot.services.admin.idle import DIALOG_COMMANDS
from bot.services.commands import parse_command


def register_dialog(app: Application, group: int) -> None:
    """Answers in the guided dialog, in a group tried before everything else."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler(list(DIALOG_COMMANDS), on_dialog, filters=private), group)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & private, on_dialog), group)


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(button_handler(run_button), pattern=r"^adm:"))


async def on_dialog(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    command = parse_command(message.text)
    name = command.name if command else None
    reply = await run_dialog(runtime_of(context), inquiry_from(update, message.text), name)
    if reply is None:
        return
    await send_reply(context.bot, message.chat_id, reply)
    raise ApplicationHandlerStop
