"""`unrcca-bot run` as a real process against the fake Bot API: it answers, stops cleanly on
SIGTERM and SIGINT, and logs at DEBUG without ever writing the token."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.processes import start_bot

USER = FakeUser(id=501, first_name="Aida", language_code="ru")


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
async def test_run_answers_and_stops_cleanly_without_logging_the_token(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    async with FakeBotApi() as api:
        process = await start_bot(api, tmp_path)
        try:
            await api.wait_for_request("getUpdates", timeout=60)
            api.send_command(USER, "start")
            reply = await api.wait_for_message(chat_id=USER.id, timeout=30)
        finally:
            process.send_signal(stop_signal)
            await asyncio.wait_for(process.wait(), timeout=60)
    log = (tmp_path / "bot.log").read_text()
    assert "РЦПДЦА" in reply["text"]  # the user's Telegram language is Russian
    assert process.returncode == 0, log[-3000:]
    assert " DEBUG " in log  # the most verbose level really was on
    assert "[BOT_TOKEN]" in log  # PTB's DEBUG lines carry the token: it was scrubbed
    assert api.token not in log
    assert api.token.split(":")[1] not in log
    # Migrated once per start: alembic names its context each time it runs (shown at DEBUG).
    assert log.count("Context impl SQLiteImpl") == 1, log
