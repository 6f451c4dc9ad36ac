"""The one scheduler of everything the bot sends on its own: jobs in PTB's JobQueue (the one
APScheduler of the process), derived from the database, and the sending of what they claim.

Two jobs: a sweep every BOT_REMINDER_SWEEP_SECONDS (it also catches changes another process
made), and one job armed when the next fan-out must start, re-armed after every run and after
every change (`wake`). Both run `run_once`, one at a time: a sweep claims what is due of every
delivery kind (bot.outbound.kinds), planning the head start from the whole backlog, and hands
the messages to the sender's one queue. The scheduler's memory holds nothing the database does
not: after a restart the first sweep finds everything.

Of several processes on one database only the leader (storage.leadership) sweeps and sends, so
together they keep the bot's rate; the others wake it (NOTIFY) when they change something.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from telegram.ext import Application, ContextTypes

from bot.metrics import Metrics
from bot.outbound.fan_outs import FanOuts
from bot.outbound.holder import TIMEOUT, Holder
from bot.outbound.kinds import KINDS, Claim, ClaimContext
from bot.outbound.outages import OUTAGE
from bot.outbound.sender import Sender
from bot.services.digests.due import DigestSettings
from bot.services.reminders.sweep import SweepSettings
from bot.services.runtime import Runtime
from storage.leadership import Leadership

log = logging.getLogger(__name__)

# Dues already swept are looked at again this far back: a subscription committed just after a
# sweep read the table is not lost.
OVERLAP = timedelta(minutes=2)
SWEEP_JOB, DUE_JOB = "reminders-sweep", "reminders-due"
# A new leader looks again when the claims of a leader that just died are free (its heartbeat's
# timeout, and a second), rather than at the next sweep.
TAKEOVER_JOB, TAKEOVER_DELAY = "reminders-takeover", TIMEOUT + timedelta(seconds=1)
# APScheduler drops a job that fires more than `misfire_grace_time` late (1 s by default): a busy
# or suspended process must still run a late reminder job, so there is no limit.
JOB_KWARGS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
# How long a stopping application waits for the sweep under way (a sweep is a few queries).
SWEEP_END_SECONDS = 10.0


@dataclass(frozen=True)
class SchedulerSettings:
    sweep: SweepSettings
    sweep_interval: timedelta
    # Sends in flight at most, however slow the Bot API (bot.outbound.pacing picks fewer).
    max_in_flight: int = 256
    digest: DigestSettings = field(
        default_factory=lambda: DigestSettings(timedelta(minutes=2), "en")
    )


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
        self._holder: Holder | None = None
        self._told_not_leading = False
        # Whether the last look found this process leading (it may have won the lock since).
        self._leading = False
        self._fan_outs = FanOuts(metrics)
        # NOTIFYs under way: kept, so that the event loop does not drop them half done.
        self._notifying: set[asyncio.Task[None]] = set()
        # Sweeps under way, and whether the application is stopping (no new sweep then).
        self._sweeps: set[asyncio.Task[object]] = set()
        self._ending = False

    @property
    def running(self) -> bool:
        return self._runtime is not None

    @property
    def leadership(self) -> Leadership | None:
        return self._leadership

    @property
    def leads(self) -> bool:
        """This process holds the leader lock: it sweeps and sends."""
        return self._leadership is not None and self._leadership.held

    def start(self, runtime: Runtime) -> None:
        """Begin sweeping: at once (what fell due while no process ran), then periodically."""
        self._runtime = runtime
        self._leadership = leadership = Leadership(runtime.database, self._wake_soon)
        self._metrics.watch_leadership(
            lambda: leadership.leaderless_seconds, lambda: leadership.held
        )
        leadership.stand_by()
        self._holder = Holder(runtime, on_lapse=self._forget_queued)
        rate = self._settings.sweep.rate
        ended = self._fan_outs.ended
        lease = self._settings.sweep.lease
        bound = self._settings.max_in_flight
        self._sender = Sender(
            self._app.bot, runtime, rate, bound, ended, lease, may_send=self._may_send
        )
        self._sender.start()
        sender = self._sender
        self._metrics.watch_queue(lambda: sender.waiting)
        self._metrics.watch_sending(lambda: sender.in_flight, lambda: sender.latency)
        queue = self._app.job_queue
        assert queue is not None, "the job-queue extra of python-telegram-bot is required"
        interval = self._settings.sweep_interval.total_seconds()
        queue.run_repeating(self._job, interval, name=SWEEP_JOB, job_kwargs=JOB_KWARGS)
        # The first sweep as the scheduler starts: an interval job added before the scheduler
        # runs would first fire an interval later (APScheduler aligns it to its start date).
        self._arm(timedelta(0))

    async def end_sweeps(self, within: float = SWEEP_END_SECONDS) -> None:
        """Before the application stops its JobQueue: no sweep starts from now on, and the one
        under way ends first (for at most `within` seconds). APScheduler cancels a job still
        running when it shuts down, and logs that as an error."""
        self._ending = True
        queue = self._app.job_queue
        if queue is not None:
            for job in queue.jobs():
                if job.callback == self._job:
                    job.schedule_removal()
        if self._sweeps:
            await asyncio.wait(set(self._sweeps), timeout=within)

    async def stop(self) -> None:
        if self._sender is not None:
            await self._sender.stop()
        if self._holder is not None:
            await self._holder.stop()
        if self._leadership is not None:
            await self._leadership.stop_standing_by()
            await self._leadership.release()

    def wake(self) -> None:
        """Look again now: something due changed (called after a commit in this process)."""
        if self._leadership is not None and not self._leadership.held:
            task = asyncio.get_running_loop().create_task(self._leadership.notify())
            self._notifying.add(task)
            task.add_done_callback(self._notifying.discard)
        self._arm(timedelta(0))

    async def run_once(self) -> None:
        runtime, sender, holder = self._runtime, self._sender, self._holder
        if runtime is None or sender is None or holder is None or not await self._leads():
            return
        async with self._lock:
            if not holder.running:
                await holder.start()
            # What was sent is written before anything is claimed again (no second send).
            await sender.flush_results()
            now = runtime.clock()
            claims = await self._claim_every_kind(runtime, sender, holder, now)
            self._swept_until = now
            missed = sum(claim.missed for claim in claims)
            if missed:
                log.warning(
                    "%d reminders missed: sent by no process before their meeting began", missed
                )
                self._metrics.missed.inc(missed)
            items = [item for claim in claims for item in claim.items]
            self._fan_outs.started(sender.enqueue(items), now)
            wakes = [claim.next_wake for claim in claims if claim.next_wake is not None]
            if wakes:
                self._arm(min(wakes) - now)

    async def _claim_every_kind(
        self, runtime: Runtime, sender: Sender, holder: Holder, now: datetime
    ) -> list[Claim]:
        after = self._swept_until - OVERLAP if self._swept_until else None
        settings = replace(
            self._settings.sweep,
            backlog=sender.waiting + sender.in_flight,
            reply_rate=sender.reply_rate(),
            measured_rate=sender.throughput,
        )
        context = ClaimContext(after, settings, holder.id, self._settings.digest)
        async with runtime.transaction() as session:
            return [await kind.claim(session, now, context) for kind in KINDS.values()]

    async def _leads(self) -> bool:
        assert self._leadership is not None
        if self._leading and not await self._leadership.verify():
            # Its lock was lost (its connection cut): nothing more is sent on the old lead.
            self._leading = False
            await self._let_claims_go()
        leads = await self._leadership.try_acquire()
        was, self._leading = self._leading, leads
        if leads and not was:
            # A new leader looks back as far as an offset reaches: nothing due is lost.
            self._swept_until = None
            log.info("this process sends the reminders (it holds the leader lock)")
            self._arm(TAKEOVER_DELAY, TAKEOVER_JOB)
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

    async def _may_send(self) -> bool:
        """Before each message: this process still leads (Leadership.verify, cheap) and its
        claims are still its own (a fresh heartbeat). When not, the queue is let go."""
        leadership, holder = self._leadership, self._holder
        if leadership is None or holder is None:
            return False
        if holder.fresh and await leadership.verify():
            return True
        await self._let_claims_go()
        self._arm(timedelta(0))
        return False

    async def _let_claims_go(self) -> None:
        """The queue is not sent, and its claims are released for whoever leads next."""
        self._forget_queued()
        if self._holder is not None:
            try:
                await self._holder.release_claims()
            except OUTAGE:
                # The heartbeat would go on once the database is back, keeping them held by a
                # process that no longer sends them: nobody would, ever.
                self._holder.abandon()

    def _forget_queued(self) -> None:
        if self._sender is not None:
            self._sender.forget_queued()

    async def _job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        task = asyncio.current_task()
        if self._ending or task is None:
            return
        self._sweeps.add(task)
        try:
            await self.run_once()
        except asyncio.CancelledError:
            # The application is stopping and APScheduler cancels running jobs (and would log
            # each as an error): a sweep cut short commits nothing it had not finished, and what
            # it had claimed is found again after the lease.
            log.info("a reminder sweep was stopped with the application")
        finally:
            self._sweeps.discard(task)

    def _wake_soon(self) -> None:
        self._arm(timedelta(0))

    def _arm(self, delay: timedelta, job: str = DUE_JOB) -> None:
        queue = self._app.job_queue
        if queue is None:
            return
        # The one due-time job: armed again replaces it (APScheduler's replace_existing).
        kwargs = {**JOB_KWARGS, "id": job, "replace_existing": True}
        queue.run_once(self._job, max(delay, timedelta(0)), name=job, job_kwargs=kwargs)
