"""The application factory: tests build exactly what production runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.handlers import admin, buttons, calendars, conversation, errors
from bot.lifecycle import Lifecycle
from bot.services.runtime import utc_now
from config.settings import Settings


def build_application(
    settings: Settings, *, clock: Callable[[], datetime] = utc_now
) -> Application:
    lifecycle = Lifecycle(settings, clock)
    app = (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        # A 429 on a reply waits and retries instead of losing the answer.
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(lifecycle.post_init)
        .post_shutdown(lifecycle.post_shutdown)
        .build()
    )
    register_handlers(app)
    return app


def register_handlers(app: Application) -> None:
    """Every feature's handlers, in the order they are tried."""
    # Admin commands and `adm:` buttons before the public catch-alls, which would take them.
    admin.register(app)
    calendars.register(app)
    conversation.register(app)
    buttons.register(app)
    app.add_error_handler(errors.on_error)
