"""The one way to serve the application until told to stop, whichever the settings choose: long
polling, long polling with the feed server (BOT_FEED_PORT), or a webhook (BOT_WEBHOOK_URL).

The runner runs `serve_until_signalled`; the tests run `serve` with their own stop event, or
`polling` around their own code (the application starts in the caller's task, so the test
begins exactly as it does). The HTTP server itself is bot/webhook.py's.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Update
from telegram.ext import Application

from bot.api_watch import log_unanswered
from bot.bot_data import bot_data, end_sweeps
from bot.webhook import serve_polling, serve_webhook
from config.settings import Settings

# Seconds a long poll waits for updates (Telegram's `timeout`); tests shorten it to stop fast.
POLL_TIMEOUT = 10


async def serve(app: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Run `app` until `stop` is set, its hooks around it (post_init first, post_shutdown last).

    Raises what starting raises: telegram.error.InvalidToken or NetworkError from the Bot API,
    OSError when the feed or webhook server cannot listen."""
    if settings.uses_webhook:
        await serve_webhook(app, settings, stop)
    elif settings.serves_feed_while_polling:
        await serve_polling(app, settings, stop)
    else:
        async with polling(app):
            await stop.wait()


async def serve_until_signalled(app: Application, settings: Settings) -> None:
    """`serve` until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(app, settings, stop)


@asynccontextmanager
async def polling(app: Application, poll_timeout: int = POLL_TIMEOUT) -> AsyncIterator[None]:
    """Long polling (no HTTP server) while the block runs: PTB's run_polling order."""
    assert app.updater is not None
    try:
        async with app:
            if app.post_init is not None:
                await app.post_init(app)
            watch = bot_data(app).api_watch
            await app.updater.start_polling(
                allowed_updates=Update.ALL_TYPES,
                timeout=poll_timeout,
                # A poll the Bot API did not answer is one line with a count, not a traceback.
                error_callback=lambda error: log_unanswered(watch, error),
            )
            await app.start()
            try:
                yield
            finally:
                # Updates stop arriving before the application stops handling them, and the
                # reminder sweep under way ends before the JobQueue would cancel it.
                await app.updater.stop()
                await end_sweeps(app)
                await app.stop()
    finally:
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
