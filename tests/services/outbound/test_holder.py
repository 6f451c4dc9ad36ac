"""A Holder keeps its claims alive with a heartbeat, releases them when it stops (free at once
for another process), and, when its heartbeat lapsed in an outage, lets them go and says so."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.outbound.holder import Holder
from storage.database import Database
from storage.models import ClaimHolder
from storage.repositories import deliveries
from tests.support.claims import NOW, claim_reminder, meeting_with_subscriber
from tests.support.outage import DatabaseProxy
from tests.support.runtimes import runtime_at

LEASE = timedelta(minutes=2)
OTHER = "host:9:other"
QUICK = {"heartbeat": timedelta(seconds=0.05), "timeout": timedelta(seconds=0.2)}
STEADY = {"heartbeat": timedelta(seconds=0.5), "timeout": timedelta(seconds=2)}


class Clock:
    """The time the holder reads, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def taken_by_other(database: Database, now: datetime) -> list[int]:
    async with database.sessions.begin() as session:
        taken = await deliveries.take_over_stale(session, now, LEASE, 10, holder=OTHER)
    return [c.delivery_id for c in taken]


async def holder_rows(database: Database) -> dict[str, datetime | None]:
    async with database.sessions() as session:
        rows = (await session.execute(select(ClaimHolder.id, ClaimHolder.released_at))).all()
    return {row[0]: row[1] for row in rows}


async def test_claims_of_a_running_holder_stay_and_are_free_once_it_stops(
    database: Database,
) -> None:
    clock = Clock(NOW)
    holder = Holder(runtime_at(database, clock))
    await holder.start()
    assert holder.fresh
    [claimed] = await claim_reminder(database, await meeting_with_subscriber(database), holder.id)
    clock.now = NOW + timedelta(seconds=1)
    assert await taken_by_other(database, clock.now) == []
    await holder.stop()
    # Stopped cleanly: taken over at once, two minutes before the lease would free it.
    assert await taken_by_other(database, clock.now) == [claimed]
    assert await holder_rows(database) == {holder.id: clock.now}


async def test_releasing_claims_frees_them_and_goes_on_under_a_new_identity(
    database: Database,
) -> None:
    holder = Holder(runtime_at(database, Clock(NOW)))
    await holder.start()
    first = holder.id
    [claimed] = await claim_reminder(database, await meeting_with_subscriber(database), first)
    await holder.release_claims()
    assert holder.id != first and holder.fresh
    assert await taken_by_other(database, NOW) == [claimed]
    assert await holder_rows(database) == {first: NOW, holder.id: None}
    await holder.stop()


async def test_a_holder_that_froze_past_its_timeout_lets_its_claims_go(
    database: Database,
) -> None:
    """The process stops for longer than the timeout (a blocked event loop, a suspended VM): at
    its next beat it does not revive the old identity, whose claims another process may hold."""
    clock = Clock(NOW)
    lapsed = asyncio.Event()
    # Slower beats than QUICK: on a loaded machine a beat written in 0.15 s or more would let a
    # QUICK holder lapse before the freeze (at the old clock), which is not what is tested.
    holder = Holder(runtime_at(database, clock), on_lapse=lapsed.set, **STEADY)
    await holder.start()
    first = holder.id
    [claimed] = await claim_reminder(database, await meeting_with_subscriber(database), first)
    time.sleep(STEADY["timeout"].total_seconds() + 0.2)  # noqa: ASYNC251 - the freeze is the point
    assert not holder.fresh
    clock.now = NOW + timedelta(seconds=1)
    await asyncio.wait_for(lapsed.wait(), timeout=10)
    assert holder.id != first and holder.fresh
    assert (await holder_rows(database))[first] == clock.now
    assert await taken_by_other(database, clock.now) == [claimed]
    await holder.stop()


async def test_the_heartbeat_resumes_after_an_outage(
    postgres_database: Database, proxy: DatabaseProxy, cut_off: Database
) -> None:
    lapsed = asyncio.Event()
    holder = Holder(runtime_at(cut_off), on_lapse=lapsed.set, **QUICK)
    await holder.start()
    first = holder.id
    await proxy.cut()
    await asyncio.sleep(0.5)
    assert not holder.fresh and not lapsed.is_set()
    await proxy.restore()
    await asyncio.wait_for(lapsed.wait(), timeout=15)
    assert holder.id != first
    rows = await holder_rows(postgres_database)
    assert rows[first] is not None and rows[holder.id] is None
    await holder.stop()


def test_a_timeout_shorter_than_two_beats_is_refused(database: Database) -> None:
    with pytest.raises(ValueError, match="timeout of at least twice"):
        Holder(runtime_at(database), heartbeat=timedelta(seconds=5), timeout=timedelta(seconds=6))


async def test_an_abandoned_identity_is_not_kept_alive_and_its_claims_come_free(
    database: Database,
) -> None:
    """Its claims could not be released (the database was away): beating them on would keep
    them held by a process that no longer sends them."""
    clock = Clock(NOW)
    holder = Holder(runtime_at(database, clock), **QUICK)
    await holder.start()
    first = holder.id
    [claimed] = await claim_reminder(database, await meeting_with_subscriber(database), first)
    holder.abandon()
    assert holder.id != first and not holder.fresh
    clock.now = NOW + timedelta(seconds=1)
    # Several beats later (QUICK beats every 0.05 s): the new identity is alive, the old is not.
    for _ in range(100):
        if holder.fresh:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)
    assert holder.fresh
    assert await taken_by_other(database, clock.now) == [claimed]
    await holder.stop()
