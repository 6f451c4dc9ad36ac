"""`unrcca-bot run` with long polling and BOT_FEED_PORT: a deployment without webhooks still has
a calendar feed to subscribe to, and the bot still answers and stops cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import httpx
from icalendar import Calendar

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.network import free_port

USER = FakeUser(id=501, first_name="Aida", language_code="en")


async def start_polling_bot(
    api: FakeBotApi, folder: Path, port: int
) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(
        BOT_TOKEN=api.token,
        BOT_API_BASE_URL=api.base_url,
        BOT_API_BASE_FILE_URL=api.base_file_url,
        DATABASE_URL=f"sqlite+aiosqlite:///{folder / 'bot.db'}",
        BOT_FEED_PORT=str(port),
        BOT_FEED_LISTEN="127.0.0.1",
    )
    with (folder / "bot.log").open("wb") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=folder, env=env, stdout=log, stderr=log
        )


async def get_feed(client: httpx.AsyncClient, url: str) -> httpx.Response:
    """The feed once the server listens (it starts with the bot, after the database)."""
    for _ in range(200):
        try:
            return await client.get(url)
        except httpx.ConnectError:
            await asyncio.sleep(0.1)
    raise AssertionError(f"nothing listens at {url}")


async def test_polling_mode_serves_the_feed_on_its_own_port(tmp_path: Path) -> None:
    port = free_port()
    feed = f"http://127.0.0.1:{port}/calendar.ics"
    async with FakeBotApi() as api, httpx.AsyncClient() as client:
        process = await start_polling_bot(api, tmp_path, port)
        try:
            english = await get_feed(client, feed)
            russian = await client.get(feed, params={"lang": "ru"})
            api.send_command(USER, "start")
            reply = await api.wait_for_message(chat_id=USER.id, timeout=30)
        finally:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=60)
    log = (tmp_path / "bot.log").read_text()
    assert english.headers["content-type"] == "text/calendar; charset=utf-8"
    assert str(Calendar.from_ical(english.content)["X-WR-CALNAME"]) == "UNRCCA meetings"
    assert "Шестая ежегодная встреча" in russian.text
    assert reply["text"].startswith("Hello, Aida!")
    assert process.returncode == 0, log[-3000:]
    assert api.token not in log


async def test_a_feed_port_that_is_taken_stops_the_start_with_one_line(tmp_path: Path) -> None:
    async with FakeBotApi() as api:
        port = free_port()
        blocker = await asyncio.start_server(lambda r, w: None, "127.0.0.1", port)
        try:
            process = await start_polling_bot(api, tmp_path, port)
            await asyncio.wait_for(process.wait(), timeout=60)
        finally:
            blocker.close()
    lines = (tmp_path / "bot.log").read_text().strip().splitlines()
    assert process.returncode == 2
    assert lines[-1].startswith(f"unrcca-bot: BOT_FEED_PORT: cannot listen on 127.0.0.1:{port}")
