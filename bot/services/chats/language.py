"""/language: the chat chooses its interface language (bot.languages), whatever its Telegram
interface language."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import chosen_by_word
from bot.places import fold
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import t
from storage.repositories import chats


async def choose_language(session: AsyncSession, request: Request) -> Reply:
    choice = chosen_by_word(fold(request.args))
    if choice is None:
        return Reply(t(request.language, "language.usage"))
    if request.chat_id is not None:
        await chats.set_language(session, request.chat_id, choice, request.now)
    return Reply(t(choice, "language.chosen"))
