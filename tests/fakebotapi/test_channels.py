"""The fake Bot API's channels carry a plain PTB bot through what linking and posting need:
getChat by @username, getChatMember with the bot's rights, posts refused without them, edits
refused without the right to edit, and a post forwarded from a channel."""

from __future__ import annotations

import pytest
from telegram import ChatMemberAdministrator, ChatMemberLeft, MessageOriginChannel, Update
from telegram.error import BadRequest, Forbidden

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.fixtures import fake_api_fixture  # noqa: F401 - provides `fake_api`
from tests.fakebotapi.test_server import build_app

CHANNEL = -1009001
AIDA = FakeUser(1001, "Aida")


async def test_a_channel_is_found_by_name_and_tells_the_bots_rights(fake_api: FakeBotApi) -> None:
    fake_api.add_channel(CHANNEL, "unrcca_news", "UNRCCA news", can_edit=False)
    async with build_app(fake_api) as app:
        chat = await app.bot.get_chat("@unrcca_news")
        member = await app.bot.get_chat_member(CHANNEL, app.bot.id)
        fake_api.set_channel_rights(CHANNEL, admin=False)
        gone = await app.bot.get_chat_member(CHANNEL, app.bot.id)
    assert (chat.id, chat.type, chat.title) == (CHANNEL, "channel", "UNRCCA news")
    assert isinstance(member, ChatMemberAdministrator)
    assert (member.can_post_messages, member.can_edit_messages) == (True, False)
    assert isinstance(gone, ChatMemberLeft)


async def test_a_channel_refuses_posts_and_edits_the_bot_has_no_right_to(
    fake_api: FakeBotApi,
) -> None:
    fake_api.add_channel(CHANNEL, "unrcca_news", can_edit=False)
    async with build_app(fake_api) as app:
        post = await app.bot.send_message(CHANNEL, "First post")
        with pytest.raises(BadRequest, match=r"(?i)need administrator rights"):
            await app.bot.edit_message_text("Edited", chat_id=CHANNEL, message_id=post.message_id)
        fake_api.set_channel_rights(CHANNEL, admin=False)
        with pytest.raises(Forbidden, match=r"(?i)not a member of the channel"):
            await app.bot.send_message(CHANNEL, "Second post")
    assert [s["text"] for s in fake_api.sent if s["chat_id"] == CHANNEL] == ["First post"]


async def test_a_forwarded_post_names_its_channel(fake_api: FakeBotApi) -> None:
    fake_api.add_channel(CHANNEL, None, "Private desk")
    fake_api.forward_post(AIDA, CHANNEL, "From the desk")
    async with build_app(fake_api) as app:
        (raw,) = await app.bot.get_updates()
    update = Update.de_json(raw.to_dict(), app.bot)
    assert update.message is not None
    origin = update.message.forward_origin
    assert isinstance(origin, MessageOriginChannel)
    assert (origin.chat.id, origin.chat.title) == (CHANNEL, "Private desk")
