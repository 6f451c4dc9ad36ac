"""/language: the chat chooses its interface language (bot.languages), whatever its Telegram
interface language: by a word (`/language kk`) or by a button that names each language in
itself. In a group only its administrators may change it (the command table's `changes_chat`;
for the buttons, bot.handlers.subscriptions asks Telegram first)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import INTERFACE_LANGUAGES, InterfaceLanguage, chosen_by_word
from bot.places import fold
from bot.services.callbacks import ChooseLanguage, encode
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.services.subscriptions.permissions import refused_in_group
from bot.texts import t
from storage.repositories import chats


async def choose_language(session: AsyncSession, request: Request) -> Reply:
    choice = chosen_by_word(fold(request.args))
    if choice is None:
        return Reply(t(request.language, "language.usage"), buttons=language_buttons())
    return await _choose(session, request, choice)


async def language_pressed(
    session: AsyncSession, request: Request, code: InterfaceLanguage
) -> Reply:
    refused = refused_in_group(request)
    if refused is not None:
        return refused
    chosen = await _choose(session, request, code)
    return Reply(chosen.text, edit=True)


async def _choose(session: AsyncSession, request: Request, choice: InterfaceLanguage) -> Reply:
    if request.chat_id is not None:
        await chats.set_language(session, request.chat_id, choice, request.now)
    return Reply(t(choice, "language.chosen"))


def language_buttons() -> tuple[tuple[Button, ...], ...]:
    """One button a language, each named in itself ("Қазақша", "Oʻzbekcha"), two a row."""
    buttons = [
        Button(language.name, encode(ChooseLanguage(code)))
        for code, language in INTERFACE_LANGUAGES.items()
    ]
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
