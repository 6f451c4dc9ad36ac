"""What a handler reads from an update and from the application, and the one button handler."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import replace
from typing import Any

from telegram import Chat, Message, MessageOriginHiddenUser, MessageOriginUser, Update, User
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.bot_data import started_runtime
from bot.handlers.delivery import show_on_press
from bot.services.inquiry import Inquiry, Person
from bot.services.reply import Reply
from bot.services.runtime import Runtime

ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})
ButtonRun = Callable[[Runtime, Inquiry], Awaitable[Reply]]
Enrich = Callable[[Update, Inquiry], Awaitable[Inquiry]]
ButtonHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def runtime_of(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    return started_runtime(context.application)


def inquiry_from(update: Update, text: str, bot_id: int | None = None) -> Inquiry:
    """`bot_id`: given, a reply to one of this bot's messages carries that message's text, and
    the chat keeps follow-up context."""
    chat, user = update.effective_chat, update.effective_user
    return Inquiry(
        text=text,
        chat_id=chat.id if chat else None,
        chat_kind=chat.type if chat else "private",
        user_id=user.id if user else None,
        user_name=user.first_name if user else None,
        telegram_language=user.language_code if user else None,
        replied_text=_replied_text(update, bot_id),
        conversation_id=chat.id if chat and bot_id is not None else None,
        about=person_pointed_at(update.effective_message),
    )


def _replied_text(update: Update, bot_id: int | None) -> str | None:
    message = update.effective_message
    replied = message.reply_to_message if message else None
    author = replied.from_user if replied else None
    if replied is None or author is None or bot_id is None or author.id != bot_id:
        return None
    return replied.text or replied.caption


def person_pointed_at(message: Message | None) -> Person | None:
    """The author of the replied-to message, or of what it forwards (who sent it originally)."""
    replied = message.reply_to_message if message else None
    if replied is None:
        return None
    origin = replied.forward_origin
    if isinstance(origin, MessageOriginUser):
        return _person(origin.sender_user)
    if isinstance(origin, MessageOriginHiddenUser):
        return Person(None, origin.sender_user_name)
    return _person(replied.from_user) if replied.from_user else None


def _person(user: User) -> Person:
    return Person(user.id, user.full_name, is_bot=user.is_bot)


def button_handler(run: ButtonRun, enrich: Enrich | None = None) -> ButtonHandler:
    """A CallbackQuery handler that hands the press (its data as the text) to `run`, after
    `enrich` has added what only Telegram can tell (whether the presser administers a group).

    Every press is answered (answerCallbackQuery), even when the reply could not be made, or the
    user's client shows a spinner until it gives up.
    """

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        reply: Reply | None = None
        try:
            inquiry = inquiry_from(update, query.data or "")
            if enrich is not None:
                inquiry = await enrich(update, inquiry)
            reply = await run(runtime_of(context), inquiry)
        finally:
            await query.answer(reply.notice if reply else None)
        await show_on_press(context.bot, query, reply)

    return on_button


async def with_chat_admin(update: Update, inquiry: Inquiry) -> Inquiry:
    """In a group, the inquiry with whether its sender administers the group (getChatMember)."""
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
