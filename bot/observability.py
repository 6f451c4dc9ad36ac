"""`/healthz` and `/metrics` for whoever runs the bot, served by bot.webhook's server.

/healthz: 200 when the database answers, the reminder scheduler runs and some process leads
(holds the leader lock, so reminders are sent), else 503, with a line saying which; a time
without a leader is a problem once it is longer than LEADERLESS_GRACE (a leader that died is
replaced within it). /metrics: the application's Prometheus registry (bot.metrics) in text format.
"""

from __future__ import annotations

import contextlib
import logging
from http import HTTPStatus

from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from telegram.ext import Application
from tornado.web import RequestHandler

from bot.bot_data import bot_data
from storage.leadership import Leadership

log = logging.getLogger(__name__)

LEADERLESS_GRACE = 10.0


class HealthHandler(RequestHandler):
    SUPPORTED_METHODS = ("GET", "HEAD")

    def initialize(self, app: Application) -> None:
        self.app = app

    async def get(self) -> None:
        problem = await self._problem()
        self.set_status(HTTPStatus.SERVICE_UNAVAILABLE if problem else HTTPStatus.OK)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{problem or 'ok'}\n")

    async def head(self) -> None:
        await self.get()

    async def _problem(self) -> str | None:
        runtime, reminders = bot_data(self.app).runtime, bot_data(self.app).reminders
        queue = self.app.job_queue
        if runtime is None:
            return "starting"
        try:
            async with runtime.database.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError) as error:
            log.warning("health check: the database does not answer: %s", type(error).__name__)
            return "database unreachable"
        if queue is None or not queue.scheduler.running or not getattr(reminders, "running", 0):
            return "scheduler not running"
        return await _leaderless(getattr(reminders, "leadership", None))


async def _leaderless(leadership: Leadership | None) -> str | None:
    """A gap without a leader longer than the grace, as the database shows it now."""
    if leadership is None:
        return None
    with contextlib.suppress(SQLAlchemyError, OSError):
        await leadership.observe()
    gap = leadership.leaderless_seconds
    if gap > LEADERLESS_GRACE:
        return f"no process sends reminders: no leader for {gap:.0f} s"
    return None


class MetricsHandler(RequestHandler):
    SUPPORTED_METHODS = ("GET",)

    def initialize(self, app: Application) -> None:
        self.app = app

    def get(self) -> None:
        metrics = bot_data(self.app).metrics
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(metrics.exposition())
