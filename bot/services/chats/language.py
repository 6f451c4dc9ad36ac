"""/language: the chat chooses English or Russian, whatever its Telegram interface language."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.places import fold
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Language, t
from storage.repositories import chats

# What people type for each language, folded (case and punctuation do not matter).
CHOICES: dict[str, Language] = {
    **dict.fromkeys(("en", "eng", "english", "английский", "англ"), "en"),
    **dict.fromkeys(("ru", "rus", "russian", "русский", "рус", "ру"), "ru"),
}


async def choose_language(session: AsyncSession, request: Request) -> Reply:
    choice = CHOICES.get(fold(request.args))
    if choice is None:
        return Reply(t(request.language, "language.usage"))
    if request.chat_id is not None:
        await chats.set_language(session, request.chat_id, choice, request.now)
    return Reply(t(choice, "language.chosen"))
