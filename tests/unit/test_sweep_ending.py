"""A stopping application lets the reminder sweep under way end before its JobQueue stops
(bot.outbound.scheduler.ReminderScheduler.end_sweeps): APScheduler would cancel it and log an
error. No sweep starts once the application is stopping."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import ApplicationBuilder

from bot.metrics import Metrics
from bot.outbound.scheduler import ReminderScheduler
from bot.wiring import scheduler_settings
from config.settings import load_settings

# The job's context is not read by the sweep.
NO_CONTEXT: Any = None


def scheduler() -> ReminderScheduler:
    app = ApplicationBuilder().token("123456:TEST").build()
    return ReminderScheduler(app, scheduler_settings(load_settings()), Metrics())


async def test_the_sweep_under_way_ends_before_and_none_starts_after() -> None:
    reminders = scheduler()
    released, swept = asyncio.Event(), []

    async def slow_sweep() -> None:
        await released.wait()
        swept.append("done")

    reminders.run_once = slow_sweep  # type: ignore[method-assign]
    under_way = asyncio.create_task(reminders._job(NO_CONTEXT))
    await asyncio.sleep(0)
    ending = asyncio.create_task(reminders.end_sweeps())
    await asyncio.sleep(0.05)
    assert not ending.done()  # it waits for the sweep under way
    released.set()
    await asyncio.wait_for(ending, 5)
    assert under_way.done() and swept == ["done"]

    await reminders._job(NO_CONTEXT)
    assert swept == ["done"]  # a sweep after that does nothing


async def test_a_sweep_that_does_not_end_is_left_after_the_bound() -> None:
    reminders = scheduler()

    async def stuck() -> None:
        await asyncio.Event().wait()

    reminders.run_once = stuck  # type: ignore[method-assign]
    under_way = asyncio.create_task(reminders._job(NO_CONTEXT))
    await asyncio.sleep(0)
    await asyncio.wait_for(reminders.end_sweeps(within=0.1), 5)
    assert not under_way.done()
    under_way.cancel()
