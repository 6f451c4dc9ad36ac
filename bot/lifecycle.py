"""Start and stop: the database is opened, migrated and seeded before the first update."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from telegram import BotCommand
from telegram.ext import Application

from bot.handlers.context import RUNTIME_KEY
from bot.handlers.menus import apply_menus
from bot.metrics import Metrics
from bot.outbound.scheduler import ReminderScheduler, SchedulerSettings
from bot.services.admin.access import seed_admins
from bot.services.admin.menu import every_admin_menu
from bot.services.chats.menu import MENU
from bot.services.reminders.notices import notify_subscribers
from bot.services.reminders.sweep import SweepSettings
from bot.services.runtime import Runtime
from bot.texts import LANGUAGES, t
from config.settings import Settings
from storage.database import open_database, prepare_database

log = logging.getLogger(__name__)
REMINDERS_KEY = "reminders"


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
        offsets = self._settings.reminder_offsets
        reminders = ReminderScheduler(app, scheduler_settings(self._settings), self._metrics)
        runtime = Runtime(
            database=database,
            default_language=self._settings.default_language,
            admin_ids=self._settings.admin_ids,
            clock=self._clock,
            reminder_offsets=offsets,
            change_hooks=(notify_subscribers,),
            wake_scheduler=reminders.wake,
        )
        async with runtime.transaction() as session:
            await seed_admins(session, self._settings.admin_ids, runtime.clock())
            admin_menus = await every_admin_menu(session, runtime.default_language)
        app.bot_data[RUNTIME_KEY] = runtime
        app.bot_data[REMINDERS_KEY] = reminders
        await register_command_menu(app, self._settings.default_language)
        # Jobs are derived from the database: the first sweep runs as the application starts.
        reminders.start(runtime)
        await apply_menus(app.bot, admin_menus)
        log.info("bot @%s ready", app.bot.username)

    async def post_shutdown(self, app: Application) -> None:
        reminders: ReminderScheduler | None = app.bot_data.pop(REMINDERS_KEY, None)
        if reminders is not None:
            await reminders.stop()
        runtime: Runtime | None = app.bot_data.pop(RUNTIME_KEY, None)
        if runtime is not None:
            await runtime.database.dispose()


def scheduler_settings(settings: Settings) -> SchedulerSettings:
    return SchedulerSettings(
        sweep=SweepSettings(
            default_offsets=settings.reminder_offsets,
            rate=settings.broadcast_rate,
            lease=timedelta(seconds=settings.reminder_lease_seconds),
        ),
        sweep_interval=timedelta(seconds=settings.reminder_sweep_seconds),
    )


async def register_command_menu(app: Application, default_language: str) -> None:
    """The menu in each language; users whose language has none see the default one."""
    for language in LANGUAGES:
        commands = [BotCommand(name, t(language, f"command.{name}")) for name in MENU]
        await app.bot.set_my_commands(commands, language_code=language)
    default = [BotCommand(name, t(default_language, f"command.{name}")) for name in MENU]
    await app.bot.set_my_commands(default)
