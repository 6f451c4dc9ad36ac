"""The registry of delivery kinds: everything the bot sends on its own is one entry here.

Each kind says how its due rows are claimed (a claim is a row no other process sends), how a
claim ends (sent, failed with the reason, missed) and is renewed while queued, whether its lag
is measured, and its priority when two deadlines are equal. The scheduler claims every kind in
one transaction a sweep, the sender ends and renews through the entry, the fan-out log counts
by its name. What a message says and whether it is still wanted is decided at send time
(bot.services.reminders.send_check), by the kind's `send` rules, from the same `Outgoing` every
kind produces.

A new kind (channel posts, digests, outcomes) is one `DeliveryKind` in KINDS.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.documents.outcomes import OUTCOME_RULES
from bot.services.reminders.outbox import (
    NOTICE,
    OUTCOME,
    OUTCOME_LIFETIME,
    REMINDER,
    DeliveryKindName,
    Outgoing,
    notices_out,
    reminders_out,
)
from bot.services.reminders.send_check import NOTICE_RULES, REMINDER_RULES, SendRules
from bot.services.reminders.sweep import SweepSettings, sweep
from storage.models import DeliveryStatus
from storage.repositories import deliveries, notices

# Pending notices taken a sweep: all of a large import at once, so each chat's are joined.
NOTICE_BATCH = 20_000


@dataclass(frozen=True)
class ClaimContext:
    # Reminders due up to this were swept already (None: a process that just started).
    after: datetime | None
    settings: SweepSettings
    # The claims are this holder's (bot.outbound.holder): free at once when it dies.
    holder: str


@dataclass
class Claim:
    items: list[Outgoing] = field(default_factory=list)
    # Reminders recorded as missed (their meeting began while no process could send them).
    missed: int = 0
    # When this kind next has something due (None: nothing it knows of).
    next_wake: datetime | None = None


Claimer = Callable[[AsyncSession, datetime, ClaimContext], Awaitable[Claim]]
Finisher = Callable[
    [AsyncSession, Sequence[int], DeliveryStatus, datetime, str | None], Awaitable[None]
]
Renewer = Callable[[AsyncSession, Sequence[int], datetime], Awaitable[None]]


@dataclass(frozen=True)
class DeliveryKind:
    name: DeliveryKindName
    claim: Claimer
    finish: Finisher
    renew: Renewer
    # Its sends' lag behind their due time is a metric (unrcca_delivery_lag_seconds).
    measures_lag: bool
    # Of two messages with the same deadline, the lower priority number goes first.
    priority: int
    # At send time: whether a queued message went stale, and what it says then.
    send: SendRules


async def _claim_reminders(session: AsyncSession, now: datetime, context: ClaimContext) -> Claim:
    found = await sweep(session, now, context.after, context.settings, holder=context.holder)
    return Claim(reminders_out(found.reminders), len(found.missed), found.next_wake)


async def _claim_notices(session: AsyncSession, now: datetime, context: ClaimContext) -> Claim:
    pending = await notices.claim(
        session, now, context.settings.lease, NOTICE_BATCH, holder=context.holder
    )
    return Claim(notices_out(pending, now))


async def _claim_outcomes(session: AsyncSession, now: datetime, context: ClaimContext) -> Claim:
    pending = await notices.claim(
        session, now, context.settings.lease, NOTICE_BATCH, holder=context.holder, outcomes=True
    )
    return Claim(notices_out(pending, now, OUTCOME, OUTCOME_LIFETIME))


KINDS: dict[DeliveryKindName, DeliveryKind] = {
    kind.name: kind
    for kind in (
        DeliveryKind(
            REMINDER,
            _claim_reminders,
            deliveries.finish,
            deliveries.renew,
            True,
            0,
            REMINDER_RULES,
        ),
        DeliveryKind(
            NOTICE, _claim_notices, notices.finish, notices.renew, False, 1, NOTICE_RULES
        ),
        # Outcomes ride the notices' table (one row per publication and chat).
        DeliveryKind(
            OUTCOME, _claim_outcomes, notices.finish, notices.renew, False, 2, OUTCOME_RULES
        ),
    )
}


def send_rules() -> dict[DeliveryKindName, SendRules]:
    """Each kind's send-time rules, by name (bot.services.reminders.send_check.check)."""
    return {name: kind.send for name, kind in KINDS.items()}


async def finish(
    session: AsyncSession,
    kind: DeliveryKindName,
    record_ids: Sequence[int],
    status: DeliveryStatus,
    now: datetime,
    error: str | None = None,
) -> None:
    """End claims of `kind` (sent, failed with the reason, missed), through its registry entry."""
    await KINDS[kind].finish(session, list(record_ids), status, now, error)
