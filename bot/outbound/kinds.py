"""The registry of delivery kinds: everything the bot sends on its own is one entry here.

Each kind says how its due rows are claimed (a claim is a row no other process sends), how a
claim ends (sent, failed with the reason, missed) and is renewed while queued, whether its lag
is measured, and its priority when two deadlines are equal. The scheduler claims every kind in
one transaction a sweep, the sender ends and renews through the entry, the fan-out log counts
by its name. What a message says and whether it is still wanted is decided at send time
(bot.services.reminders.send_check), by the kind's `send` rules, from the same `Outgoing` every
kind produces.

A new kind (channel posts, outcomes) is one `DeliveryKind` in KINDS; the weekly digest is one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.digests.due import DigestSettings, claim_digests
from bot.services.documents.outcomes import OUTCOME_RULES
from bot.services.reminders.outbox import (
    CHANNEL_POST,
    DIGEST,
    NOTICE,
    OUTCOME,
    OUTCOME_LIFETIME,
    REMINDER,
    REMOVAL,
    DeliveryKindName,
    Outgoing,
    channel_posts_out,
    notices_out,
    reminders_out,
    removals_out,
)
from bot.services.reminders.send_check import (
    CHANNEL_POST_RULES,
    DIGEST_RULES,
    NOTICE_RULES,
    REMINDER_RULES,
    REMOVAL_RULES,
    SendRules,
)
from bot.services.reminders.sweep import SweepSettings, sweep
from storage.models import DeliveryStatus, DigestDelivery
from storage.repositories import channels, claims, deliveries, notices, removals
from storage.repositories.claims import Finisher, Renewer

# Pending notices taken a sweep: all of a large import at once, so each chat's are joined.
NOTICE_BATCH = 20_000
# Channel posts taken a sweep: a channel takes about 20 a minute, so a few hundred is plenty.
CHANNEL_POST_BATCH = 500


@dataclass(frozen=True)
class ClaimContext:
    # Reminders due up to this were swept already (None: a process that just started).
    after: datetime | None
    settings: SweepSettings
    # The claims are this holder's (bot.outbound.holder): free at once when it dies.
    holder: str
    digest: DigestSettings = field(
        default_factory=lambda: DigestSettings(timedelta(minutes=2), "en")
    )


@dataclass
class Claim:
    items: list[Outgoing] = field(default_factory=list)
    # Reminders recorded as missed (their meeting began while no process could send them).
    missed: int = 0
    # When this kind next has something due (None: nothing it knows of).
    next_wake: datetime | None = None


Claimer = Callable[[AsyncSession, datetime, ClaimContext], Awaitable[Claim]]


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


async def _claim_channel_posts(
    session: AsyncSession, now: datetime, context: ClaimContext
) -> Claim:
    pending = await channels.claim(
        session, now, context.settings.lease, CHANNEL_POST_BATCH, holder=context.holder
    )
    return Claim(channel_posts_out(pending, now))


async def _claim_removals(session: AsyncSession, now: datetime, context: ClaimContext) -> Claim:
    pending = await removals.claim(
        session, now, context.settings.lease, NOTICE_BATCH, holder=context.holder
    )
    return Claim(removals_out(pending, now))


async def _claim_digests(session: AsyncSession, now: datetime, context: ClaimContext) -> Claim:
    due = await claim_digests(session, now, context.after, context.digest, context.holder)
    return Claim(due.items, next_wake=due.next_wake)


_DIGEST_ENDS = claims.ender(DigestDelivery)


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
        # A deleted meeting told to the chats that had heard of it.
        DeliveryKind(
            REMOVAL, _claim_removals, removals.finish, removals.renew, False, 1, REMOVAL_RULES
        ),
        # Posts to linked channels: one post a change, the meeting's original post edited
        # (bot/outbound/channel_posts.py); a channel that refuses them is reported to admins.
        DeliveryKind(
            CHANNEL_POST,
            _claim_channel_posts,
            channels.finish,
            channels.renew,
            False,
            2,
            CHANNEL_POST_RULES,
        ),
        # The weekly digest: one a chat a week, claimed by (chat, due time).
        DeliveryKind(DIGEST, _claim_digests, *_DIGEST_ENDS, False, 2, DIGEST_RULES),
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
