"""`unrcca-bot run` as a real process against the fake Bot API, for tests where processes,
restarts and signals matter."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.fakebotapi import FakeBotApi


async def start_bot(
    api: FakeBotApi,
    folder: Path,
    *,
    database_url: str | None = None,
    log_name: str = "bot.log",
    **settings: str,
) -> asyncio.subprocess.Process:
    """The bot in its own process, logging to folder/`log_name` (a full pipe would stall it).

    `settings` are more environment variables (BOT_REMINDER_OFFSETS="1m", ...).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(
        BOT_TOKEN=api.token,
        BOT_API_BASE_URL=api.base_url,
        BOT_API_BASE_FILE_URL=api.base_file_url,
        BOT_LOG_LEVEL="DEBUG",
        DATABASE_URL=database_url or f"sqlite+aiosqlite:///{folder / 'bot.db'}",
    )
    env.update(settings)
    with (folder / log_name).open("ab") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=folder, env=env, stdout=log, stderr=log
        )


async def stop(process: asyncio.subprocess.Process) -> int:
    if process.returncode is None:
        process.terminate()
    return await asyncio.wait_for(process.wait(), timeout=60)
