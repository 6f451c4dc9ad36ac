"""Every command of the command table (bot.services.commands) that the router answers: one
handler, read here, answered by bot.services.router.

A command that changes the chat carries, in a group, whether its sender administers the group
(asked of Telegram here, bot.handlers.context.with_chat_admin); the router refuses the others.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.handlers.admin import with_member
from bot.handlers.context import inquiry_from, runtime_of, with_chat_admin
from bot.handlers.delivery import send_reply
from bot.handlers.menus import apply_menus
from bot.services.admin.menu import menus_after
from bot.services.commands import command_named, parse_command, routed
from bot.services.router import respond


def register(app: Application) -> None:
    app.add_handler(CommandHandler(list(routed()), on_command))


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    inquiry = inquiry_from(update, message.text, context.bot.id)
    typed = parse_command(message.text)
    command = command_named(typed.name) if typed else None
    if command is not None and typed is not None and command.asks_chat_admin(typed.args):
        inquiry = await with_chat_admin(update, inquiry)
    if typed is not None and typed.name == "grant":
        inquiry = await with_member(update, inquiry, typed.args)
    runtime = runtime_of(context)
    reply = await respond(runtime, inquiry)
    # The menu first: when the reply says "now an admin", their menu already shows it.
    await apply_menus(context.bot, menus_after(reply.menu_changes, runtime.default_language))
    await send_reply(context.bot, message.chat_id, reply, answering=in_group(message))


def in_group(message: Message) -> int | None:
    """In a group an answer quotes its question, so readers see what it answers."""
    return message.message_id if message.chat.type != ChatType.PRIVATE else None
