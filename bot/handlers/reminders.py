"""The reminder jobs in PTB's JobQueue (the one APScheduler of the process), derived from the
database, and the sending of what they find due.

Two jobs: a sweep every BOT_REMINDER_SWEEP_SECONDS (it also catches changes another process
made), and one
job armed at the next due time, re-armed after every run and after every change in this
process (`wake`). Both run `run_once`, one at a time: a sweep claims what is due in the database
(bot.services.reminders.sweep) and hands the messages to the sender. The scheduler's memory
holds nothing the database does not: after a restart the first sweep finds everything again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from telegram.ext import Application, ContextTypes

from bot.handlers.sending import Sender
from bot.services.reminders.outbox import Outgoing, prepare
from bot.services.reminders.sweep import SweepSettings, sweep
from bot.services.runtime import Runtime

log = logging.getLogger(__name__)

# Dues already swept are looked at again this far back: a subscription committed just after a
# sweep read the table is not lost.
OVERLAP = timedelta(minutes=2)
SWEEP_JOB, DUE_JOB = "reminders-sweep", "reminders-due"
# APScheduler drops a job that fires more than `misfire_grace_time` late (1 s by default): a busy
# or suspended process must still run a late reminder job, so there is no limit.
JOB_KWARGS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


class ReminderScheduler:
    def __init__(
        self, app: Application, settings: SweepSettings, sweep_interval: timedelta
    ) -> None:
        self._app = app
        self._settings = settings
        self._sweep_interval = sweep_interval
        self._lock = asyncio.Lock()
        self._swept_until: datetime | None = None
        self._runtime: Runtime | None = None
        self._sender: Sender | None = None

    def start(self, runtime: Runtime) -> None:
        """Begin sweeping: at once (what fell due while no process ran), then periodically."""
        self._runtime = runtime
        self._sender = Sender(self._app.bot, runtime, self._finished)
        self._sender.start()
        queue = self._app.job_queue
        assert queue is not None, "the job-queue extra of python-telegram-bot is required"
        interval = self._sweep_interval.total_seconds()
        queue.run_repeating(self._job, interval, first=0, name=SWEEP_JOB, job_kwargs=JOB_KWARGS)

    async def stop(self) -> None:
        if self._sender is not None:
            await self._sender.stop()

    def wake(self) -> None:
        """Look again now: something due may have changed (called after a commit)."""
        self._arm(timedelta(0))

    async def run_once(self) -> None:
        runtime, sender = self._runtime, self._sender
        if runtime is None or sender is None:
            return
        async with self._lock:
            now = runtime.clock()
            after = self._swept_until - OVERLAP if self._swept_until else None
            async with runtime.transaction() as session:
                found = await sweep(session, now, after, self._settings)
                prepared = await prepare(session, found, now, runtime.default_language)
            self._swept_until = now
            _log_sweep(found.missed, prepared.dropped)
            sender.enqueue(prepared.messages)
            if found.next_due is not None:
                self._arm(found.next_due - self._settings.lead - now)

    async def _job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.run_once()

    def _arm(self, delay: timedelta) -> None:
        queue = self._app.job_queue
        if queue is None:
            return
        # The one due-time job: armed again replaces it (APScheduler's replace_existing).
        kwargs = {**JOB_KWARGS, "id": DUE_JOB, "replace_existing": True}
        queue.run_once(self._job, max(delay, timedelta(0)), name=DUE_JOB, job_kwargs=kwargs)

    async def _finished(self, item: Outgoing, sent_at: datetime) -> None:
        lateness = (sent_at - item.due_at).total_seconds()
        log.debug(
            "%s %s to chat %s, %.1f s after due", item.kind, item.record_id, item.chat_id, lateness
        )


def _log_sweep(missed: Sequence[object], dropped: Sequence[object]) -> None:
    if missed:
        log.warning(
            "%d reminders missed: their meetings began while no process was sending", len(missed)
        )
    if dropped:
        log.info("%d claimed reminders not sent: meeting moved, cancelled or begun", len(dropped))
