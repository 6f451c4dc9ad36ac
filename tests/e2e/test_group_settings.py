"""In a group, only its administrators change what the group gets: its language included
(Telegram's getChatMember, answered by the fake Bot API as the test declares)."""

from __future__ import annotations

from storage.database import Database
from storage.models import Chat
from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser

GROUP = FakeChat(-100778, title="Water desk")
GROUP_ADMIN = FakeUser(3011, "Aigul", language_code="en")
GROUP_MEMBER = FakeUser(3012, "Murat", language_code="en")


async def group_language(database: Database) -> str | None:
    async with database.sessions() as session:
        chat = await session.get(Chat, GROUP.id)
        return chat.language if chat is not None else None


async def test_a_member_cannot_change_the_groups_language_an_administrator_can(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    bot_api.make_admin(GROUP.id, GROUP_ADMIN.id)

    bot_api.send_command(GROUP_MEMBER, "language", "ru", chat=GROUP)
    refused = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "Only this group's administrators" in refused["text"]
    assert "/language" in refused["text"]
    assert await group_language(bot_database) is None

    bot_api.send_command(GROUP_ADMIN, "language", "ru", chat=GROUP)
    chosen = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "по-русски" in chosen["text"]
    assert await group_language(bot_database) == "ru"


async def test_anyone_chooses_the_language_of_their_private_chat(bot_api: FakeBotApi) -> None:
    bot_api.send_command(GROUP_MEMBER, "language", "ru")
    chosen = await bot_api.wait_for_message(chat_id=GROUP_MEMBER.id)
    assert "по-русски" in chosen["text"]
