"""Running the Telegram application until SIGINT or SIGTERM, by long polling or webhook."""

from __future__ import annotations

import asyncio
import logging
import sys
from urllib.parse import urlparse

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from bot.app import build_application
from bot.logs import scrub
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
        if settings.uses_webhook:
            secret = (
                settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
            )
            app.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=_webhook_path(settings),
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
            )
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
    return 0


def _webhook_path(settings: Settings) -> str:
    assert settings.webhook_url is not None
    return urlparse(settings.webhook_url).path.lstrip("/")


async def check_database(url: str) -> None:
    database = open_database(url)
    try:
        await prepare_database(database)
    finally:
        await database.dispose()
