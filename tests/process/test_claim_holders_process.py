"""Claims name their holder, with real `unrcca-bot run` processes: a process stopped with SIGTERM
mid fan-out writes how its sends ended and releases the rest, and one killed with SIGKILL stops
beating; either way a restarted process resumes within seconds, not after the two-minute lease."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.database import open_database
from storage.models import ClaimHolder, DeliveryStatus, ReminderDelivery
from tests.fakebotapi import FakeBotApi
from tests.process.test_fanout_processes import SETTINGS, prepare, reminded, wait_for_count
from tests.support.processes import start_bot, stop

CHATS = 300
# Sends in flight when the process stopped (8 workers): their answers may never have been read.
IN_FLIGHT = 8
# Slow enough to stop it mid fan-out; the lease is left at its two minutes.
SLOW = {**SETTINGS, "BOT_BROADCAST_RATE": "20"}


async def claims_left(url: str) -> tuple[int, list[bool]]:
    """Pending reminders, and for each holder whether it released its claims."""
    database = open_database(url)
    try:
        async with database.sessions() as session:
            pending = await session.scalar(
                select(func.count()).where(ReminderDelivery.status == DeliveryStatus.PENDING)
            )
            released = await session.scalars(select(ClaimHolder.released_at))
            return int(pending or 0), [at is not None for at in released]
    finally:
        await database.dispose()


async def resumed_after(api: FakeBotApi, url: str, folder: Path, before: int) -> float:
    """Start the bot again; seconds until its first new reminder, once all are sent."""
    restarted = time.monotonic()
    second = await start_bot(api, folder, database_url=url, **SLOW)
    try:
        await wait_for_count(api, before + 1, 60)
        first_new = time.monotonic() - restarted
        await wait_for_count(api, CHATS, 60)
        await asyncio.sleep(2)
    finally:
        assert await stop(second) == 0
    return first_new


async def test_sigterm_mid_fan_out_releases_the_claims_for_the_next_start(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await prepare(url, CHATS, due_in=15)
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path, database_url=url, **SLOW)
        await wait_for_count(api, 60, 60)
        assert await stop(first) == 0  # SIGTERM
        before = len(reminded(api))
        pending, released = await claims_left(url)
        # Every holder it had (a heartbeat that lapsed on a busy machine means a new one).
        # Pending: those not sent, and those whose send was cut off by the stop before its
        # answer came (at most the sends in flight): the one duplicate nobody can avoid.
        assert 0 < pending <= CHATS - before + IN_FLIGHT and released and all(released)
        first_new = await resumed_after(api, url, tmp_path, before)
    counts = reminded(api)
    assert len(counts) == CHATS, f"{CHATS - len(counts)} chats missed"
    assert sum(n - 1 for n in counts.values()) <= IN_FLIGHT
    # Loose (a shared machine): the process starts, migrates and sweeps; the lease is 120 s.
    assert first_new < 30, f"resumed after {first_new:.1f} s"


async def test_sigkill_mid_fan_out_frees_the_claims_when_the_heartbeat_stops(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await prepare(url, CHATS, due_in=15)
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path, database_url=url, **SLOW)
        await wait_for_count(api, 60, 60)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        before = len(reminded(api))
        _pending, released = await claims_left(url)
        assert released and not all(released)
        first_new = await resumed_after(api, url, tmp_path, before)
    counts = reminded(api)
    assert len(counts) == CHATS, f"{CHATS - len(counts)} chats missed"
    # The heartbeat's 6 s timeout, the start and the sweep, with room for a busy machine: far
    # from the two-minute lease.
    assert first_new < 40, f"resumed after {first_new:.1f} s"


@pytest.mark.postgres
async def test_a_second_process_takes_over_from_a_killed_leader_within_seconds(
    postgres_url: str, tmp_path: Path
) -> None:
    """Sweeps a minute apart, as by default: the follower standing by takes the lock, and the
    dead leader's claims when its heartbeat times out."""
    await prepare(postgres_url, CHATS, due_in=15)
    settings = {**SLOW, "BOT_REMINDER_SWEEP_SECONDS": "60"}
    async with FakeBotApi() as api:
        bots = {
            name: await start_bot(
                api, tmp_path, database_url=postgres_url, log_name=f"{name}.log", **settings
            )
            for name in ("a", "b")
        }
        try:
            await wait_for_count(api, 60, 60)
            leader = next(
                n for n in bots if "this process sends" in (tmp_path / f"{n}.log").read_text()
            )
            bots[leader].send_signal(signal.SIGKILL)
            await bots[leader].wait()
            killed_at = time.time()
            await wait_for_count(api, CHATS, 90)
            await asyncio.sleep(2)
        finally:
            for process in bots.values():
                await stop(process)
    after = sorted(
        s["at"] for s in api.sent if "Reminder" in (s["text"] or "") and s["at"] > killed_at
    )
    counts = reminded(api)
    assert len(counts) == CHATS, f"{CHATS - len(counts)} chats missed"
    assert sum(n - 1 for n in counts.values()) <= IN_FLIGHT + 2
    # The issue asks for 10 s (2 s standing by, 6 s of heartbeat timeout); loose for a shared
    # machine, and far from the two-minute lease and the one-minute sweep.
    assert after and after[0] - killed_at < 20, f"took over after {after[0] - killed_at:.1f} s"
