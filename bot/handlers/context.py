"""What a handler reads from an update and from the application."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.services.inquiry import Inquiry
from bot.services.runtime import Runtime

RUNTIME_KEY = "runtime"


def runtime_of(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    runtime: Runtime = context.application.bot_data[RUNTIME_KEY]
    return runtime


def inquiry_from(update: Update, text: str) -> Inquiry:
    chat, user = update.effective_chat, update.effective_user
    return Inquiry(
        text=text,
        chat_id=chat.id if chat else None,
        chat_kind=chat.type if chat else "private",
        user_id=user.id if user else None,
        user_name=user.first_name if user else None,
        telegram_language=user.language_code if user else None,
    )
