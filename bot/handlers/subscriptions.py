"""/subscribe, /unsubscribe, /subscriptions, /remind and /timezone: read here, answered by
bot.services.router like every public command.

In a group, only its administrators may change what the group receives: the sender's status is
asked of Telegram (getChatMember) here and passed on as a plain value.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import Chat, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.handlers.context import button_handler, inquiry_from, runtime_of
from bot.handlers.delivery import send_reply
from bot.services.inquiry import Inquiry
from bot.services.router import press, respond
from bot.services.subscriptions.commands import COMMANDS

ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})


def register(app: Application) -> None:
    app.add_handler(CommandHandler(list(COMMANDS), on_command))
    # "Remind me", "Stop reminding" and the /subscriptions list's Stop buttons.
    pattern = r"^(rm|stop|unsub):"
    app.add_handler(CallbackQueryHandler(button_handler(press, with_chat_admin), pattern=pattern))


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    inquiry = await with_chat_admin(update, inquiry_from(update, message.text))
    reply = await respond(runtime_of(context), inquiry)
    await send_reply(context.bot, message.chat_id, reply)


async def with_chat_admin(update: Update, inquiry: Inquiry) -> Inquiry:
    """In a group, the inquiry with whether its sender administers the group."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return inquiry
    message = update.effective_message
    if message is not None and message.sender_chat is not None and update.callback_query is None:
        # An anonymous administrator writes as the group itself.
        return replace(inquiry, is_chat_admin=message.sender_chat.id == chat.id)
    user = update.effective_user
    return replace(inquiry, is_chat_admin=user is not None and await _administers(chat, user.id))


async def _administers(chat: Chat, user_id: int) -> bool:
    try:
        member = await chat.get_member(user_id)
    except TelegramError:
        return False
    return member.status in ADMIN_STATUSES
