"""Reminders at scale with real `unrcca-bot run` processes: two sharing one PostgreSQL database
remind each chat once, and a process killed with SIGKILL in the middle of a fan-out is
restarted without anybody being missed, its duplicates within the README's bound."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from bot.services.meeting_writes.changes import add_meeting
from bot.services.runtime import utc_now
from storage.database import open_database, prepare_database
from tests.fakebotapi import FakeBotApi
from tests.support.polling import wait_until
from tests.support.processes import start_bot, stop
from tests.support.subscribers import add_subscribers

# The README's bound: sends in flight (8 workers) and ends not yet written (0.1 s of sending).
DUPLICATE_BOUND = 8 + 5


async def prepare(url: str, chats: int, due_in: float) -> float:
    """`chats` chats subscribed to every meeting, and a meeting whose reminder (a minute
    before) falls due `due_in` seconds from now; the due time (time.time())."""
    database = open_database(url)
    try:
        await prepare_database(database)
        long_ago = utc_now() - timedelta(hours=1)
        async with database.sessions.begin() as session:
            await add_subscribers(session, range(20_000, 20_000 + chats), long_ago)
        starts_at = utc_now() + timedelta(seconds=due_in + 60)
        values = {"title_en": "Border talks", "starts_at": starts_at, "time_zone": "Asia/Almaty",
                  "city_en": "Almaty", "time_known": True}  # fmt: skip
        async with database.sessions.begin() as session:
            await add_meeting(session, None, values, long_ago)
        return starts_at.timestamp() - 60
    finally:
        await database.dispose()


def reminded(api: FakeBotApi) -> Counter[int]:
    return Counter(s["chat_id"] for s in api.sent if "Reminder" in (s["text"] or ""))


async def wait_for_count(api: FakeBotApi, count: int, seconds: float) -> None:
    await wait_until(lambda: len(reminded(api)) >= count, seconds, every=0.3)


SETTINGS = {
    "BOT_REMINDER_OFFSETS": "1m",
    "BOT_REMINDER_SWEEP_SECONDS": "1",
    "BOT_LOG_LEVEL": "INFO",
}


@pytest.mark.postgres
async def test_two_processes_on_postgresql_remind_300_chats_each_once(
    postgres_url: str, tmp_path: Path
) -> None:
    due = await prepare(postgres_url, 300, due_in=15)
    async with FakeBotApi() as api:
        settings = {**SETTINGS, "BOT_BROADCAST_RATE": "100"}
        first = await start_bot(
            api, tmp_path, database_url=postgres_url, log_name="a.log", **settings
        )
        second = await start_bot(
            api, tmp_path, database_url=postgres_url, log_name="b.log", **settings
        )
        try:
            await wait_for_count(api, 300, 60)
            await asyncio.sleep(2)
            # Read while both run: once one stops, the other rightly takes the lead.
            logs = (tmp_path / "a.log").read_text() + (tmp_path / "b.log").read_text()
        finally:
            assert await stop(first) == 0
            assert await stop(second) == 0
    counts = reminded(api)
    assert len(counts) == 300 and set(counts.values()) == {1}
    times = sorted(s["at"] for s in api.sent if "Reminder" in (s["text"] or ""))
    assert (len(times) - 1) / (times[-1] - times[0]) <= 105
    # Loose: a loaded 2-core machine can starve the senders for seconds; "on time" to the second
    # is measured by benchmarks/fanout.py and tests/faults. This still fails a fan-out that
    # waits for a sweep or a lease.
    assert times[-1] - due <= 10.0
    assert logs.count("this process sends the reminders") == 1
    assert "fan-out reminder of meeting" in logs


async def test_a_process_killed_mid_fan_out_is_restarted_and_nobody_is_missed(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await prepare(url, 300, due_in=20)
    settings = {**SETTINGS, "BOT_BROADCAST_RATE": "20", "BOT_REMINDER_LEASE_SECONDS": "5"}
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path, database_url=url, **settings)
        await wait_for_count(api, 100, 60)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        reached_before = len(reminded(api))
        second = await start_bot(api, tmp_path, database_url=url, **settings)
        try:
            await wait_for_count(api, 300, 90)
            await asyncio.sleep(2)
        finally:
            assert await stop(second) == 0
    counts = reminded(api)
    duplicates = sum(n - 1 for n in counts.values())
    assert len(counts) == 300, f"{300 - len(counts)} chats missed"
    assert 100 <= reached_before < 300
    assert duplicates <= DUPLICATE_BOUND, f"{duplicates} duplicates"
