"""`/livez`, `/readyz` (and `/healthz`, its alias) and `/metrics`, served by bot.webhook's server.

/livez: 200 `alive` whenever the process's event loop answers at all; a failure (no answer)
means the process hangs or is gone: restart it.
/readyz: 200 `ok` when the database, the Bot API and the reminder scheduler work and some
process leads, or a time without a leader is still shorter than 10 s (bot.readiness),
else 503 naming what does not; one line per check follows, and whether this process leads.
/metrics: the application's Prometheus registry (bot.metrics) in text format.
"""

from __future__ import annotations

from http import HTTPStatus

from prometheus_client import CONTENT_TYPE_LATEST
from telegram.ext import Application
from tornado.web import RequestHandler

from bot.bot_data import bot_data
from bot.readiness import readiness

PLAIN_TEXT = "text/plain; charset=utf-8"


class LiveHandler(RequestHandler):
    SUPPORTED_METHODS = ("GET", "HEAD")

    def get(self) -> None:
        self.set_header("Content-Type", PLAIN_TEXT)
        self.finish("alive\n")

    def head(self) -> None:
        self.get()


class ReadyHandler(RequestHandler):
    SUPPORTED_METHODS = ("GET", "HEAD")

    def initialize(self, app: Application) -> None:
        self.app = app

    async def get(self) -> None:
        found = await readiness(self.app)
        self.set_status(HTTPStatus.OK if found.ready else HTTPStatus.SERVICE_UNAVAILABLE)
        self.set_header("Content-Type", PLAIN_TEXT)
        self.finish(found.text())

    async def head(self) -> None:
        await self.get()


class MetricsHandler(RequestHandler):
    SUPPORTED_METHODS = ("GET",)

    def initialize(self, app: Application) -> None:
        self.app = app

    def get(self) -> None:
        metrics = bot_data(self.app).metrics
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(metrics.exposition())
