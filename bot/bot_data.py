"""What the application holds besides PTB's own, typed (PTB's `ContextTypes(bot_data=...)`)
instead of kept under string keys: its metrics, the Bot API watch, the alerts, and, once
started, its runtime and reminders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, ContextTypes

from bot.metrics import Metrics
from bot.services.runtime import Runtime

if TYPE_CHECKING:
    from bot.api_watch import BotApiWatch
    from bot.handlers.alerts import Alerts
    from bot.outbound.scheduler import ReminderScheduler


@dataclass
class BotData:
    metrics: Metrics = field(default_factory=Metrics)
    # Set by post_init once the database is open; None while starting and after shutdown.
    runtime: Runtime | None = None
    reminders: ReminderScheduler | None = None
    # Whether the Bot API answered lately (readiness, the polling error log).
    api_watch: BotApiWatch | None = None
    # Errors told to an admin chat (BOT_ALERT_CHAT_ID), when set.
    alerts: Alerts | None = None


CONTEXT_TYPES: ContextTypes[Any, Any, Any, BotData] = ContextTypes(bot_data=BotData)


def bot_data(app: Application) -> BotData:
    data = app.bot_data
    assert isinstance(data, BotData), "an application built by bot.app.build_application"
    return data


def started_runtime(app: Application) -> Runtime:
    """The runtime of a started application (post_init has run)."""
    runtime = bot_data(app).runtime
    assert runtime is not None, "the application has not started"
    return runtime


async def end_sweeps(app: Application) -> None:
    """Before `app.stop()`: the reminder scheduler's sweep under way ends, and none starts
    (bot.outbound.scheduler.ReminderScheduler.end_sweeps), in every way of serving."""
    reminders = bot_data(app).reminders
    if reminders is not None:
        await reminders.end_sweeps()
