"""Start and stop: the database is opened, migrated and seeded before the first update."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial

from telegram import BotCommand
from telegram.ext import Application

from bot.bot_data import bot_data
from bot.handlers.menus import apply_menus, set_menu
from bot.metrics import Metrics
from bot.services.admin.access import seed_admins
from bot.services.admin.menu import every_admin_menu
from bot.services.chats.menu import MENU, bot_profile
from bot.texts import LANGUAGES, t
from bot.wiring import build_reminder_scheduler, build_runtime
from config.settings import Settings
from storage.database import open_database, prepare_database

log = logging.getLogger(__name__)


class Lifecycle:
    def __init__(
        self,
        settings: Settings,
        clock: Callable[[], datetime],
        metrics: Metrics,
        *,
        migrate: bool = True,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._metrics = metrics
        # The runner migrates before Telegram is contacted; once per start is enough.
        self._migrate = migrate

    async def post_init(self, app: Application) -> None:
        database = open_database(self._settings.database_url)
        if self._migrate:
            await prepare_database(database)
        reminders = build_reminder_scheduler(app, self._settings, self._metrics)
        runtime = build_runtime(
            database,
            self._settings,
            clock=self._clock,
            wake_scheduler=reminders.wake,
            bot_username=app.bot.username,
        )
        async with runtime.transaction() as session:
            await seed_admins(session, self._settings.admin_ids, runtime.clock())
            admin_menus = await every_admin_menu(session, runtime.default_language)
        data = bot_data(app)
        data.runtime, data.reminders = runtime, reminders
        # Some twenty calls that do not depend on each other: made at once, they take one round
        # trip to Telegram instead of twenty before the first update is read.
        async with asyncio.TaskGroup() as calls:
            calls.create_task(register_command_menu(app, self._settings.default_language))
            calls.create_task(register_descriptions(app, self._settings.default_language))
            calls.create_task(apply_menus(app.bot, admin_menus))
        # Jobs are derived from the database: the first sweep runs as the application starts.
        reminders.start(runtime)
        log.info("bot @%s ready", app.bot.username)

    async def post_shutdown(self, app: Application) -> None:
        data = bot_data(app)
        reminders, runtime = data.reminders, data.runtime
        data.reminders = data.runtime = None
        if reminders is not None:
            await reminders.stop()
        if runtime is not None:
            await runtime.database.dispose()


async def register_command_menu(app: Application, default_language: str) -> None:
    """The menu in each language; users whose language has none see the default one."""
    async with asyncio.TaskGroup() as calls:
        for language in LANGUAGES:
            commands = [BotCommand(name, t(language, f"command.{name}")) for name in MENU]
            call = partial(app.bot.set_my_commands, commands, language_code=language)
            calls.create_task(set_menu(call, f"everyone reading {language}"))
        default = [BotCommand(name, t(default_language, f"command.{name}")) for name in MENU]
        calls.create_task(set_menu(partial(app.bot.set_my_commands, default), "everyone"))


async def register_descriptions(app: Application, default_language: str) -> None:
    """The bot's profile (what a new user reads before /start) in each language, and in the
    default one for everyone else; tried like the menus, never a reason not to start."""
    bot = app.bot
    async with asyncio.TaskGroup() as calls:
        for language in (*LANGUAGES, None):
            texts = bot_profile(language or default_language)
            code = language or None
            whose = f"everyone reading {language}" if language else "everyone"
            description = partial(bot.set_my_description, texts[0], language_code=code)
            short = partial(bot.set_my_short_description, texts[1], language_code=code)
            calls.create_task(set_menu(description, whose))
            calls.create_task(set_menu(short, whose))
