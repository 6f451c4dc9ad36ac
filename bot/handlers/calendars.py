"""/import (a document with that caption, or that reply to a document) and /export; an .ics
sent without the caption gets a hint.

Answered by bot.services.calendars.entry. Registered before the public handlers, whose catch-all
for unknown commands would otherwise answer /import.
"""

from __future__ import annotations

import time

from telegram import Document, Message, Update
from telegram.ext import (
    Application,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)

from bot.handlers.context import inquiry_from, runtime_of
from bot.handlers.delivery import edit_reply, send_reply
from bot.services.calendars.entry import Upload, run_calendar_hint, run_export, run_import
from bot.services.commands import caption_pattern, parse_command
from bot.services.reply import Reply
from bot.texts import Html

# A caption is not a command to Telegram's command filters, so it is read here.
_CAPTION_COMMAND = caption_pattern("import")
# Seconds between two edits of the progress message.
EDIT_INTERVAL = 1.0


def register(app: Application) -> None:
    app.add_handler(CommandHandler("import", on_import))
    app.add_handler(
        MessageHandler(filters.Document.ALL & filters.CaptionRegex(_CAPTION_COMMAND), on_import)
    )
    app.add_handler(CommandHandler("export", on_export))
    # In a private chat only: in a group, a file shared among people is not meant for the bot.
    calendar_file = filters.Document.FileExtension("ics") | filters.Document.MimeType(
        "text/calendar"
    )
    private = filters.ChatType.PRIVATE
    app.add_handler(MessageHandler(calendar_file & private, on_calendar_file))


async def on_import(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not addressed_to_us(message, context.bot.username):
        return
    document = message.document or replied_document(message)
    upload = _upload(document) if document is not None else None
    inquiry = inquiry_from(update, message.text or message.caption or "")
    progress = ProgressMessage(context.bot, message.chat_id)
    reply = await run_import(runtime_of(context), inquiry, upload, progress)
    await send_reply(context.bot, message.chat_id, reply)


async def on_export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    reply = await run_export(runtime_of(context), inquiry_from(update, message.text or ""))
    await send_reply(context.bot, message.chat_id, reply)


async def on_calendar_file(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or message.document is None:
        return
    name = message.document.file_name or ""
    reply = await run_calendar_hint(runtime_of(context), inquiry_from(update, ""), name)
    if reply is not None:
        await send_reply(context.bot, message.chat_id, reply)


class ProgressMessage:
    """How far a long import got: one message, edited as batches finish.

    Edits come at most once a second (Telegram's pace for one chat); the last one may be skipped,
    as the final report follows at once.
    """

    def __init__(self, bot: ExtBot[None], chat_id: int) -> None:
        self._bot, self._chat_id = bot, chat_id
        self._message: Message | None = None
        self._shown_at = 0.0

    async def __call__(self, text: Html) -> None:
        if self._message is None:
            self._message = await send_reply(self._bot, self._chat_id, Reply(text))
        elif time.monotonic() - self._shown_at >= EDIT_INTERVAL:
            await edit_reply(self._message, Reply(text))
        else:
            return
        self._shown_at = time.monotonic()


def addressed_to_us(message: Message, username: str) -> bool:
    """CommandHandler checks "/import@other_bot" itself; a caption is checked here."""
    command = parse_command(message.caption or "") if message.document else None
    mention = command.mention if command else None
    return mention is None or mention.lower() == username.lower()


def replied_document(message: Message) -> Document | None:
    replied = message.reply_to_message
    return replied.document if replied is not None else None


def _upload(document: Document) -> Upload:
    async def fetch() -> bytes:
        file = await document.get_file()
        return bytes(await file.download_as_bytearray())

    return Upload(
        file_name=document.file_name or "",
        mime_type=document.mime_type,
        file_size=document.file_size,
        fetch=fetch,
    )
