"""Running the Telegram application until SIGINT or SIGTERM, by long polling or webhook.

Before anything runs, each thing the bot needs is checked in turn, so that a failure is one
line naming its cause (exit 2): the webhook settings, the database (migrated here, once; with
`--no-migrate` only checked to be at the code's schema), and the Bot API (one getMe).

SIGTERM stops the bot at every stage (exit 0): a check under way is cancelled (`_checked`), and
between stages SIGTERM interrupts as Ctrl-C does, until the serving stage installs its own
handler. A process that is PID 1 in a container, without an init, would otherwise ignore it,
and a check waiting on an unreachable server would wait it out.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import ssl
import sys
from collections.abc import Coroutine
from typing import Any

from telegram.error import InvalidToken, NetworkError

from bot.api_watch import bot_api_tls
from bot.app import build_application
from bot.logs import scrub, secrets_of
from bot.serving import serve_until_signalled
from bot.startup import StartupFailure, check_bot_api
from bot.webhook import webhook_secret
from config.settings import Settings
from storage.database import open_database, prepare_database
from storage.schema import schema_revisions

log = logging.getLogger(__name__)
STARTUP_FAILURE = 2
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def run_bot(settings: Settings, *, migrate: bool = True) -> int:
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return _start(settings, migrate)
    except KeyboardInterrupt:
        log.info("stopped during start-up")
        return 0


def _checked(check: Coroutine[Any, Any, None]) -> None:
    """Run one start-up check; SIGINT or SIGTERM cancels it (KeyboardInterrupt)."""

    async def cancellable() -> None:
        loop, task = asyncio.get_running_loop(), asyncio.current_task()
        assert task is not None
        for signum in STOP_SIGNALS:
            loop.add_signal_handler(signum, task.cancel)
        try:
            await check
        except asyncio.CancelledError:
            raise KeyboardInterrupt from None
        finally:
            for signum in STOP_SIGNALS:
                loop.remove_signal_handler(signum)  # which leaves the default: set ours again
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.default_int_handler)

    asyncio.run(cancellable())


def _start(settings: Settings, migrate: bool) -> int:
    if settings.uses_webhook:
        webhook_secret(settings)  # SettingsError, reported by the command line
    try:
        # A database that cannot be used is reported in one line before Telegram is contacted.
        _checked(check_database(settings.database_url, migrate))
        # One set of TLS settings for every Bot API client of the process.
        tls = bot_api_tls()
        _checked(check_bot_api(settings, tls))
    except StartupFailure as failure:
        return _failed(str(failure))
    return _serve(settings, tls)


def _serve(settings: Settings, tls: ssl.SSLContext) -> int:
    app = build_application(settings, database_ready=True, tls=tls)
    # What start-up made (the modules, SQLAlchemy's and PTB's objects) lives as long as the
    # process: kept out of the collector's oldest generation, every full collection does not
    # walk it again (a fan-out at 1,000 a second makes one every second or two).
    gc.freeze()
    try:
        # Our own server, not app.run_webhook: it also serves the calendar feed.
        asyncio.run(serve_until_signalled(app, settings))
    except (InvalidToken, NetworkError) as error:
        # Checked a moment ago; the network or the token changed in between.
        return _failed(scrub(f"the Bot API failed at start: {error}", secrets_of(settings)))
    except OSError as error:
        if not (settings.uses_webhook or settings.serves_feed_while_polling):
            raise
        # Our server could not listen: the port is taken or the address is not ours.
        return _failed(f"{_cannot_listen(settings)}: {error}")
    return 0


def _cannot_listen(settings: Settings) -> str:
    if settings.uses_webhook:
        where = f"{settings.webhook_listen}:{settings.webhook_port}"
        return f"BOT_WEBHOOK_PORT: cannot listen on {where}"
    return f"BOT_FEED_PORT: cannot listen on {settings.feed_listen}:{settings.feed_port}"


def _failed(message: str) -> int:
    print(f"unrcca-bot: {message}", file=sys.stderr)
    return STARTUP_FAILURE


async def check_database(url: str, migrate: bool = True) -> None:
    """Migrate (and seed); with `migrate` False only check the schema is the code's head."""
    database = open_database(url)
    try:
        if migrate:
            await prepare_database(database)
            return
        revisions = await schema_revisions(database)
    finally:
        await database.dispose()
    if not revisions.up_to_date:
        raise StartupFailure(
            f"--no-migrate: the database is at {revisions.current or 'no revision'}, the code "
            f"needs {revisions.head}: run `unrcca-bot db upgrade` first"
        )
