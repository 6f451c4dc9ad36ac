"""`unrcca-bot run` as a real process against the fake Bot API: it answers, stops cleanly on
SIGTERM and SIGINT, and logs at DEBUG without ever writing the token."""

from __future__ import annotations

import asyncio
import json
import signal
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.polling import wait_until
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


async def test_json_logs_one_line_per_failed_poll_and_no_scheduler_runs_at_info(
    tmp_path: Path,
) -> None:
    """The Bot API goes away and comes back: a line per failed poll, no traceback; every line
    JSON; the reminder jobs (one a second here) write nothing at INFO."""
    api = await FakeBotApi().start()
    port = int(api.base_url.split(":")[2].split("/")[0])
    settings = {"BOT_LOG_FORMAT": "json", "BOT_LOG_LEVEL": "INFO"}
    process = await start_bot(api, tmp_path, BOT_REMINDER_SWEEP_SECONDS="1", **settings)
    try:
        await api.wait_for_request("getUpdates", timeout=60)
        await api.stop()
        log = tmp_path / "bot.log"
        assert await wait_until(lambda: "(failure 2 in a row)" in log.read_text(), 60)
        api = await FakeBotApi(port=port).start()
        api.send_command(USER, "start")
        await api.wait_for_message(chat_id=USER.id, timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), timeout=60)
        await api.stop()
    text = (tmp_path / "bot.log").read_text()
    lines = [json.loads(line) for line in text.splitlines()]  # every line is one object
    assert process.returncode == 0, text[-3000:]
    failed = [line for line in lines if "did not answer getUpdates" in line["message"]]
    assert len(failed) >= 2 and all("exc_info" not in line for line in failed)
    assert "Traceback" not in text
    assert not [line for line in lines if line["logger"].startswith("apscheduler")]
    assert api.token.split(":")[1] not in text
