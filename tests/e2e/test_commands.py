"""Every public command, sent through the fake Bot API to the running bot."""

from __future__ import annotations

import pytest

from bot.services.chats.menu import MENU
from tests.e2e.users import DILNOZA, TOM, ask, buttons
from tests.fakebotapi import FakeBotApi


async def test_start_greets_in_the_users_language(bot_api: FakeBotApi) -> None:
    english = await ask(bot_api, TOM, "start")
    assert english["text"].startswith("Hello, Tom! I am the UNRCCA meetings bot.")
    assert english["parse_mode"] == "HTML"
    russian = await ask(bot_api, DILNOZA, "start")
    assert russian["text"].startswith("Здравствуйте, Dilnoza! Я бот встреч РЦПДЦА.")
    assert "/search — Поиск встреч по словам" in russian["text"]


async def test_help_lists_every_command_of_the_menu(bot_api: FakeBotApi) -> None:
    reply = await ask(bot_api, TOM, "help")
    positions = [reply["text"].index(f"/{name} — ") for name in MENU]
    assert positions == sorted(positions)


async def test_the_menu_is_registered_in_both_languages(bot_api: FakeBotApi) -> None:
    await ask(bot_api, TOM, "help")  # the menu is set before the first update is handled
    for language in ("en", "ru"):
        names = [command["command"] for command in bot_api.my_commands(language_code=language)]
        assert names == list(MENU)
    russian = {c["command"]: c["description"] for c in bot_api.my_commands(language_code="ru")}
    assert russian["next"] == "Ближайшая встреча"


async def test_next_shows_the_sixth_meeting(bot_api: FakeBotApi) -> None:
    reply = await ask(bot_api, TOM, "next")
    assert reply["text"].startswith(
        "<b>Sixth annual Meeting of Central Asian Deputy Ministers of Foreign Affairs</b>"
    )
    assert "27 November 2015" in reply["text"]
    # And the source article, the bundled meetings' document.
    assert buttons(reply) == ["rm:2", "ics:2", "doc:2"]


async def test_upcoming_and_past(bot_api: FakeBotApi) -> None:
    upcoming = await ask(bot_api, TOM, "upcoming")
    assert "Sixth annual Meeting" in upcoming["text"]
    assert "/event_2" in upcoming["text"]
    past = await ask(bot_api, DILNOZA, "past")
    assert "Пятая ежегодная встреча" in past["text"]
    assert "/event_1" in past["text"]


@pytest.mark.parametrize(("command", "args"), [("event", "2"), ("event_2", "")])
async def test_event_by_id(bot_api: FakeBotApi, command: str, args: str) -> None:
    reply = await ask(bot_api, TOM, command, args)
    assert "Sixth annual Meeting" in reply["text"]
    assert "ID: 2" in reply["text"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("999", "I do not have a meeting with ID 999."),
        ("abc", "<i>abc</i> is not a meeting ID."),
        ("", "Please tell me which meeting"),
    ],
)
async def test_event_problems(bot_api: FakeBotApi, args: str, expected: str) -> None:
    reply = await ask(bot_api, TOM, "event", args)
    assert reply["text"].startswith(expected)
    assert "/event 2" in reply["text"]


async def test_about(bot_api: FakeBotApi) -> None:
    reply = await ask(bot_api, TOM, "about")
    for fact in ("December 2007", "Turkmenistan and Uzbekistan", "<i>Source: Asia-Plus"):
        assert fact in reply["text"]


async def test_search_forgives_a_misspelt_city(bot_api: FakeBotApi) -> None:
    reply = await ask(bot_api, TOM, "search", "ashgabad")
    assert reply["text"].startswith("<b>Meetings matching</b> <i>Ashgabat</i>:")
    assert "Fifth annual Meeting" in reply["text"]
    assert "Sixth annual" not in reply["text"]


async def test_search_without_text(bot_api: FakeBotApi) -> None:
    reply = await ask(bot_api, DILNOZA, "search")
    assert reply["text"].startswith("Напишите, пожалуйста, что искать")
