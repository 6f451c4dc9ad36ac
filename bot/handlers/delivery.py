"""Turning a Reply into Bot API calls (HTML and no link previews: the Defaults in bot/app.py).

Every text goes out through `fit_message`, the one place that makes it fit Telegram's limits.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    ReplyParameters,
)
from telegram import Message as TelegramMessage
from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.formatting.fitting import CAPTION_LIMIT, fit_message
from bot.services.reply import Button, Reply

log = logging.getLogger(__name__)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return markup(reply.buttons)


def markup(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(button) for button in row] for row in rows])


def _button(button: Button) -> InlineKeyboardButton:
    if button.url is not None:
        return InlineKeyboardButton(button.label, url=button.url)
    return InlineKeyboardButton(button.label, callback_data=button.data)


async def send_reply(
    bot: ExtBot[None],
    chat_id: int,
    reply: Reply,
    answering: int | None = None,
    **options: Any,
) -> TelegramMessage:
    """`answering`: the id of the message the reply quotes (sent anyway if it was deleted);
    `options` go to the Bot API call (a broadcast's `rate_limit_args`, `allow_paid_broadcast`)."""
    quoted = ReplyParameters(answering, allow_sending_without_reply=True) if answering else None
    if reply.attachment is not None:
        attachment = reply.attachment
        return await bot.send_document(
            chat_id,
            InputFile(attachment.content, filename=attachment.file_name),
            caption=fit_message(reply.text, CAPTION_LIMIT) or None,
            reply_markup=keyboard(reply),
            reply_parameters=quoted,
            **options,
        )
    if reply.file_id is not None:
        return await bot.send_document(
            chat_id,
            reply.file_id,
            caption=fit_message(reply.text, CAPTION_LIMIT) or None,
            reply_markup=keyboard(reply),
            reply_parameters=quoted,
            **options,
        )
    return await bot.send_message(
        chat_id,
        fit_message(reply.text),
        reply_markup=keyboard(reply),
        reply_parameters=quoted,
        **options,
    )


async def edit_reply(message: TelegramMessage, reply: Reply) -> None:
    await message.edit_text(
        fit_message(reply.text),
        reply_markup=keyboard(reply),
    )


async def show_on_press(bot: ExtBot[None], query: CallbackQuery, reply: Reply) -> None:
    """A button's reply: the pressed message edited in place, or a new message or file."""
    message = query.message
    if reply.edit_buttons and isinstance(message, TelegramMessage):
        await _unless_unchanged(message.edit_reply_markup(reply_markup=keyboard(reply)))
    elif reply.edit and isinstance(message, TelegramMessage):
        await _unless_unchanged(edit_reply(message, reply))
    elif (reply.text or reply.attachment or reply.file_id) and message is not None:
        await send_reply(bot, message.chat.id, reply)


async def _unless_unchanged(edit: Awaitable[object]) -> None:
    try:
        await edit
    except BadRequest as error:
        # Two quick presses of the same button ask for the page already shown.
        if "not modified" not in error.message:
            raise
        log.debug("message unchanged: %s", error)
