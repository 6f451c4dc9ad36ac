"""The bot's one HTTP server: Telegram's updates (webhook mode) and the calendar feed.

PTB's `run_webhook` runs a tornado server that takes no other routes, so this one does what it
does (the secret header, updates into `update_queue`) and also serves `/calendar.ics`
(`?lang=ru` for Russian), the meetings that calendar apps subscribe to, and `/livez`, `/readyz`
(`/healthz`) and `/metrics` for whoever runs it. With long polling it serves all but the updates
on BOT_FEED_PORT. Every route is listed in `routes`.

The secret is required, and checked from the headers before the body is read; the body is capped
at what Telegram sends; a body that is not an update is a 400, whatever is wrong with it.
A stranger cannot stall the server (issue 20): a connection that does not send its headers or
its body in time is closed, a full file table pauses accepting instead of logging a storm
(bot.accepting), refused secrets are counted in /metrics and logged once a minute, and the feed
is cached and rate-limited per client (bot.feed).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
from http import HTTPStatus
from typing import Any
from urllib.parse import urlparse

from telegram import Update
from telegram.ext import Application
from tornado.netutil import bind_sockets
from tornado.web import Application as WebApplication
from tornado.web import HTTPError, RequestHandler, stream_request_body

from bot.accepting import PatientHTTPServer
from bot.api_watch import log_unanswered
from bot.bot_data import bot_data, end_sweeps
from bot.feed import ClientLimits, FeedCache, FeedHandler, PersonalFeedHandler
from bot.log_throttle import ThrottledLog
from bot.observability import LiveHandler, MetricsHandler, ReadyHandler
from config.settings import WEBHOOK_SECRET_RULE, Settings, SettingsError

log = logging.getLogger(__name__)

FEED_PATH = "/calendar.ics"
# A chat's own feed: /calendar/<token>.ics (bot.services.calendars.feeds).
PERSONAL_FEED_PATH = r"/calendar/([A-Za-z0-9_-]{1,100})\.ics"
LIVE_PATH, READY_PATH, HEALTH_PATH = "/livez", "/readyz", "/healthz"
METRICS_PATH = "/metrics"
# Pages for whoever runs the bot (bot.observability); /healthz is an alias of /readyz.
OPERATOR_PATHS = (LIVE_PATH, READY_PATH, HEALTH_PATH, METRICS_PATH)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# An update is a few kilobytes (a 4,096-character message, its entities, the one it replies to);
# a megabyte leaves room for any of them and keeps a flood of large bodies cheap to refuse.
MAX_UPDATE_BYTES = 1024 * 1024
# What a hostile body can make json.loads or Update.de_json raise: deep nesting, a date of 1e20.
NOT_AN_UPDATE = (
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    OverflowError,
    RecursionError,
    OSError,
)
# Telegram sends an update at once; a connection silent this long before its headers (or
# between two requests) is closed, as is one whose body takes longer. tornado's default is an
# hour, so 1,100 half-sent requests held every file descriptor (issue 20).
HEADER_TIMEOUT_SECONDS = 10.0
BODY_TIMEOUT_SECONDS = 10.0


@stream_request_body
class UpdateHandler(RequestHandler):
    SUPPORTED_METHODS = ("POST",)

    def initialize(self, app: Application, secret: str, refusals: ThrottledLog) -> None:
        self.app = app
        self.secret = secret
        self.refusals = refusals
        self.body = bytearray()

    def prepare(self) -> None:
        """Runs on the headers alone: a caller without the secret never gets the body read."""
        if not self._secret_matches():
            bot_data(self.app).metrics.webhook_refused.inc()
            self.refusals.warning(
                "refused a webhook call from %s: wrong secret", self.request.remote_ip
            )
            raise HTTPError(HTTPStatus.FORBIDDEN)
        length = self.request.headers.get("Content-Length") or "0"
        if not (length.isascii() and length.isdigit()):
            # tornado reads the header after this method: here it is still the caller's text.
            raise HTTPError(HTTPStatus.BAD_REQUEST)
        if int(length) > MAX_UPDATE_BYTES:
            raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        self.body += chunk
        if len(self.body) > MAX_UPDATE_BYTES:
            raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    async def post(self) -> None:
        try:
            data = json.loads(self.body)
            update = Update.de_json(data, self.app.bot) if _looks_like_update(data) else None
        except NOT_AN_UPDATE as error:
            log.warning("refused a webhook call that is not an update: %s", type(error).__name__)
            raise HTTPError(HTTPStatus.BAD_REQUEST) from None
        if update is None:
            raise HTTPError(HTTPStatus.BAD_REQUEST)
        await self.app.update_queue.put(update)

    def _secret_matches(self) -> bool:
        given = self.request.headers.get(SECRET_HEADER, "")
        return hmac.compare_digest(given.encode(), self.secret.encode())


Route = tuple[str, type[RequestHandler], dict[str, Any]]


def routes(app: Application, webhook_path: str | None, secret: str | None) -> list[Route]:
    """Every path the server answers; `webhook_path` None (long polling): all but updates."""
    feed = {"app": app, "cache": FeedCache(), "limits": ClientLimits()}
    served: list[Route] = [
        (re.escape(FEED_PATH), FeedHandler, feed),
        (PERSONAL_FEED_PATH, PersonalFeedHandler, feed),
        (re.escape(LIVE_PATH), LiveHandler, {}),
        (re.escape(READY_PATH), ReadyHandler, {"app": app}),
        (re.escape(HEALTH_PATH), ReadyHandler, {"app": app}),
        (re.escape(METRICS_PATH), MetricsHandler, {"app": app}),
    ]
    if webhook_path is not None and secret is not None:
        hook = {"app": app, "secret": secret, "refusals": ThrottledLog(log)}
        served.append((_route(webhook_path), UpdateHandler, hook))
    return served


class WebhookServer:
    def __init__(
        self,
        app: Application,
        path: str | None,
        secret: str | None,
        *,
        header_timeout: float = HEADER_TIMEOUT_SECONDS,
        body_timeout: float = BODY_TIMEOUT_SECONDS,
    ) -> None:
        # Access logs stay off: a webhook path may hold a secret, and Telegram calls often.
        web = WebApplication(routes(app, path, secret), log_function=lambda handler: None)
        self._server = PatientHTTPServer(
            web,
            max_body_size=MAX_UPDATE_BYTES,
            # tornado's header timeout is its idle timeout: before a request's headers are in.
            idle_connection_timeout=header_timeout,
            body_timeout=body_timeout,
        )
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
    secret = webhook_secret(settings)
    assert settings.webhook_url is not None
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
    """Long polling, with the feed and the operator's pages on BOT_FEED_PORT, until `stop`."""
    assert settings.feed_port is not None and app.updater is not None
    server = WebhookServer(app, None, None)
    try:
        async with app:
            if app.post_init is not None:
                await app.post_init(app)
            server.listen(settings.feed_listen, settings.feed_port)
            watch = bot_data(app).api_watch
            await app.updater.start_polling(
                allowed_updates=Update.ALL_TYPES,
                error_callback=lambda error: log_unanswered(watch, error),
            )
            await _run_until(app, server, stop)
    finally:
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


