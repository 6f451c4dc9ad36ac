"""Whether this process can do its work now: what `/readyz` (and `/healthz`) answer.

Ready when the database answers a query, the Bot API answered recently (or answers a getMe
now), and the reminder scheduler runs. Whether this process leads (sends the reminders) is
reported but is no failure: a follower answers users and takes over when the leader goes.
Each check has a time limit, so that an orchestrator's probe is answered before it gives up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from telegram.error import TelegramError
from telegram.ext import Application

from bot.bot_data import bot_data
from storage.leadership import Leadership

log = logging.getLogger(__name__)
# Seconds each check may take: orchestrators' probes time out after a few (compose: 5 s).
CHECK_TIMEOUT = 2.0
# A time without any leader is a problem once longer than this (a leader that died is replaced
# within it: the others try for the lock every 2 s).
LEADERLESS_GRACE = 10.0


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
    if bot_data(app).runtime is None:
        return Readiness(("starting",), ())
    checks = {
        "database": await _database(app),
        "bot api": await _bot_api(app),
        "scheduler": _scheduler(app),
        "reminders sent": await _leaderless(app),
    }
    problems = tuple(problem for problem in checks.values() if problem)
    details = tuple(f"{name}: {problem or 'ok'}" for name, problem in checks.items())
    return Readiness(problems, (*details, f"leader: {_leads(app)}"))


async def _database(app: Application) -> str | None:
    runtime = bot_data(app).runtime
    assert runtime is not None
    database = runtime.database
    try:
        async with asyncio.timeout(CHECK_TIMEOUT), database.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError, TimeoutError) as error:
        log.warning("readiness: the database does not answer: %s", type(error).__name__)
        return "database unreachable"
    return None


async def _bot_api(app: Application) -> str | None:
    watch = bot_data(app).api_watch
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
    queue, reminders = app.job_queue, bot_data(app).reminders
    if queue is None or not queue.scheduler.running or reminders is None or not reminders.running:
        return "scheduler not running"
    return None


async def _leaderless(app: Application) -> str | None:
    """A gap without any leader longer than the grace, as the database shows it now."""
    reminders = bot_data(app).reminders
    leadership: Leadership | None = reminders.leadership if reminders else None
    if leadership is None:
        return None
    with contextlib.suppress(SQLAlchemyError, OSError, TimeoutError):
        # A database that does not answer is the database check's problem to name.
        async with asyncio.timeout(CHECK_TIMEOUT):
            await leadership.observe()
    gap = leadership.leaderless_seconds
    if gap > LEADERLESS_GRACE:
        return f"no process sends reminders: no leader for {gap:.0f} s"
    return None


def _leads(app: Application) -> str:
    reminders = bot_data(app).reminders
    return "yes" if reminders is not None and reminders.leads else "no"
