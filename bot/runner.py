"""Running the Telegram application until SIGINT or SIGTERM, by long polling or webhook.

Before anything runs, each thing the bot needs is checked in turn, so that a failure is one
line naming its cause (exit 2): the webhook settings, the database (migrated here, once), and
the Bot API (one getMe).
"""

from __future__ import annotations

import asyncio
import logging
import sys

from telegram.error import InvalidToken, NetworkError

from bot.app import build_application
from bot.logs import scrub, secrets_of
from bot.serving import serve_until_signalled
from bot.startup import StartupFailure, check_bot_api
from bot.webhook import webhook_secret
from config.settings import Settings
from storage.database import open_database, prepare_database

log = logging.getLogger(__name__)
STARTUP_FAILURE = 2


def run_bot(settings: Settings) -> int:
    if settings.uses_webhook:
        webhook_secret(settings)  # SettingsError, reported by the command line
    # A database that cannot be used is reported in one line before Telegram is contacted.
    asyncio.run(check_database(settings.database_url))
    try:
        asyncio.run(check_bot_api(settings))
    except StartupFailure as failure:
        return _failed(str(failure))
    app = build_application(settings, database_ready=True)
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


async def check_database(url: str) -> None:
    database = open_database(url)
    try:
        await prepare_database(database)
    finally:
        await database.dispose()
