"""The identity under which this process claims deliveries and notices, kept alive in the
database by a heartbeat (storage.repositories.holders), the way procrastinate and pgqueuer keep
their workers'.

While the heartbeat runs, the claims are this process's alone. When it stops (SIGKILL, a frozen
process, a database outage longer than TIMEOUT), every claim is free TIMEOUT after the last beat;
when the process stops cleanly or loses leadership it releases them, and they are free at once.
A heartbeat that lapsed (the database was gone longer than TIMEOUT) is never revived: another
process may have taken the claims, so the holder releases the old identity, takes a new one and
says so (`on_lapse`), and whoever queued messages under the old one drops them.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections.abc import Callable
from datetime import timedelta

from bot.outbound.background import cancel
from bot.outbound.outages import OUTAGE, through_outages
from bot.services.runtime import Runtime
from storage.repositories import holders

log = logging.getLogger(__name__)

# A beat every HEARTBEAT; a holder not heard of for TIMEOUT (three beats missed) is gone.
HEARTBEAT = timedelta(seconds=2)
TIMEOUT = timedelta(seconds=6)
# Gone holders are forgotten after a day (their claims were free long before).
FORGET_AFTER = timedelta(days=1)
# On stop the release is retried this long at most: with the ends' 5 s (bot.outbound.results)
# a stop stays within the 10 s a container gets between SIGTERM and SIGKILL.
RELEASE_WITHIN = timedelta(seconds=3)


def new_holder_id() -> str:
    """host:pid:random (at most 64 characters): says which process holds a claim, and is new
    at every start, so a restarted process never mistakes its old claims for live ones."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(4)}"


class Holder:
    def __init__(
        self,
        runtime: Runtime,
        *,
        heartbeat: timedelta = HEARTBEAT,
        timeout: timedelta = TIMEOUT,
        on_lapse: Callable[[], None] = lambda: None,
    ) -> None:
        if heartbeat * 2 > timeout:
            raise ValueError(f"a heartbeat of {heartbeat} needs a timeout of at least twice it")
        self.id = new_holder_id()
        self._runtime = runtime
        self._heartbeat = heartbeat
        self._timeout = timeout
        self._on_lapse = on_lapse
        # time.time() of the last beat written.
        self._beaten_at: float | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def fresh(self) -> bool:
        """True while the last beat written is younger than the timeout: the claims are surely
        still this holder's. Cheap: no database round trip. Judged by the wall clock, as other
        processes judge the heartbeat (a suspended process is stale when it wakes), not by the
        runtime's clock, which tests move by hours."""
        beaten_at = self._beaten_at
        return beaten_at is not None and time.time() < beaten_at + self._timeout.total_seconds()

    async def start(self) -> None:
        """Register with a first beat (retried through an outage for one timeout), forget
        holders long gone, and keep beating in the background."""
        try:
            async for attempt in through_outages(self._timeout):
                with attempt:
                    await self._beat(self.id, forget=True)
        except OUTAGE:
            log.warning("claim holder %s: no first heartbeat; trying in the background", self.id)
        self._task = asyncio.create_task(self._beat_forever(), name="claim-holder-heartbeat")

    async def stop(self, *, within: timedelta = RELEASE_WITHIN) -> None:
        """Stop beating and release every claim (free at once for the next process); retried
        for `within` at most, after which the claims are free anyway a timeout later."""
        await cancel(self._task)
        self._task = None
        try:
            async for attempt in through_outages(within):
                with attempt:
                    await self._release(self.id)
        except OUTAGE:
            log.warning("claim holder %s could not release its claims: free in %s", self.id,
                        self._timeout)  # fmt: skip

    async def release_claims(self) -> None:
        """Let every claim made so far go (a new leader takes them at once) and carry on under a
        new identity. Raises the database's error when it cannot be written."""
        fresh_id = new_holder_id()
        now = self._runtime.clock()
        async with self._runtime.transaction() as session:
            await holders.release(session, self.id, now)
            await holders.beat(session, fresh_id, now, now + self._timeout)
        log.info("claim holder %s released its claims; now %s", self.id, fresh_id)
        self.id, self._beaten_at = fresh_id, time.time()

    def abandon(self) -> None:
        """Stop keeping the claims made so far alive, without writing (the database is away,
        so `release_claims` failed): the old identity is never beaten again, its claims are free
        a timeout after its last beat, for whoever leads then, and beating goes on under a new
        identity. Kept alive, they would stay this process's while it no longer sends them."""
        abandoned = self.id
        self.id, self._beaten_at = new_holder_id(), None
        log.warning("claim holder %s abandoned: its claims are free %s after its last beat; "
                    "now %s", abandoned, self._timeout, self.id)  # fmt: skip

    async def _beat_forever(self) -> None:
        while True:
            await asyncio.sleep(self._heartbeat.total_seconds())
            try:
                # A slow write (SQLite waits for its write lock) may take until the next beat is
                # due and a bit more, but never past the timeout.
                async with asyncio.timeout((self._timeout - self._heartbeat).total_seconds()):
                    await self._keep_alive()
            except OUTAGE as error:
                log.warning("claim holder %s: no heartbeat (%s)", self.id, type(error).__name__)

    async def _keep_alive(self) -> None:
        if self._beaten_at is None or self.fresh:
            await self._beat(self.id)
            return
        lapsed = self.id
        await self.release_claims()
        log.warning("claim holder %s lapsed (no heartbeat for %s): its claims were let go",
                    lapsed, self._timeout)  # fmt: skip
        self._on_lapse()

    async def _beat(self, holder_id: str, *, forget: bool = False) -> None:
        now = self._runtime.clock()
        async with self._runtime.transaction() as session:
            await holders.beat(session, holder_id, now, now + self._timeout)
            if forget:
                await holders.prune(session, now - FORGET_AFTER)
        self._beaten_at = time.time()

    async def _release(self, holder_id: str) -> None:
        async with self._runtime.transaction() as session:
            await holders.release(session, holder_id, self._runtime.clock())
        self._beaten_at = None
