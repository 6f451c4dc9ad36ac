"""/attach: a document sent with that caption (or that replies to one), or a link typed after
it. Answered by bot.services.documents.attaching; registered before the public handlers, whose
catch-all for unknown commands would otherwise answer /attach."""

from __future__ import annotations

from telegram import Document, Update
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from bot.handlers.calendars import addressed_to_us, replied_document
from bot.handlers.context import inquiry_from, runtime_of
from bot.handlers.delivery import send_reply
from bot.services.commands import caption_pattern
from bot.services.documents.attaching import DocumentUpload, run_attach

_CAPTION_COMMAND = caption_pattern("attach")


def register(app: Application) -> None:
    app.add_handler(CommandHandler("attach", on_attach))
    app.add_handler(
        MessageHandler(filters.Document.ALL & filters.CaptionRegex(_CAPTION_COMMAND), on_attach)
    )


async def on_attach(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not addressed_to_us(message, context.bot.username):
        return
    document = message.document or replied_document(message)
    upload = _upload(document) if document is not None else None
    inquiry = inquiry_from(update, message.text or message.caption or "")
    reply = await run_attach(runtime_of(context), inquiry, upload)
    await send_reply(context.bot, message.chat_id, reply)


def _upload(document: Document) -> DocumentUpload:
    async def fetch() -> bytes:
        file = await document.get_file()
        return bytes(await file.download_as_bytearray())

    return DocumentUpload(
        file_id=document.file_id,
        file_name=document.file_name or "",
        mime_type=document.mime_type,
        file_size=document.file_size,
        fetch=fetch,
    )
