"""One look at what is due: the use case the scheduler's job calls, with plain values and a clock.

A sweep, in one transaction: records as missed the reminders of meetings that began while no
process was there to send them; claims the reminders due up to `now + lead` (the claim is the
row, so another process running the same sweep gets none of them); takes over claims whose
process died (older than the lease); claims pending notices; and says when to look next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reminders.plan import OffsetHolders, Window, due_between, next_due_at
from bot.services.reminders.plan import offset_holders as holders_of
from storage.models import DeliveryStatus
from storage.repositories import chats, deliveries, notices
from storage.repositories.deliveries import Claimed
from storage.repositories.notices import Pending

# How far ahead the next due time is looked for; the periodic sweep covers what lies beyond.
LOOKAHEAD = timedelta(days=1)
# At most this many stale claims and notices a sweep; the next sweep takes the rest.
BATCH = 5000


@dataclass(frozen=True)
class SweepSettings:
    default_offsets: tuple[int, ...]
    # Messages a second the fan-out may send (BOT_BROADCAST_RATE): a fan-out to N chats starts
    # N / rate seconds (and a margin) before its due time, so its last message is not late.
    rate: float = 30.0
    # A claim this old belongs to a process that died: it is taken over.
    lease: timedelta = timedelta(minutes=2)

    def lead(self, chats: int) -> timedelta:
        """How early a fan-out to `chats` chats starts: its sending time, 10% more, and a quarter
        of a second for the sweep and the first requests (measured: a fan-out of one leaves
        within 0.1 s of that; benchmarks/fanout.py for large ones)."""
        return timedelta(seconds=chats / self.rate * 1.1 + 0.25) if chats else timedelta(0)


@dataclass
class Sweep:
    reminders: list[Claimed] = field(default_factory=list)
    notices: list[Pending] = field(default_factory=list)
    missed: list[Claimed] = field(default_factory=list)
    # When to look again: the next fan-out's start (None: nothing within the look-ahead).
    next_wake: datetime | None = None


async def sweep(
    session: AsyncSession,
    now: datetime,
    after: datetime | None,
    settings: SweepSettings,
    *,
    holder: str,
) -> Sweep:
    """Everything due in (after, now + lead], claimed for `holder` (bot.outbound.holder);
    `after` None (a process that just started) looks back as far as an offset reaches, so what
    was due while it was down is found."""
    result = Sweep()
    holders = holders_of(await chats.distinct_offsets(session), settings.default_offsets)
    if holders:
        reach = timedelta(minutes=holders[0].minutes)
        since = after or now - reach
        result.missed = await _record_missed(session, now, since, holders, holder)
        await _claim_due(session, now, after, settings, holders, result, holder)
    lease = settings.lease
    result.reminders += await deliveries.take_over_stale(session, now, lease, BATCH, holder=holder)
    result.notices = await notices.claim(session, now, lease, BATCH, holder=holder)
    return result


async def _record_missed(
    session: AsyncSession,
    now: datetime,
    since: datetime,
    holders: Sequence[OffsetHolders],
    holder: str,
) -> list[Claimed]:
    """Meetings that began in (since, now]: whatever they still owed was missed."""
    began = await _windows(session, since, now)
    missed = []
    for due in due_between(began, holders, None, now):
        missed += await deliveries.claim(session, due, now, DeliveryStatus.MISSED, holder=holder)
    return missed


async def _claim_due(
    session: AsyncSession,
    now: datetime,
    after: datetime | None,
    settings: SweepSettings,
    holders: Sequence[OffsetHolders],
    result: Sweep,
    holder: str,
) -> None:
    """Claims what is due now, and a larger fan-out as early as its size needs."""
    reach = timedelta(minutes=holders[0].minutes)
    farthest = settings.lead(await chats.count_subscribed(session))
    coming = await _windows(session, now, now + reach + farthest + LOOKAHEAD)
    wakes = []
    for due in due_between(coming, holders, after, now + farthest):
        starts = due.due_at - settings.lead(await deliveries.count_recipients(session, due))
        if starts > now:
            wakes.append(starts)
            continue
        result.reminders += await deliveries.claim(
            session, due, now, DeliveryStatus.PENDING, holder=holder
        )
    later = next_due_at(coming, holders, now + farthest)
    wakes += [later - farthest] if later else []
    result.next_wake = min(wakes, default=None)


async def _windows(session: AsyncSession, after: datetime, until: datetime) -> list[Window]:
    rows = await deliveries.scheduled_in(session, after, until)
    return [
        Window(meeting_id, starts_at, max(created_at, rescheduled_at or created_at))
        for meeting_id, starts_at, created_at, rescheduled_at in rows
    ]
