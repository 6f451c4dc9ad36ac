"""The bot's one HTTP server: Telegram's updates (webhook mode) and the calendar feed.

PTB's `run_webhook` runs a tornado server that takes no other routes, so this one does what it
does (the secret header, updates into `update_queue`) and also serves `/calendar.ics`
(`?lang=ru` for Russian), the meetings that calendar apps subscribe to. With long polling it
serves the feed alone, on BOT_FEED_PORT. Every route is listed in `routes`.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import signal
from http import HTTPStatus
from typing import Any
from urllib.parse import urlparse

from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application as WebApplication
from tornado.web import HTTPError, RequestHandler

from bot.handlers.context import RUNTIME_KEY
from bot.services.calendars.export import calendar_feed
from bot.services.runtime import Runtime
from bot.texts import LANGUAGES
from config.settings import Settings

log = logging.getLogger(__name__)

FEED_PATH = "/calendar.ics"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class UpdateHandler(RequestHandler):
    SUPPORTED_METHODS = ("POST",)

    def initialize(self, app: Application, secret: str | None) -> None:
        self.app = app
        self.secret = secret

    async def post(self) -> None:
        if not self._secret_matches():
            log.warning("refused a webhook call from %s: wrong secret", self.request.remote_ip)
            raise HTTPError(HTTPStatus.FORBIDDEN)
        try:
            update = Update.de_json(json.loads(self.request.body), self.app.bot)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.warning("refused a webhook call that is not an update: %s", error)
            raise HTTPError(HTTPStatus.BAD_REQUEST) from error
        await self.app.update_queue.put(update)

    def _secret_matches(self) -> bool:
        if self.secret is None:
            return True
        given = self.request.headers.get(SECRET_HEADER, "")
        return hmac.compare_digest(given.encode(), self.secret.encode())


class FeedHandler(RequestHandler):
    SUPPORTED_METHODS = ("GET",)

    def initialize(self, app: Application) -> None:
        self.app = app

    async def get(self) -> None:
        runtime: Runtime = self.app.bot_data[RUNTIME_KEY]
        language = self.get_query_argument("lang", "en")
        language = language if language in LANGUAGES else "en"
        content = await calendar_feed(runtime.database, language, runtime.clock())
        self.set_header("Content-Type", "text/calendar; charset=utf-8")
        self.finish(content)


Route = tuple[str, type[RequestHandler], dict[str, Any]]


def routes(app: Application, webhook_path: str | None, secret: str | None) -> list[Route]:
    """Every path the server answers; `webhook_path` None (long polling): the feed alone."""
    served: list[Route] = [(FEED_PATH, FeedHandler, {"app": app})]
    if webhook_path is not None:
        served.append((_route(webhook_path), UpdateHandler, {"app": app, "secret": secret}))
    return served


class WebhookServer:
    def __init__(self, app: Application, path: str | None, secret: str | None) -> None:
        # Access logs stay off: a webhook path may hold a secret, and Telegram calls often.
        web = WebApplication(routes(app, path, secret), log_function=lambda handler: None)
        self._server = HTTPServer(web)
        self.port = 0

    def listen(self, address: str, port: int) -> None:
        sockets = bind_sockets(port, address)
        self.port = sockets[0].getsockname()[1]
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        self._server.stop()
        await self._server.close_all_connections()


async def serve_webhook(app: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Serve until `stop` is set: PTB's run_webhook order, with our server in its place."""
    assert settings.webhook_url is not None
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    server = WebhookServer(app, urlparse(settings.webhook_url).path, secret)
    try:
        async with app:
            if app.post_init is not None:
                await app.post_init(app)
            server.listen(settings.webhook_listen, settings.webhook_port)
            await app.bot.set_webhook(
                settings.webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES
            )
            await _run_until(app, server, stop)
    finally:
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


async def serve_polling(app: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Long polling, with the feed on BOT_FEED_PORT, until `stop` is set."""
    assert settings.feed_port is not None and app.updater is not None
    server = WebhookServer(app, None, None)
    try:
        async with app:
            if app.post_init is not None:
                await app.post_init(app)
            server.listen(settings.feed_listen, settings.feed_port)
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
            await _run_until(app, server, stop)
    finally:
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


async def serve_until_signalled(app: Application, settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    if settings.uses_webhook:
        await serve_webhook(app, settings, stop)
    else:
        await serve_polling(app, settings, stop)


async def _run_until(app: Application, server: WebhookServer, stop: asyncio.Event) -> None:
    await app.start()
    try:
        await stop.wait()
    finally:
        # Updates stop arriving before the application stops handling them.
        await server.stop()
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        await app.stop()


def _route(path: str) -> str:
    path = path.strip("/")
    return f"/{re.escape(path)}/?" if path else "/"
