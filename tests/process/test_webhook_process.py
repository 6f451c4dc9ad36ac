"""`unrcca-bot run` in webhook mode as a real process: it answers and stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import httpx

from bot.webhook import SECRET_HEADER
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.updates import incoming_message, private_chat_json, text_content
from tests.support.network import free_port

USER = FakeUser(id=501, first_name="Aida")
SECRET = "process-secret-0123456789"


async def start_webhook_bot(
    api: FakeBotApi, folder: Path, port: int
) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(
        BOT_TOKEN=api.token,
        BOT_API_BASE_URL=api.base_url,
        BOT_API_BASE_FILE_URL=api.base_file_url,
        DATABASE_URL=f"sqlite+aiosqlite:///{folder / 'bot.db'}",
        BOT_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
        BOT_WEBHOOK_SECRET=SECRET,
        BOT_WEBHOOK_LISTEN="127.0.0.1",
        BOT_WEBHOOK_PORT=str(port),
        BOT_LOG_LEVEL="DEBUG",
    )
    with (folder / "bot.log").open("wb") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=folder, env=env, stdout=log, stderr=log
        )


async def test_webhook_mode_answers_serves_the_feed_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    message = incoming_message(1, USER, private_chat_json(USER), **text_content("/start"))
    async with FakeBotApi() as api, httpx.AsyncClient() as client:
        process = await start_webhook_bot(api, tmp_path, port)
        try:
            await api.wait_for_request("setWebhook", timeout=60)
            await client.post(
                f"http://127.0.0.1:{port}/hook",
                json={"update_id": 1, "message": message},
                headers={SECRET_HEADER: SECRET},
            )
            reply = await api.wait_for_message(chat_id=USER.id, timeout=30)
            feed = await client.get(f"http://127.0.0.1:{port}/calendar.ics")
        finally:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=60)
    log = (tmp_path / "bot.log").read_text()
    assert reply["text"].startswith("Hello, Aida!")
    assert b"deputy-fm-2015-dushanbe@unrcca-bot" in feed.content
    assert process.returncode == 0, log[-3000:]
    assert api.token not in log
    # PTB logs setWebhook's parameters at DEBUG: the secret was there, and was scrubbed.
    assert SECRET not in log and "[BOT_WEBHOOK_SECRET]" in log
