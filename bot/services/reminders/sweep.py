"""One look at what is due: the use case the scheduler's job calls, with plain values and a clock.

A sweep, in one transaction: records as missed the reminders of meetings that began while no
process was there to send them; claims the reminders due up to `now + lead` (the claim is the
row, so another process running the same sweep gets none of them); takes over claims whose
process died (older than the lease); and says when to look next.

The head start is planned from the whole backlog, not one fan-out at a time: the scheduler sends
earliest deadline first, so a fan-out's last message leaves after everything queued and every
fan-out due before or with it. A fan-out is claimed when that total, at the rate left after
replies, would otherwise end after its due time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.reminders.plan import DueWindow, OffsetHolders, due_between, next_due_at
from bot.services.reminders.plan import offset_holders as holders_of
from storage.models import DeliveryStatus
from storage.repositories import chats, deliveries, meetings
from storage.repositories.deliveries import Claimed, Due

# How far ahead the next due time is looked for; the periodic sweep covers what lies beyond.
LOOKAHEAD = timedelta(days=1)
# Fan-outs due within this long are planned together: their messages share one rate.
PLAN_HORIZON = timedelta(hours=6)
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
    # Messages already queued in this process (they go before or with what is claimed now).
    backlog: int = 0
    # Replies a second measured recently: the share of the rate broadcasts cannot have.
    reply_rate: float = 0.0
    # Messages a second the sender really kept while work waited (a busy machine keeps less
    # than the rate); None: not measured yet.
    measured_rate: float | None = None

    def lead(self, messages: int) -> timedelta:
        """How early sending must start for `messages` messages to have left by a due time:
        their sending time at the rate replies leave (or the rate really kept, if lower), 10%
        more, and a quarter of a second for the sweep and the first requests
        (benchmarks/fanout.py measures it)."""
        if not messages:
            return timedelta(0)
        rate = max(
            min(self.rate - self.reply_rate, self.measured_rate or self.rate), self.rate / 4
        )
        return timedelta(seconds=messages / rate * 1.1 + 0.25)


@dataclass
class Sweep:
    reminders: list[Claimed] = field(default_factory=list)
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
    """Claims what is due now, and what the backlog before it needs to be started early."""
    reach = timedelta(minutes=holders[0].minutes)
    horizon = now + PLAN_HORIZON
    coming = await _windows(session, now, horizon + reach + LOOKAHEAD)
    planned = due_between(coming, holders, after, horizon)
    counts = [await deliveries.count_recipients(session, due) for due in planned]
    wakes = []
    for due, start in zip(planned, start_times(planned, counts, settings), strict=True):
        if start > now:
            wakes.append(start)
            continue
        result.reminders += await deliveries.claim(
            session, due, now, DeliveryStatus.PENDING, holder=holder
        )
    later = next_due_at(coming, holders, horizon)
    wakes += [later - PLAN_HORIZON] if later else []
    result.next_wake = min(wakes, default=None)


def start_times(
    planned: Sequence[Due], counts: Sequence[int], settings: SweepSettings
) -> list[datetime]:
    """When each fan-out (soonest due first) must be claimed: early enough for everything due
    before or with it, and the backlog, to leave by its due time; and never after a later
    fan-out must (earliest deadline first sends this one before that one)."""
    ahead = settings.backlog
    own = []
    for due, count in zip(planned, counts, strict=True):
        ahead += count
        own.append(due.due_at - settings.lead(ahead))
    starts, earliest = [], None
    for start in reversed(own):
        earliest = start if earliest is None else min(earliest, start)
        starts.append(earliest)
    return starts[::-1]


async def _windows(session: AsyncSession, after: datetime, until: datetime) -> list[DueWindow]:
    rows = await meetings.scheduled_between(session, after, until)
    return [
        DueWindow(meeting_id, starts_at, max(created_at, rescheduled_at or created_at))
        for meeting_id, starts_at, created_at, rescheduled_at in rows
    ]
