"""The bot in webhook mode in this process (real Application, real HTTP server), for tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram.ext import Application

from bot.app import build_application
from bot.serving import serve
from config.settings import load_settings
from tests.fakebotapi import FakeBotApi
from tests.support.factories import BEFORE_SIXTH
from tests.support.network import free_port


@asynccontextmanager
async def webhook_bot(
    api: FakeBotApi, database_url: str, secret: str, hook_path: str = "/hook"
) -> AsyncIterator[tuple[Application, str]]:
    """The bot served on a free port once `api` was told its hook (setWebhook): the
    application and the server's base URL ("http://127.0.0.1:PORT"); stopped afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = load_settings(
        token=api.token,
        api_base_url=api.base_url,
        api_base_file_url=api.base_file_url,
        database_url=database_url,
        webhook_url=f"{base}{hook_path}",
        webhook_secret=secret,
        webhook_listen="127.0.0.1",
        webhook_port=port,
    )
    app = build_application(settings, clock=lambda: BEFORE_SIXTH)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, settings, stop))
    await api.wait_for_request("setWebhook")
    try:
        yield app, base
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
