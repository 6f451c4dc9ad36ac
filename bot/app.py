"""The application factory: tests build exactly what production runs.

Every feature's handlers are registered here, in the order they are tried and with their group:
a new feature is one folder under bot/services, one module under bot/handlers with a
`register(app)`, and one line below.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from datetime import datetime

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.api_watch import BotApiWatch, bot_api_tls, watched_requests
from bot.bot_data import CONTEXT_TYPES, bot_data
from bot.handlers import (
    admin,
    calendars,
    channels,
    commands,
    counting,
    documents,
    errors,
    inline,
    meetings,
    subscriptions,
)
from bot.handlers.alerts import Alerts
from bot.handlers.ordering import PerChatOrder
from bot.lifecycle import Lifecycle
from bot.logs import secrets_of
from bot.metrics import Metrics
from bot.outbound.rate_limits import BroadcastRateLimiter
from bot.services.runtime import utc_now
from config.settings import Settings

# Before every other group: it counts every update and lets it go on.
COUNTING_GROUP = -2
# Every message the bot sends is HTML, without link previews, unless a call says otherwise.
DEFAULTS = Defaults(
    parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
)


def build_application(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    database_ready: bool = False,
    rate_limited: bool = True,
    tls: ssl.SSLContext | None = None,
) -> Application:
    """`database_ready`: the caller has migrated and seeded the database (the runner does).
    `rate_limited=False` leaves Telegram's limits out, and with them the sending of reminders
    (a broadcast send needs the limiter): only benchmarks want that, to compare answering with a
    bare PTB bot that has no limiter either (benchmarks/answers.py). `tls`: the TLS settings
    of the process's Bot API clients (bot.api_watch.bot_api_tls), made here when not given."""
    metrics = Metrics()
    # Every request tells it whether the Bot API answered (readiness, the polling error log).
    watch = BotApiWatch()
    requests, long_poll = watched_requests(watch, tls or bot_api_tls())
    lifecycle = Lifecycle(settings, clock, metrics, migrate=not database_ready)
    builder = (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .defaults(DEFAULTS)
        .context_types(CONTEXT_TYPES)
        .request(requests)
        .get_updates_request(long_poll)
        # One user's slow update (a big import) must not hold the others' answers.
        .concurrent_updates(PerChatOrder())
        .post_init(lifecycle.post_init)
        .post_shutdown(lifecycle.post_shutdown)
    )
    # Telegram's limits for every request; a 429 is waited out and the request sent again.
    limiter = BroadcastRateLimiter(settings.broadcast_rate, on_retry_after=count_retry(metrics))
    app: Application = (builder.rate_limiter(limiter) if rate_limited else builder).build()
    data = bot_data(app)
    data.metrics, data.api_watch = metrics, watch
    if settings.alert_chat_id is not None:
        data.alerts = Alerts(
            settings.alert_chat_id, settings.default_language, secrets_of(settings)
        )
    register_handlers(app)
    return app


def count_retry(metrics: Metrics) -> Callable[[float], None]:
    return lambda _seconds: metrics.retry_after.inc()


def register_handlers(app: Application) -> None:
    """Every feature's handlers; within group 0 the first that matches an update wins."""
    counting.register(app, COUNTING_GROUP)
    # Buttons, the calendar commands and the command table before the public catch-alls.
    admin.register(app)
    calendars.register(app)
    channels.register(app)
    documents.register(app)
    subscriptions.register(app)
    commands.register(app)
    meetings.register(app)
    inline.register(app)
    app.add_error_handler(errors.on_error)
