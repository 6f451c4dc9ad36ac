"""/grant through Telegram (issue 20): Telegram's own accounts and ids the bot never saw are
refused, in both languages; an id typed in a group is looked up among its members."""

from __future__ import annotations

from storage.database import Database
from storage.models import Admin
from tests.e2e.admins import (  # noqa: F401 - clock and admin_ids are fixtures
    ADMINS,
    AIDA,
    LANGUAGES,
    admin_ids,
    clock,
    count,
    written_in,
)
from tests.e2e.users import TOM, ask
from tests.fakebotapi import FakeBotApi, FakeChat

GROUP = FakeChat(-100500, "Colleagues")
ANONYMOUS_ADMIN = 1087968824
REFUSED = {
    "en": ("one of Telegram's own accounts", "I have not seen"),
    "ru": ("служебная учётная запись Telegram", "Я ещё не встречал"),
}


@LANGUAGES
async def test_an_anonymous_admin_and_an_unseen_id_are_refused(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    admin = ADMINS[language]
    service, unseen = REFUSED[language]
    assert service in (await ask(bot_api, admin, "grant", str(ANONYMOUS_ADMIN)))["text"]
    assert unseen in (await ask(bot_api, admin, "grant", "555000111"))["text"]
    assert await count(bot_database, Admin) == 2


async def test_an_id_typed_in_a_group_is_looked_up_among_its_members(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    written_in(bot_api, AIDA, GROUP, "welcome our new press officer")
    bot_api.send_command(AIDA, "grant", str(TOM.id), chat=GROUP)
    granted = await bot_api.wait_for_message(chat_id=GROUP.id)
    # The fake Bot API knows every user as a member, named "User <id>".
    assert granted["text"] == f"User User {TOM.id} (<code>{TOM.id}</code>) is now an admin."
    assert any(call.method == "getChatMember" for call in bot_api.requests)
    assert await count(bot_database, Admin) == 3
