"""The guided /addevent on a phone: answers typed as the hints show them, a city checked at its
step with the closest names offered, and /back. English and Russian admins; a non-admin."""

from __future__ import annotations

from sqlalchemy import select

from storage.database import Database
from storage.models import AdminDraft
from tests.e2e.admins import (  # noqa: F401 - clock and admin_ids are fixtures
    ADMINS,
    LANGUAGES,
    admin_ids,
    clock,
    press,
)
from tests.e2e.users import DILNOZA, TOM, Json, ask, buttons
from tests.fakebotapi import FakeBotApi, FakeUser

QUESTIONS = {
    "en": {
        "title": "<b>title</b>",
        "city": "<b>city</b>",
        "starts": "<b>start</b>",
        "ends": "<b>end</b>",
        "zone": "<b>time zone</b>",
        "meant": "Did you mean: <b>Almaty</b>?",
        "first": "This is the first question",
        "nothing": "There is nothing to go back to",
    },
    "ru": {
        "title": "<b>называется</b>",
        "city": "<b>городе</b>",
        "starts": "<b>начинается</b>",
        "ends": "<b>заканчивается</b>",
        "zone": "<b>часовой пояс</b>",
        "meant": "вы имели в виду: <b>Алматы</b>?",
        "first": "Это первый вопрос",
        "nothing": "Возвращаться некуда",
    },
}


async def answer(api: FakeBotApi, user: FakeUser, text: str) -> Json:
    api.send_text(user, text)
    return await api.wait_for_message(chat_id=user.id)


async def draft_values(database: Database) -> dict[str, object]:
    async with database.sessions() as session:
        draft = await session.scalar(select(AdminDraft))
    assert draft is not None
    return dict(draft.values)


@LANGUAGES
async def test_answers_may_start_with_their_key_as_the_hints_show(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin, asked = ADMINS[language], QUESTIONS[language]
    assert asked["title"] in (await ask(bot_api, admin, "addevent"))["text"]
    assert asked["city"] in (await answer(bot_api, admin, "title: Water talks"))["text"]
    assert asked["starts"] in (await answer(bot_api, admin, "city: Almaty"))["text"]
    ends = await answer(bot_api, admin, "starts: 2026-12-10 10:00")
    assert asked["ends"] in ends["text"]
    values = await draft_values(bot_database)
    assert values == {"title": "Water talks", "city": "Almaty", "starts": "2026-12-10 10:00"}


@LANGUAGES
async def test_an_unknown_city_is_checked_at_its_step(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin, asked = ADMINS[language], QUESTIONS[language]
    await ask(bot_api, admin, "addevent")
    await answer(bot_api, admin, "Water talks")
    typo = await answer(bot_api, admin, "Almatty")
    assert asked["meant"] in typo["text"] and asked["zone"] in typo["text"]
    assert asked["starts"] in (await answer(bot_api, admin, "Almaty"))["text"]
    assert (await draft_values(bot_database))["city"] == "Almaty"
    await ask(bot_api, admin, "back")
    nonsense = await answer(bot_api, admin, "next tuesday")
    assert asked["zone"] in nonsense["text"] and asked["meant"] not in nonsense["text"]
    # The right name instead of a zone replaces the city; no zone is kept from it.
    assert asked["starts"] in (await answer(bot_api, admin, "Алматы"))["text"]
    values = await draft_values(bot_database)
    assert values["city"] == "Алматы" and "timezone" not in values


@LANGUAGES
async def test_back_returns_to_the_previous_question(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin, asked = ADMINS[language], QUESTIONS[language]
    await ask(bot_api, admin, "addevent")
    await answer(bot_api, admin, "Water talks")
    starts = await answer(bot_api, admin, "Almaty")
    back_button = [data for data in buttons(starts) if data.startswith("adm:back:")]
    city_again = await press(bot_api, admin, starts, back_button[0])
    assert asked["city"] in city_again["text"]
    assert await draft_values(bot_database) == {"title": "Water talks"}
    assert asked["title"] in (await ask(bot_api, admin, "back"))["text"]
    first = await ask(bot_api, admin, "back")
    assert asked["first"] in first["text"] and asked["title"] in first["text"]
    assert await draft_values(bot_database) == {}


@LANGUAGES
async def test_back_outside_a_dialog_says_there_is_nothing_to_go_back_to(
    bot_api: FakeBotApi, language: str
) -> None:
    for user in (ADMINS[language], TOM if language == "en" else DILNOZA):
        reply = await ask(bot_api, user, "back")
        assert QUESTIONS[language]["nothing"] in reply["text"]
