"""The reminder jobs in PTB's JobQueue (the one APScheduler of the process), derived from the
database, and the sending of what they find due.

Two jobs: a sweep every BOT_REMINDER_SWEEP_SECONDS (it also catches changes another process
made), and one job armed when the next fan-out must start, re-armed after every run and after
every change (`wake`). Both run `run_once`, one at a time: a sweep claims what is due in the
database (bot.services.reminders.sweep) and hands the messages to the sender. The scheduler's
memory holds nothing the database does not: after a restart the first sweep finds everything.

Of several processes on one database only the leader (storage.leadership) sweeps and sends, so
together they keep the bot's rate; the others wake it (NOTIFY) when they change something.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram.ext import Application, ContextTypes

from bot.handlers.fan_outs import FanOuts
from bot.handlers.sending import Sender
from bot.metrics import Metrics
from bot.services.reminders.outbox import prepare
from bot.services.reminders.sweep import SweepSettings, sweep
from bot.services.runtime import Runtime
from storage.leadership import Leadership

log = logging.getLogger(__name__)

# Dues already swept are looked at again this far back: a subscription committed just after a
# sweep read the table is not lost.
OVERLAP = timedelta(minutes=2)
SWEEP_JOB, DUE_JOB = "reminders-sweep", "reminders-due"
# APScheduler drops a job that fires more than `misfire_grace_time` late (1 s by default): a busy
# or suspended process must still run a late reminder job, so there is no limit.
JOB_KWARGS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


@dataclass(frozen=True)
class SchedulerSettings:
    sweep: SweepSettings
    sweep_interval: timedelta
    # Sends at once; each waits for the rate limiter, so this only hides network latency.
    workers: int = 8


class ReminderScheduler:
    def __init__(self, app: Application, settings: SchedulerSettings, metrics: Metrics) -> None:
        self._app = app
        self._settings = settings
        self._metrics = metrics
        self._lock = asyncio.Lock()
        self._swept_until: datetime | None = None
        self._runtime: Runtime | None = None
        self._sender: Sender | None = None
        self._leadership: Leadership | None = None
        self._told_not_leading = False
        self._fan_outs = FanOuts(metrics)
        # NOTIFYs under way: kept, so that the event loop does not drop them half done.
        self._notifying: set[asyncio.Task[None]] = set()

    @property
    def running(self) -> bool:
        return self._runtime is not None

    @property
    def leads(self) -> bool:
        """This process holds the leader lock: it sweeps and sends."""
        return self._leadership is not None and self._leadership.held

    def start(self, runtime: Runtime) -> None:
        """Begin sweeping: at once (what fell due while no process ran), then periodically."""
        self._runtime = runtime
        self._leadership = Leadership(runtime.database, self._wake_soon)
        rate = self._settings.sweep.rate
        ended = self._fan_outs.ended
        lease = self._settings.sweep.lease
        workers = self._settings.workers
        self._sender = Sender(self._app.bot, runtime, rate, workers, ended, lease)
        self._sender.start()
        self._metrics.watch_queue(lambda: self._sender.waiting if self._sender else 0)
        queue = self._app.job_queue
        assert queue is not None, "the job-queue extra of python-telegram-bot is required"
        interval = self._settings.sweep_interval.total_seconds()
        queue.run_repeating(self._job, interval, name=SWEEP_JOB, job_kwargs=JOB_KWARGS)
        # The first sweep as the scheduler starts: an interval job added before the scheduler
        # runs would first fire an interval later (APScheduler aligns it to its start date).
        self._arm(timedelta(0))

    async def stop(self) -> None:
        if self._sender is not None:
            await self._sender.stop()
        if self._leadership is not None:
            await self._leadership.release()

    def wake(self) -> None:
        """Look again now: something due changed (called after a commit in this process)."""
        if self._leadership is not None and not self._leadership.held:
            task = asyncio.get_running_loop().create_task(self._leadership.notify())
            self._notifying.add(task)
            task.add_done_callback(self._notifying.discard)
        self._arm(timedelta(0))

    async def run_once(self) -> None:
        runtime, sender = self._runtime, self._sender
        if runtime is None or sender is None or not await self._leads():
            return
        async with self._lock:
            now = runtime.clock()
            after = self._swept_until - OVERLAP if self._swept_until else None
            async with runtime.transaction() as session:
                found = await sweep(session, now, after, self._settings.sweep)
                prepared = await prepare(session, found, now, runtime.default_language)
            self._swept_until = now
            if found.missed:
                log.warning(
                    "%d reminders missed: sent by no process before their meeting began",
                    len(found.missed),
                )
                self._metrics.missed.inc(len(found.missed))
            self._fan_outs.started(prepared.messages, now)
            sender.enqueue(prepared.messages)
            if found.next_wake is not None:
                self._arm(found.next_wake - now)

    async def _leads(self) -> bool:
        assert self._leadership is not None
        was = self._leadership.held
        leads = await self._leadership.try_acquire()
        self._metrics.leader.set(1 if leads else 0)
        if leads and not was:
            # A new leader looks back as far as an offset reaches: nothing due is lost.
            self._swept_until = None
            log.info("this process sends the reminders (it holds the leader lock)")
        elif not leads and not self._told_not_leading:
            self._told_not_leading = True
            log.warning(
                "another unrcca-bot process sends the reminders for this database; this one "
                "answers only%s",
                ""
                if self._leadership.is_postgresql
                else " (SQLite is for one process: run several on PostgreSQL, see the README)",
            )
        return leads

    async def _job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await self.run_once()
        except asyncio.CancelledError:
            # The application is stopping and APScheduler cancels running jobs (and would log
            # each as an error): a sweep cut short commits nothing it had not finished, and what
            # it had claimed is found again after the lease.
            log.info("a reminder sweep was stopped with the application")

    def _wake_soon(self) -> None:
        self._arm(timedelta(0))

    def _arm(self, delay: timedelta) -> None:
        queue = self._app.job_queue
        if queue is None:
            return
        # The one due-time job: armed again replaces it (APScheduler's replace_existing).
        kwargs = {**JOB_KWARGS, "id": DUE_JOB, "replace_existing": True}
        queue.run_once(self._job, max(delay, timedelta(0)), name=DUE_JOB, job_kwargs=kwargs)
