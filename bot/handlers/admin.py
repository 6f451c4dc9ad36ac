"""Admin commands, buttons and dialog answers: read here, answered by bot.services.admin.entry.

Registered before the public handlers so admin commands win over the catch-all. Dialog answers
are tried in an earlier group: a message from an admin in a dialog is consumed there, any other
message falls through to the public conversation untouched.
"""

from __future__ import annotations

import re
from dataclasses import replace

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
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
from bot.handlers.menus import apply_menus
from bot.services.admin.args import MAX_USER_ID
from bot.services.admin.entry import ADMIN_COMMANDS, run_button, run_command, run_dialog
from bot.services.admin.idle import DIALOG_COMMANDS
from bot.services.admin.menu import menus_after
from bot.services.inquiry import Inquiry, Person
from bot.services.numbers import parse_number

_COMMAND = re.compile(r"/(\w+)(?:@\w+)?\s*(.*)", re.DOTALL)
# Who is in a group now: someone who left or was removed is not looked up as a member.
MEMBER_STATUSES = frozenset(
    {
        ChatMemberStatus.OWNER,
        ChatMemberStatus.ADMINISTRATOR,
        ChatMemberStatus.MEMBER,
        ChatMemberStatus.RESTRICTED,
    }
)


def register_dialog(app: Application, group: int) -> None:
    """Answers in the guided dialog, in a group tried before everything else."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler(list(DIALOG_COMMANDS), on_dialog, filters=private), group)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & private, on_dialog), group)


def register(app: Application) -> None:
    app.add_handler(CommandHandler(list(ADMIN_COMMANDS), on_command))
    app.add_handler(CallbackQueryHandler(button_handler(run_button), pattern=r"^adm:"))


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    command = _COMMAND.fullmatch(message.text or "") if message else None
    if message is None or command is None:
        return
    name, args = command.group(1).lower(), command.group(2)
    runtime = runtime_of(context)
    inquiry = inquiry_from(update, args)
    if name == "grant":
        inquiry = await with_member(update, inquiry, args)
    reply = await run_command(runtime, inquiry, name)
    # The menu first: when the reply says "now an admin", their menu already shows it.
    await apply_menus(context.bot, menus_after(reply.menu_changes, runtime.default_language))
    await send_reply(context.bot, message.chat_id, reply)


async def with_member(update: Update, inquiry: Inquiry, args: str) -> Inquiry:
    """`/grant 123` in a group: the inquiry pointing at member 123 when Telegram knows them
    there (getChatMember), so the service can tell a person from a typo or a bot."""
    chat = update.effective_chat
    user_id = parse_number(args, high=MAX_USER_ID - 1)
    if chat is None or chat.type == ChatType.PRIVATE or user_id is None:
        return inquiry
    try:
        member = await chat.get_member(user_id)
    except TelegramError:
        return inquiry
    if member.status not in MEMBER_STATUSES:
        return inquiry
    person = Person(member.user.id, member.user.full_name, is_bot=member.user.is_bot)
    return replace(inquiry, about=person)


async def on_dialog(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    command = _COMMAND.fullmatch(message.text)
    name = command.group(1).lower() if command else None
    reply = await run_dialog(runtime_of(context), inquiry_from(update, message.text), name)
    if reply is None:
        return
    await send_reply(context.bot, message.chat_id, reply)
    raise ApplicationHandlerStop
