"""The composition root: the one place the runtime is built, with everything that must follow a
change (the change hooks), the reminder offsets, the admins, the default language and the clock.

The bot (bot/lifecycle.py), every `unrcca-bot` command, the benchmarks and the tests build their
runtime here, so `unrcca-bot import` tells subscribers exactly as `/import` does.
Telegram's stack is not imported at module level: the command line runs without it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.services.channels.posts import post_to_channels
from bot.services.digests.due import DigestSettings
from bot.services.meeting_writes.changes import ChangeHook, EachChangeHook, each_change
from bot.services.reminders.notices import notify_subscribers
from bot.services.reminders.removals import tell_of_removal
from bot.services.reminders.sweep import SweepSettings
from bot.services.runtime import Runtime, utc_now
from bot.services.subscriptions.matching import match_filters
from config.settings import Settings
from storage.database import Database, open_database, prepare_database

if TYPE_CHECKING:
    from telegram.ext import Application

    from bot.metrics import Metrics
    from bot.outbound.scheduler import ReminderScheduler, SchedulerSettings

# What must follow every change to a meeting, in the change's transaction.
# Filters are matched first: the notices go to every chat that follows the meeting then.
CHANGE_HOOKS: tuple[ChangeHook, ...] = (
    match_filters,
    notify_subscribers,
    tell_of_removal,
    post_to_channels,
)


def build_runtime(
    database: Database,
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    wake_scheduler: Callable[[], None] | None = None,
    observers: tuple[EachChangeHook, ...] = (),
    bot_username: str | None = None,
) -> Runtime:
    """The runtime of one application or command; `wake_scheduler` is the reminder scheduler's
    wake-up, for a process that sends (None: nothing to wake, as in the command line);
    `observers`: run after the bot's own hooks, once per change (a test watching what changed)."""
    return Runtime(
        database=database,
        default_language=settings.default_language,
        admin_ids=settings.admin_ids,
        clock=clock,
        reminder_offsets=settings.reminder_offsets,
        public_base_url=settings.public_base_url,
        change_hooks=CHANGE_HOOKS + tuple(map(each_change, observers)),
        wake_scheduler=wake_scheduler or (lambda: None),
        bot_username=bot_username,
    )


@asynccontextmanager
async def command_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """The runtime of one `unrcca-bot` command: its database migrated first, disposed after.

    Raises storage.database.DatabaseUnavailable when the database cannot be reached.
    """
    database = open_database(settings.database_url)
    try:
        await prepare_database(database)
        yield build_runtime(database, settings)
    finally:
        await database.dispose()


# --- The outbound side (issue 17 swaps in its own scheduler in these lines) -------------------
def build_reminder_scheduler(
    app: Application, settings: Settings, metrics: Metrics
) -> ReminderScheduler:
    from bot.outbound.scheduler import ReminderScheduler  # Telegram's stack: the bot only.

    return ReminderScheduler(app, scheduler_settings(settings), metrics)


def scheduler_settings(settings: Settings) -> SchedulerSettings:
    from bot.outbound.scheduler import SchedulerSettings

    return SchedulerSettings(
        sweep=SweepSettings(
            default_offsets=settings.reminder_offsets,
            rate=settings.broadcast_rate,
            lease=timedelta(seconds=settings.reminder_lease_seconds),
        ),
        sweep_interval=timedelta(seconds=settings.reminder_sweep_seconds),
        digest=DigestSettings(
            lease=timedelta(seconds=settings.reminder_lease_seconds),
            default_language=settings.default_language,
            period=_seconds(settings.digest_period_seconds),
        ),
    )


def _seconds(value: float | None) -> timedelta | None:
    return timedelta(seconds=value) if value is not None else None