def _looks_like_update(data: object) -> bool:
    return isinstance(data, dict) and type(data.get("update_id")) is int


def webhook_secret(settings: Settings) -> str:
    """The secret Telegram must send; SettingsError for a webhook that could not be safe.

    Without a secret, anyone who learns the URL could post updates as any user, an admin too.
    A webhook path that is the feed's would never receive an update.
    """
    if settings.webhook_secret is None:
        raise SettingsError(
            f"BOT_WEBHOOK_SECRET is not set: webhook mode needs it ({WEBHOOK_SECRET_RULE}), "
            "or anyone who finds the URL could act as any user"
        )
    path = urlparse(settings.webhook_url or "").path
    if path.rstrip("/") in (FEED_PATH, *OPERATOR_PATHS):
        raise SettingsError(
            f"BOT_WEBHOOK_URL is invalid: its path {path} is the calendar feed's or a page for "
            "whoever runs the bot (/livez, /readyz, /healthz, /metrics); use another, e.g. "
            "https://bot.example.org/telegram"
        )
    return settings.webhook_secret.get_secret_value()


async def _run_until(app: Application, server: WebhookServer, stop: asyncio.Event) -> None:
    await app.start()
    try:
        await stop.wait()
    finally:
        # Updates stop arriving before the application stops handling them, and the reminder
        # sweep under way ends before the JobQueue would cancel it.
        await server.stop()
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        await end_sweeps(app)
        await app.stop()


def _route(path: str) -> str:
    path = path.strip("/")
    return f"/{re.escape(path)}/?" if path else "/"
