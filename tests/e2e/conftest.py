"""The real Application, polling a fake Bot API server, on each database backend.

`bot_api` is the server with the bot running behind it; `bot_database` opens the bot's own
database for a test to add meetings or read what the bot stored. A module can set the bot's
time by defining its own `clock` fixture.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

import pytest

from bot.app import build_application
from bot.serving import polling
from config.settings import load_settings
from storage.database import Database, open_database
from tests.fakebotapi import FakeBotApi
from tests.support.factories import BEFORE_SIXTH

Clock = Callable[[], datetime]


@pytest.fixture
def clock() -> Clock:
    # Before the sixth meeting (27 November 2015), so it is the upcoming one.
    return lambda: BEFORE_SIXTH


@pytest.fixture
def admin_ids() -> frozenset[int]:
    """BOT_ADMIN_IDS of the running bot; a module overrides it to test admin commands."""
    return frozenset()


@pytest.fixture
def bot_settings() -> dict[str, object]:
    """More settings for the running bot; a module overrides it (reminders sweep every second)."""
    return {}


@pytest.fixture
async def bot_api(
    database_url: str,
    clock: Clock,
    admin_ids: frozenset[int],
    bot_settings: dict[str, object],
    caplog: pytest.LogCaptureFixture,
) -> AsyncIterator[FakeBotApi]:
    async with (
        FakeBotApi() as api,
        running_bot(api, database_url, clock, admin_ids, **bot_settings),
    ):
        yield api
    # The bot answers politely even when something breaks; the log is where a break shows.
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


@pytest.fixture
async def bot_database(bot_api: FakeBotApi, database_url: str) -> AsyncIterator[Database]:
    """The database the running bot uses, migrated and seeded by its start."""
    database = open_database(database_url)
    yield database
    await database.dispose()


@asynccontextmanager
async def running_bot(
    api: FakeBotApi,
    database_url: str,
    clock: Clock,
    admin_ids: frozenset[int] = frozenset(),
    **more: object,
) -> AsyncIterator[None]:
    settings = load_settings(
        **more,
        token=api.token,
        api_base_url=api.base_url,
        api_base_file_url=api.base_file_url,
        database_url=database_url,
        default_language="en",
        admin_ids=admin_ids,
    )
    app = build_application(settings, clock=clock)
    # Served as the runner serves it (bot.serving); a one-second long poll stops fast.
    async with polling(app, poll_timeout=1):
        yield
