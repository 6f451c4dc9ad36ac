"""Admin buttons: read here, answered by bot.services.admin.entry.

Admin commands go through the command table (bot/handlers/commands.py) and answers in the guided
dialog through the router, which looks for the dialog inside the update's one transaction.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler

from bot.handlers.context import button_handler
from bot.services.admin.args import MAX_USER_ID
from bot.services.admin.entry import run_button
from bot.services.callbacks import ADMIN_PREFIX
from bot.services.inquiry import Inquiry, Person
from bot.services.numbers import parse_number

# Who is in a group now: someone who left or was removed is not looked up as a member.
MEMBER_STATUSES = frozenset(
    {
        ChatMemberStatus.OWNER,
        ChatMemberStatus.ADMINISTRATOR,
        ChatMemberStatus.MEMBER,
        ChatMemberStatus.RESTRICTED,
    }
)


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(button_handler(run_button), pattern=rf"^{ADMIN_PREFIX}"))


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
