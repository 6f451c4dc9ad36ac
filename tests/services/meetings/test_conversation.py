"""The conversation service: language choice, commands, chats remembered, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.services.runtime import Runtime
from storage.database import Database
from storage.models import Chat
from tests.support.runtimes import runtime_at

NOW = datetime(2026, 11, 29, tzinfo=UTC)


def runtime(database: Database) -> Runtime:
    return runtime_at(database, NOW)


def from_user(text: str, telegram_language: str = "en", chat_id: int = 77) -> Inquiry:
    return Inquiry(
        text=text, chat_id=chat_id, user_id=chat_id, telegram_language=telegram_language
    )


async def test_a_chosen_language_wins_over_telegrams(database: Database) -> None:
    assert "Commands" in (await respond(runtime(database), from_user("/help"))).text
    chosen = await respond(runtime(database), from_user("/language ru"))
    assert "по-русски" in chosen.text
    assert "Команды" in (await respond(runtime(database), from_user("/help"))).text
    # A question still gets the language it was asked in.
    assert (
        "Dushanbe"
        in (await respond(runtime(database), from_user("where is the sixth meeting?"))).text
    )


async def test_an_unknown_language_is_explained_with_an_example(database: Database) -> None:
    reply = await respond(runtime(database), from_user("/language klingon"))
    assert "/language en" in reply.text and "/language ru" in reply.text


async def test_telegram_language_chooses_the_reply_of_commands(database: Database) -> None:
    reply = await respond(runtime(database), from_user("/start", telegram_language="ru-RU"))
    assert "Здравствуйте" in reply.text


async def test_every_message_remembers_its_chat(database: Database) -> None:
    await respond(runtime(database), from_user("hello", chat_id=-100123))
    async with database.sessions() as session:
        chat = await session.get(Chat, -100123)
    assert chat is not None and chat.is_active


async def test_unknown_commands_and_long_messages_get_polite_help(database: Database) -> None:
    unknown = await respond(runtime(database), from_user("/frobnicate now"))
    assert "/frobnicate" in unknown.text and "/help" in unknown.text
    long = await respond(runtime(database), from_user("why " * 400))
    assert "1600" in long.text
