"""Admins as people: names kept, settings admins marked, /grant's target, the menus they get."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.admin import access
from bot.services.admin.menu import ADMIN_MENU, every_admin_menu, menus_after
from bot.services.admin.people import Target, target_of
from bot.services.chats.menu import MENU
from bot.services.inquiry import Person
from bot.services.reply import MenuChange, Reply
from bot.services.request import Request
from storage.database import Database
from storage.repositories import admins

NOW = datetime(2026, 11, 29, 9, tzinfo=UTC)
FIRST, SECOND = 1001, 1002


def request(args: str = "", about: Person | None = None) -> Request:
    return Request(args=args, language="en", now=NOW, user_id=FIRST, about=about)


async def test_settings_admins_are_marked_at_each_start(database: Database) -> None:
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {FIRST, SECOND}, NOW)
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {FIRST}, NOW)
        listed = {admin.user_id: admin.configured for admin in await admins.listed(session)}
    # SECOND left BOT_ADMIN_IDS: still an admin, but no longer one a restart brings back.
    assert listed == {FIRST: True, SECOND: False}


async def test_a_name_is_kept_when_known(database: Database) -> None:
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {FIRST}, NOW)
        await admins.remember_name(session, FIRST, None)
        assert (await admins.get(session, FIRST)).name is None  # type: ignore[union-attr]
        await admins.remember_name(session, FIRST, "Aida")
        granted = await access.grant(session, request(about=Person(SECOND, "Tom Smith")))
    assert granted.text == "User Tom Smith (<code>1002</code>) is now an admin."
    assert granted.menu_changes == (MenuChange(SECOND, is_admin=True),)
    async with database.sessions() as session:
        names = {admin.user_id: admin.name for admin in await admins.listed(session)}
    assert names == {FIRST: "Aida", SECOND: "Tom Smith"}


def test_the_typed_id_wins_over_the_replied_person() -> None:
    assert target_of(request("77", Person(SECOND, "Tom")), "grant") == Target(77, None)
    assert target_of(request("", Person(SECOND, "Tom")), "grant") == Target(SECOND, "Tom")


def test_a_hidden_or_bot_person_is_refused_politely() -> None:
    hidden = target_of(request("", Person(None, "Secret")), "grant")
    robot = target_of(request("", Person(5, "Helper", is_bot=True)), "grant")
    nobody = target_of(request(""), "grant")
    assert isinstance(hidden, Reply) and "privacy settings" in hidden.text
    assert isinstance(robot, Reply) and "bots cannot be admins" in robot.text
    assert isinstance(nobody, Reply) and "reply to their message" in nobody.text


async def test_every_admin_gets_a_menu_a_language_and_a_revoke_removes_them(
    database: Database,
) -> None:
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {FIRST}, NOW)
        menus = await every_admin_menu(session, "ru")
    # One menu per interface language (bot.languages), and the fallback.
    assert [(m.chat_id, m.language) for m in menus] == [
        (FIRST, "en"),
        (FIRST, "ru"),
        (FIRST, "kk"),
        (FIRST, "uz"),
        (FIRST, None),
    ]
    assert [name for name, _ in menus[0].commands] == [*MENU, *ADMIN_MENU]
    # The fallback menu is in the default language.
    assert menus[-1].commands == menus[1].commands
    removed = menus_after([MenuChange(SECOND, is_admin=False)], "en")
    assert [(m.chat_id, m.commands) for m in removed] == [(SECOND, ())] * 5
