"""Reminders across restarts of real `unrcca-bot run` processes on one database: a reminder that
fell due while the bot was down arrives at start with the true time left, and nothing that was
sent is sent again."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from pathlib import Path

from bot.services.meeting_writes.changes import add_meeting
from bot.services.runtime import utc_now
from storage.database import open_database, prepare_database
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.processes import start_bot, stop

USER = FakeUser(id=601, first_name="Saule", language_code="en")
FAST = {"BOT_REMINDER_OFFSETS": "2m", "BOT_REMINDER_SWEEP_SECONDS": "1"}


async def add_meeting_in(url: str, delay: timedelta) -> int:
    database = open_database(url)
    try:
        await prepare_database(database)
        values = {"title_en": "Border talks", "starts_at": utc_now() + delay,
                  "time_zone": "Asia/Almaty", "city_en": "Almaty", "time_known": True}  # fmt: skip
        async with database.sessions.begin() as session:
            return (await add_meeting(session, None, values, utc_now())).id
    finally:
        await database.dispose()


def reminders(api: FakeBotApi) -> list[str]:
    return [s["text"] for s in api.sent if "Reminder" in (s["text"] or "")]


async def test_a_reminder_due_while_down_arrives_at_start_and_is_never_sent_twice(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    # Due 12 s from now (two minutes before the start); the bot is down from then until about
    # a minute before the start.
    created = time.monotonic()
    meeting_id = await add_meeting_in(url, timedelta(seconds=132))
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path, **FAST)
        try:
            api.send_command(USER, "subscribe", str(meeting_id))
            await api.wait_for_message(chat_id=USER.id, timeout=30)
        finally:
            assert await stop(first) == 0
        await asyncio.sleep(max(0.0, 70 - (time.monotonic() - created)))
        assert reminders(api) == []
        second = await start_bot(api, tmp_path, **FAST)
        try:
            late = await api.wait_for_message(
                chat_id=USER.id, timeout=30, predicate=lambda s: "Reminder" in (s["text"] or "")
            )
        finally:
            assert await stop(second) == 0
        # Sent about a minute before the meeting: it says so, not "2 minutes" by its offset.
        assert "Starts in 1 minute." in late["text"]
        third = await start_bot(api, tmp_path, **FAST)
        try:
            await api.wait_for_request("getUpdates", timeout=30)
            await asyncio.sleep(4)
        finally:
            assert await stop(third) == 0
    assert len(reminders(api)) == 1, reminders(api)
    log = (tmp_path / "bot.log").read_text()
    assert api.token not in log
