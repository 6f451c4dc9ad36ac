"""Whether this process can do its work now: what `/readyz` (and `/healthz`) answer.

Ready when the database answers a query, the Bot API answered recently (or answers a getMe
now), and the reminder scheduler runs. Whether this process leads (sends the reminders) is
reported but is no failure: a follower answers users and takes over when the leader goes.
Each check has a time limit, so that an orchestrator's probe is answered before it gives up.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from telegram.error import TelegramError
from telegram.ext import Application

from bot.api_watch import BOT_API_KEY, BotApiWatch
from bot.handlers.context import RUNTIME_KEY
from bot.lifecycle import REMINDERS_KEY

log = logging.getLogger(__name__)
# Seconds each check may take: orchestrators' probes time out after a few (compose: 5 s).
CHECK_TIMEOUT = 2.0


@dataclass(frozen=True)
class Readiness:
    problems: tuple[str, ...]
    details: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.problems

    def text(self) -> str:
        """`ok` or the problems, on the first line; then one line per check."""
        first = "ok" if self.ready else ", ".join(self.problems)
        return "\n".join((first, *self.details)) + "\n"


async def readiness(app: Application) -> Readiness:
    if app.bot_data.get(RUNTIME_KEY) is None:
        return Readiness(("starting",), ())
    checks = {
        "database": await _database(app),
        "bot api": await _bot_api(app),
        "scheduler": _scheduler(app),
    }
    problems = tuple(problem for problem in checks.values() if problem)
    details = tuple(f"{name}: {problem or 'ok'}" for name, problem in checks.items())
    return Readiness(problems, (*details, f"leader: {_leads(app)}"))


async def _database(app: Application) -> str | None:
    database = app.bot_data[RUNTIME_KEY].database
    try:
        async with asyncio.timeout(CHECK_TIMEOUT), database.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError, TimeoutError) as error:
        log.warning("readiness: the database does not answer: %s", type(error).__name__)
        return "database unreachable"
    return None


async def _bot_api(app: Application) -> str | None:
    watch: BotApiWatch | None = app.bot_data.get(BOT_API_KEY)
    if watch is not None and watch.recent:
        return None
    try:
        # Through the watched request: an answer makes the watch recent again.
        await app.bot.get_me(read_timeout=CHECK_TIMEOUT, connect_timeout=CHECK_TIMEOUT)
    except (TelegramError, TimeoutError) as error:
        log.warning("readiness: the Bot API does not answer: %s", type(error).__name__)
        return "bot api unreachable"
    return None


def _scheduler(app: Application) -> str | None:
    queue, reminders = app.job_queue, app.bot_data.get(REMINDERS_KEY)
    if queue is None or not queue.scheduler.running or not getattr(reminders, "running", False):
        return "scheduler not running"
    return None


def _leads(app: Application) -> str:
    return "yes" if getattr(app.bot_data.get(REMINDERS_KEY), "leads", False) else "no"
