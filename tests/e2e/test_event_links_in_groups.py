"""`/event_N` links answered in groups, bare or addressed to the bot (issue 20); a link
addressed to another bot is left to it."""

from __future__ import annotations

import pytest

from tests.e2e.users import TOM
from tests.fakebotapi import FakeBotApi, FakeChat

GROUP = FakeChat(-100500, title="Central Asia desk")


@pytest.mark.parametrize("mention_bot", [False, True], ids=["bare", "addressed"])
async def test_an_event_link_is_answered_in_a_group(
    bot_api: FakeBotApi, mention_bot: bool
) -> None:
    bot_api.send_command(TOM, "event_2", chat=GROUP, mention_bot=mention_bot)
    reply = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "Dushanbe" in reply["text"]


async def test_a_link_for_another_bot_is_not_answered(bot_api: FakeBotApi) -> None:
    bot_api.send_text(TOM, "/event_2@some_other_bot", chat=GROUP)
    bot_api.send_command(TOM, "event_1", chat=GROUP)
    reply = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "Ashgabat" in reply["text"]  # the other bot's link got no reply before it
    assert len([sent for sent in bot_api.sent if sent["chat_id"] == GROUP.id]) == 1
