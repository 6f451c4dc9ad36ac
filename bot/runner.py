"""Running the Telegram application until SIGINT or SIGTERM, by long polling or webhook."""

from __future__ import annotations

import asyncio
import logging
import sys

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from bot.app import build_application
from bot.logs import scrub
from bot.webhook import serve_until_signalled
from config.settings import Settings
from storage.database import open_database, prepare_database

log = logging.getLogger(__name__)
STARTUP_FAILURE = 2


def run_bot(settings: Settings) -> int:
    # A database that cannot be used is reported in one line before Telegram is contacted.
    asyncio.run(check_database(settings.database_url))
    app = build_application(settings)
    token = settings.require_token()
    try:
        if settings.uses_webhook or settings.serves_feed_while_polling:
            # Our own server, not app.run_webhook: it also serves the calendar feed.
            asyncio.run(serve_until_signalled(app, settings))
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        print(
            "unrcca-bot: BOT_TOKEN was rejected by the Bot API: check it with @BotFather",
            file=sys.stderr,
        )
        return STARTUP_FAILURE
    except NetworkError as error:
        message = scrub(str(error), [token])
        print(
            f"unrcca-bot: BOT_API_BASE_URL: cannot reach the Bot API: {message}", file=sys.stderr
        )
        return STARTUP_FAILURE
    except OSError as error:
        if not (settings.uses_webhook or settings.serves_feed_while_polling):
            raise
        # Our server could not listen: the port is taken or the address is not ours.
        print(f"unrcca-bot: {_cannot_listen(settings)}: {error}", file=sys.stderr)
        return STARTUP_FAILURE
    return 0


def _cannot_listen(settings: Settings) -> str:
    if settings.uses_webhook:
        where = f"{settings.webhook_listen}:{settings.webhook_port}"
        return f"BOT_WEBHOOK_PORT: cannot listen on {where}"
    return f"BOT_FEED_PORT: cannot listen on {settings.feed_listen}:{settings.feed_port}"


async def check_database(url: str) -> None:
    database = open_database(url)
    try:
        await prepare_database(database)
    finally:
        await database.dispose()
