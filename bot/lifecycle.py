"""Start and stop: the database is opened, migrated and seeded before the first update."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from telegram import BotCommand
from telegram.ext import Application

from bot.handlers.context import RUNTIME_KEY
from bot.services.admin.access import seed_admins
from bot.services.chats.menu import MENU
from bot.services.runtime import Runtime
from bot.texts import LANGUAGES, t
from config.settings import Settings
from storage.database import open_database, prepare_database

log = logging.getLogger(__name__)


class Lifecycle:
    def __init__(
        self, settings: Settings, clock: Callable[[], datetime], *, migrate: bool = True
    ) -> None:
        self._settings = settings
        self._clock = clock
        # The runner migrates before Telegram is contacted; once per start is enough.
        self._migrate = migrate

    async def post_init(self, app: Application) -> None:
        database = open_database(self._settings.database_url)
        if self._migrate:
            await prepare_database(database)
        runtime = Runtime(
            database=database,
            default_language=self._settings.default_language,
            admin_ids=self._settings.admin_ids,
            clock=self._clock,
        )
        async with runtime.transaction() as session:
            await seed_admins(session, self._settings.admin_ids, runtime.clock())
        app.bot_data[RUNTIME_KEY] = runtime
        await register_command_menu(app, self._settings.default_language)
        log.info("bot @%s ready", app.bot.username)

    async def post_shutdown(self, app: Application) -> None:
        runtime: Runtime | None = app.bot_data.pop(RUNTIME_KEY, None)
        if runtime is not None:
            await runtime.database.dispose()


async def register_command_menu(app: Application, default_language: str) -> None:
    """The menu in each language; users whose language has none see the default one."""
    for language in LANGUAGES:
        commands = [BotCommand(name, t(language, f"command.{name}")) for name in MENU]
        await app.bot.set_my_commands(commands, language_code=language)
    default = [BotCommand(name, t(default_language, f"command.{name}")) for name in MENU]
    await app.bot.set_my_commands(default)
