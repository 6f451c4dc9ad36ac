"""The one way to serve the application until told to stop, whichever the settings choose: long
polling, long polling with the feed server (BOT_FEED_PORT), or a webhook (BOT_WEBHOOK_URL).

The runner (`serve_until_signalled`) and the tests (`serve` with their own stop event) run
exactly this; the HTTP server itself is bot/webhook.py's.
"""

from __future__ import annotations

import asyncio
import signal

from telegram import Update
from telegram.ext import Application

from bot.webhook import serve_polling, serve_webhook
from config.settings import Settings

# Seconds a long poll waits for updates (Telegram's `timeout`); tests shorten it to stop fast.
POLL_TIMEOUT = 10


async def serve(
    app: Application, settings: Settings, stop: asyncio.Event, *, poll_timeout: int = POLL_TIMEOUT
) -> None:
    """Run `app` until `stop` is set, its hooks around it (post_init first, post_shutdown last).

    Raises what starting raises: telegram.error.InvalidToken or NetworkError from the Bot API,
    OSError when the feed or webhook server cannot listen."""
    if settings.uses_webhook:
        await serve_webhook(app, settings, stop)
    elif settings.serves_feed_while_polling:
        await serve_polling(app, settings, stop)
    else:
        await _poll(app, stop, poll_timeout)


async def serve_until_signalled(app: Application, settings: Settings) -> None:
    """`serve` until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(app, settings, stop)


async def _poll(app: Application, stop: asyncio.Event, poll_timeout: int) -> None:
    assert app.updater is not None
    try:
        async with app:
            if app.post_init is not None:
                await app.post_init(app)
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, timeout=poll_timeout)
            await app.start()
            try:
                await stop.wait()
            finally:
                # Updates stop arriving before the application stops handling them.
                await app.updater.stop()
                await app.stop()
    finally:
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
