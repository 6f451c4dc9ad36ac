"""Admins on a phone: their own command menu and /help section, /grant by reply or forward,
/admins with names, and a revoke that a restart undoes said plainly. English and Russian."""

from __future__ import annotations

import pytest

from bot.services.admin.menu import ADMIN_MENU
from bot.services.chats.menu import MENU
from storage.database import Database
from storage.models import Admin
from tests.e2e.admins import (  # noqa: F401 - clock and admin_ids are fixtures
    ADMINS,
    AIDA,
    BAKHTIYOR,
    LANGUAGES,
    admin_ids,
    clock,
    count,
    forwarded_from,
    reply_with_command,
    written_in,
)
from tests.e2e.users import DILNOZA, TOM, ask
from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser

GROUP = FakeChat(-100500, "Colleagues")
TEXTS = {
    "en": {
        "admin_help": "<b>For admins</b>",
        "granted": f"User Tom (<code>{TOM.id}</code>) is now an admin.",
        "hidden": "Telegram does not tell me who Secret Person is",
        "restart": "only until the bot restarts",
        "marked": "in <code>BOT_ADMIN_IDS</code>",
        "by": "granted by {name} (<code>{id}</code>)",
        "refused": "Sorry, this is for the bot's administrators only.",
    },
    "ru": {
        "admin_help": "<b>Для администраторов</b>",
        "granted": f"Пользователь Tom (<code>{TOM.id}</code>) теперь администратор.",
        "hidden": "Telegram не сообщает мне, кто такой Secret Person",
        "restart": "только до перезапуска бота",
        "marked": "в <code>BOT_ADMIN_IDS</code>",
        "by": "назначил {name} (<code>{id}</code>)",
        "refused": "Извините, это доступно только администраторам бота.",
    },
}


def chat_menu(api: FakeBotApi, user: FakeUser, language: str = "") -> list[str]:
    scope = {"type": "chat", "chat_id": user.id}
    return [command["command"] for command in api.my_commands(language, scope)]


async def test_each_admin_gets_their_own_menu_in_both_languages(bot_api: FakeBotApi) -> None:
    await ask(bot_api, TOM, "help")  # the menus are set before the first update is handled
    for admin in (AIDA, BAKHTIYOR):
        for language in ("en", "ru", ""):
            assert chat_menu(bot_api, admin, language) == [*MENU, *ADMIN_MENU]
    scope = {"type": "chat", "chat_id": AIDA.id}
    russian = {c["command"]: c["description"] for c in bot_api.my_commands("ru", scope)}
    assert russian["restoreevent"] == "Вернуть отменённую: /restoreevent 5"
    assert chat_menu(bot_api, TOM) == [] and chat_menu(bot_api, TOM, "en") == []
    # Everyone else keeps the public menu.
    assert [c["command"] for c in bot_api.my_commands("en")] == list(MENU)


@LANGUAGES
async def test_help_has_an_admin_section_for_admins_only(
    bot_api: FakeBotApi, language: str
) -> None:
    admin_help = await ask(bot_api, ADMINS[language], "help")
    assert TEXTS[language]["admin_help"] in admin_help["text"]
    assert all(f"/{name} — " in admin_help["text"] for name in ADMIN_MENU)
    for user in (TOM, DILNOZA):
        public = await ask(bot_api, user, "help")
        assert "/grant" not in public["text"] and "/restoreevent" not in public["text"]


@LANGUAGES
async def test_grant_by_replying_to_a_forwarded_message(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin, texts = ADMINS[language], TEXTS[language]
    forward = forwarded_from(bot_api, admin, TOM.to_json(), "Could you add me?")
    reply_with_command(bot_api, admin, "grant", forward)
    granted = await bot_api.wait_for_message(chat_id=admin.id)
    assert granted["text"] == texts["granted"]
    assert chat_menu(bot_api, TOM, language) == [*MENU, *ADMIN_MENU]
    listed = await ask(bot_api, admin, "admins")
    assert f"Tom (<code>{TOM.id}</code>)" in listed["text"]
    by = texts["by"].format(name=admin.first_name, id=admin.id)
    assert by in listed["text"]
    revoked = await ask(bot_api, admin, "revoke", str(TOM.id))
    assert "Tom" in revoked["text"] and texts["restart"] not in revoked["text"]
    assert chat_menu(bot_api, TOM, language) == []


@LANGUAGES
async def test_grant_by_replying_in_a_group(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin = ADMINS[language]
    colleague = written_in(bot_api, TOM, GROUP, "I am the new press officer")
    reply_with_command(bot_api, admin, "grant", colleague, chat=GROUP)
    granted = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert granted["text"] == TEXTS[language]["granted"]
    assert await count(bot_database, Admin) == 3


@LANGUAGES
async def test_a_hidden_forward_is_explained_and_changes_nothing(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin = ADMINS[language]
    forward = forwarded_from(bot_api, admin, {"first_name": "Secret Person"}, "Hello")
    reply_with_command(bot_api, admin, "grant", forward)
    reply = await bot_api.wait_for_message(chat_id=admin.id)
    assert TEXTS[language]["hidden"] in reply["text"]
    assert "<code>/grant 123456789</code>" in reply["text"]
    assert await count(bot_database, Admin) == 2


@LANGUAGES
async def test_revoking_a_settings_admin_says_a_restart_brings_them_back(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin, texts = ADMINS[language], TEXTS[language]
    other = BAKHTIYOR if admin is AIDA else AIDA
    listed = await ask(bot_api, admin, "admins")
    assert listed["text"].count(texts["marked"]) == 2
    revoked = await ask(bot_api, admin, "revoke", str(other.id))
    assert texts["restart"] in revoked["text"] and "BOT_ADMIN_IDS" in revoked["text"]
    assert await count(bot_database, Admin) == 1
    assert chat_menu(bot_api, other, language) == []


@pytest.mark.parametrize("user", [TOM, DILNOZA], ids=lambda u: u.first_name)
async def test_a_non_admin_cannot_grant_by_reply(
    bot_api: FakeBotApi, bot_database: Database, user: FakeUser
) -> None:
    forward = forwarded_from(bot_api, user, user.to_json(), "me, please")
    reply_with_command(bot_api, user, "grant", forward)
    reply = await bot_api.wait_for_message(chat_id=user.id)
    assert reply["text"] == TEXTS[user.language_code]["refused"]
    assert await count(bot_database, Admin) == 2
    assert chat_menu(bot_api, user) == []
