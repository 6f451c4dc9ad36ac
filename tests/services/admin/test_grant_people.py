"""/grant only for people the bot has seen; the last admin who is a person stays; revokes at
once are serialised (issue 20: GroupAnonymousBot was accepted, an id nobody owns could be left
as the only admin, and two admins revoking each other deadlocked on PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.services.admin import access
from bot.services.admin.people import SERVICE_ACCOUNTS
from bot.services.inquiry import Inquiry, Person
from bot.services.request import Request
from bot.services.router import respond
from storage.database import Database
from storage.repositories import admins, chats
from tests.support.calendar_imports import runtime

NOW = datetime(2026, 11, 29, 9, tzinfo=UTC)
AIDA, TOM, NOBODY = 1001, 2001, 987654321


def request(args: str, about: Person | None = None, user_id: int = AIDA) -> Request:
    return Request(args=args, language="en", now=NOW, user_id=user_id, about=about)


async def admin_ids(database: Database) -> list[int]:
    async with database.sessions() as session:
        return [admin.user_id for admin in await admins.listed(session)]


@pytest.mark.parametrize("service", sorted(SERVICE_ACCOUNTS))
async def test_telegrams_own_accounts_are_refused(database: Database, service: int) -> None:
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {AIDA}, NOW)
        # Even one that wrote in a group, shown by Telegram as a sender that is not a bot.
        typed = await access.grant(session, request(str(service)))
        replied = await access.grant(session, request("", Person(service, "Telegram")))
    for reply in (typed, replied):
        assert "one of Telegram's own accounts" in reply.text and not reply.menu_changes
    assert await admin_ids(database) == [AIDA]


async def test_an_id_the_bot_never_saw_is_refused_until_they_write(database: Database) -> None:
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {AIDA}, NOW)
        unseen = await access.grant(session, request(str(NOBODY)))
        await chats.remember(session, NOBODY, "private", NOW)  # they sent /start
        granted = await access.grant(session, request(str(NOBODY)))
    assert unseen.text.startswith(f"I have not seen <code>{NOBODY}</code> as a person yet")
    assert "/start" in unseen.text
    assert granted.text == f"User <code>{NOBODY}</code> is now an admin."


async def test_a_group_member_looked_up_by_id_is_a_person_and_a_bot_is_not(
    database: Database,
) -> None:
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {AIDA}, NOW)
        member = await access.grant(session, request(str(TOM), Person(TOM, "Tom Smith")))
        robot = await access.grant(session, request("42", Person(42, "Helper", is_bot=True)))
        other = await access.grant(session, request(str(NOBODY), Person(TOM, "Tom Smith")))
    assert member.text == f"User Tom Smith (<code>{TOM}</code>) is now an admin."
    assert "bots cannot be admins" in robot.text
    assert "I have not seen" in other.text  # the looked-up member is someone else
    assert await admin_ids(database) == [AIDA, TOM]


async def test_the_last_admin_who_is_a_person_cannot_be_revoked(database: Database) -> None:
    async with database.sessions.begin() as session:
        await access.seed_admins(session, {AIDA}, NOW)
        # An id nobody owns, granted before grants were checked.
        await admins.add(session, NOBODY, AIDA, NOW)
        themselves = await access.revoke(session, request(str(AIDA)))
        stranger = await access.revoke(session, request(str(NOBODY)))
    assert "is the last admin" in themselves.text
    assert stranger.text == f"User <code>{NOBODY}</code> is no longer an admin."
    assert await admin_ids(database) == [AIDA]


async def test_two_admins_revoking_each_other_at_once_leave_one(database: Database) -> None:
    """PostgreSQL: the ordered row lock makes the second wait and see the first's result.
    SQLite: the same lock takes the database's write lock (storage.dialects.lock_for_write);
    nothing else in the update writes first (the chat is known and unchanged)."""
    bot = runtime(database)

    def revoking(actor: int, target: int, round_number: int) -> Inquiry:
        # A new name each round: remembering it writes the actor's own row.
        name = f"Admin {actor} {round_number}"
        return Inquiry(text=f"/revoke {target}", chat_id=actor, user_id=actor, user_name=name)

    for round_number in range(6):
        async with database.sessions.begin() as session:
            await access.seed_admins(session, {AIDA, TOM}, NOW)
        replies = await asyncio.gather(
            respond(bot, revoking(AIDA, TOM, round_number)),
            respond(bot, revoking(TOM, AIDA, round_number)),
        )
        texts = sorted(reply.text for reply in replies)
        assert len(await admin_ids(database)) == 1, texts
        # One went through; the other saw it and changed nothing (it had no rights left).
        gone = ("You are no longer an admin", "Sorry, this is for the bot's administrators only")
        assert any("User " in text and "is no longer an admin" in text for text in texts), texts
        assert any(text.startswith(gone) for text in texts), texts
