"""What every entry point does first: remember the chat, choose the reader's language, and turn
the inquiry into a Request for the use cases."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.inquiry import Inquiry
from bot.services.request import Request
from bot.services.runtime import Runtime
from bot.texts import Language, as_language
from storage.repositories import chats


async def remember_chat(session: AsyncSession, chat_id: int | None, kind: str) -> str | None:
    """Record the chat; its chosen language, if any (None outside a chat, as in `ask`)."""
    if chat_id is None:
        return None
    return await chats.remember(session, chat_id, kind)


def reader_language(
    runtime: Runtime,
    chosen: str | None,
    telegram_language: str | None,
    *preferred: Language | None,
) -> Language:
    """The first of: what the caller prefers (forced, or the question's own language), the
    chat's choice, the user's Telegram language, the default."""
    return (
        next((language for language in preferred if language), None)
        or as_language(chosen)
        or as_language(telegram_language)
        or runtime.default_language
    )


async def request_for(
    session: AsyncSession,
    runtime: Runtime,
    inquiry: Inquiry,
    args: str | None = None,
    detected: Language | None = None,
) -> Request:
    chosen = await remember_chat(session, inquiry.chat_id, inquiry.chat_kind)
    language = reader_language(
        runtime, chosen, inquiry.telegram_language, inquiry.language, detected
    )
    return Request(
        args=(inquiry.text if args is None else args).strip(),
        language=language,
        now=runtime.clock(),
        user_id=inquiry.user_id,
        user_name=inquiry.user_name,
        chat_id=inquiry.chat_id,
    )
