"""A command menu the Bot API does not answer (502s, as a gateway in front of it fails) is tried
again, and never stops the bot: it starts, answers, and has its menus once the API answers."""

from __future__ import annotations

import logging

import pytest

from bot.services.chats.menu import MENU
from tests.e2e.conftest import running_bot
from tests.e2e.users import TOM, ask
from tests.fakebotapi import FakeBotApi
from tests.support.factories import BEFORE_SIXTH


async def test_a_menu_answered_502_is_tried_again(database_url: str) -> None:
    async with FakeBotApi() as api:
        api.fail_next("setMyCommands", 502, "Bad Gateway")
        async with running_bot(api, database_url, lambda: BEFORE_SIXTH):
            reply = await ask(api, TOM, "start")
        assert reply["text"]
        assert [c["command"] for c in api.my_commands("en")] == list(MENU)


async def test_a_menu_never_answered_does_not_stop_the_start(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with FakeBotApi() as api:
        for _ in range(30):  # more than every try of every menu call
            api.fail_next("setMyCommands", 502, "Bad Gateway")
        async with running_bot(api, database_url, lambda: BEFORE_SIXTH):
            reply = await ask(api, TOM, "start")
        assert reply["text"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(w.startswith("no command menu for everyone") for w in warnings), warnings
