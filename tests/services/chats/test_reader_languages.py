"""Each Telegram language gets its interface and its content fallback (bot.languages): Kazakh and
Uzbek readers their catalogues and Russian content before English; Kyrgyz, Tajik and Turkmen
readers Russian; /language offers a button for each language, named in itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.callbacks import ChooseLanguage, encode
from bot.services.inquiry import Inquiry
from bot.services.router import press, respond
from bot.services.runtime import Runtime
from storage.database import Database
from storage.models import Chat
from tests.support.runtimes import runtime_at

NOW = datetime(2026, 11, 29, tzinfo=UTC)
RUSSIAN_TITLE = "Шестая ежегодная встреча"
ENGLISH_TITLE = "Sixth annual Meeting"


def runtime(database: Database) -> Runtime:
    return runtime_at(database, NOW)


def from_user(text: str, telegram_language: str | None, chat_id: int = 91) -> Inquiry:
    return Inquiry(
        text=text, chat_id=chat_id, user_id=chat_id, telegram_language=telegram_language
    )


@pytest.mark.parametrize(
    ("telegram", "header", "title"),
    [
        ("en", "Past meetings", ENGLISH_TITLE),
        ("ru", "Прошедшие встречи", RUSSIAN_TITLE),
        ("kk", "Өткен кездесулер", RUSSIAN_TITLE),
        ("kk-KZ", "Өткен кездесулер", RUSSIAN_TITLE),
        ("uz", "Oʻtgan uchrashuvlar", RUSSIAN_TITLE),
        ("uz-Cyrl", "Oʻtgan uchrashuvlar", RUSSIAN_TITLE),
        ("ky", "Прошедшие встречи", RUSSIAN_TITLE),
        ("tg", "Прошедшие встречи", RUSSIAN_TITLE),
        ("tk", "Прошедшие встречи", RUSSIAN_TITLE),
        ("de", "Past meetings", ENGLISH_TITLE),
        (None, "Past meetings", ENGLISH_TITLE),
    ],
)
async def test_each_telegram_language_reads_its_interface_and_content(
    database: Database, telegram: str | None, header: str, title: str
) -> None:
    reply = await respond(runtime(database), from_user("/past", telegram))
    assert header in reply.text and title in reply.text


async def test_a_kazakh_reader_reads_an_admin_text_missing_in_kazakh_in_russian(
    database: Database,
) -> None:
    reply = await respond(runtime(database), from_user("/editevent", "kk"))
    assert "администратор" in reply.text.casefold()


async def test_language_offers_each_language_named_in_itself(database: Database) -> None:
    reply = await respond(runtime(database), from_user("/language", "kk"))
    labels = [button.label for row in reply.buttons for button in row]
    assert labels == ["English", "Русский", "Қазақша", "Oʻzbekcha"]
    assert "/language uz" in reply.text


@pytest.mark.parametrize(
    ("typed", "said"), [("/language uz", "oʻzbek"), ("/language қазақша", "қазақ тілінде")]
)
async def test_a_language_is_chosen_by_its_words(
    database: Database, typed: str, said: str
) -> None:
    assert said in (await respond(runtime(database), from_user(typed, "en"))).text


async def test_pressing_a_language_keeps_it_for_the_chat(database: Database) -> None:
    pressed = await press(runtime(database), from_user(encode(ChooseLanguage("uz")), "ru"))
    assert "oʻzbek tilida" in pressed.text and pressed.edit
    async with database.sessions() as session:
        assert (await session.get(Chat, 91)).language == "uz"  # type: ignore[union-attr]
    assert "Buyruqlar" in (await respond(runtime(database), from_user("/help", "ru"))).text
