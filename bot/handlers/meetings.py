"""Questions, unknown commands and public buttons: read here, answered by bot.services.router."""

from __future__ import annotations

import re

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.handlers.commands import in_group
from bot.handlers.context import button_handler, inquiry_from, runtime_of
from bot.handlers.delivery import send_reply
from bot.services.router import press, respond

# A meeting's link, printed in every list: in a group Telegram sends it as shown ("/event_5")
# or, picked from a message, addressed ("/event_5@unrcca_bot"); one for another bot is not ours.
EVENT_LINK = re.compile(r"^/event_\d+(?:@(\w+))?(?:\s|$)", re.IGNORECASE)


def register(app: Application) -> None:
    # Anything else that looks like a command, in a private chat: "/event_5" or a typo.
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, on_message))
    groups = filters.COMMAND & filters.ChatType.GROUPS & filters.Regex(EVENT_LINK)
    app.add_handler(MessageHandler(groups, on_event_link))
    # Not a channel's posts: its readers never asked, and an answer would be posted to them all.
    questions = filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.CHANNEL_POSTS
    app.add_handler(MessageHandler(questions, on_text))
    app.add_handler(CallbackQueryHandler(button_handler(press)))


async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    reply = await respond(runtime_of(context), inquiry_from(update, message.text, context.bot.id))
    await send_reply(context.bot, message.chat_id, reply, answering=in_group(message))


async def on_event_link(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    link = EVENT_LINK.match(message.text or "") if message else None
    addressee = link.group(1) if link else None
    if addressee is None or addressee.lower() == (context.bot.username or "").lower():
        await on_message(update, context)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Questions: every message in a private chat; in groups only those addressed to the bot."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = message.text
    if message.chat.type != ChatType.PRIVATE:
        question = _addressed_text(update, context.bot.username)
        if question is None:
            return
        text = question
    reply = await respond(runtime_of(context), inquiry_from(update, text, context.bot.id))
    await send_reply(context.bot, message.chat_id, reply, answering=in_group(message))


def _addressed_text(update: Update, username: str) -> str | None:
    """The question without the @mention, if the message mentions or replies to the bot."""
    message = update.effective_message
    assert message is not None and message.text is not None
    mention = re.compile(rf"@{re.escape(username)}\b", re.IGNORECASE)
    if mention.search(message.text):
        return mention.sub(" ", message.text).strip()
    replied = message.reply_to_message
    author = replied.from_user if replied is not None else None
    if author is not None and author.is_bot and author.username == username:
        return message.text
    return None
