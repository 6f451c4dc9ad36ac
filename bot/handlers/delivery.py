"""Turning a Reply into Bot API calls."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, LinkPreviewOptions
from telegram import Message as TelegramMessage
from telegram.constants import ParseMode
from telegram.ext import ExtBot

from bot.services.reply import Reply

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


async def send_reply(bot: ExtBot[None], chat_id: int, reply: Reply) -> TelegramMessage:
    if reply.attachment is not None:
        attachment = reply.attachment
        return await bot.send_document(
            chat_id,
            InputFile(attachment.content, filename=attachment.file_name),
            caption=reply.text or None,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard(reply),
        )
    return await bot.send_message(
        chat_id,
        reply.text,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(reply),
        link_preview_options=NO_PREVIEW,
    )


async def edit_reply(message: TelegramMessage, reply: Reply) -> None:
    await message.edit_text(
        reply.text,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(reply),
        link_preview_options=NO_PREVIEW,
    )
