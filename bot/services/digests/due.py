"""The digests due now, claimed: the use case the outbound scheduler's digest kind calls.

Each chat with a digest has one time a week (bot.services.digests.plan); the latest one owed is
claimed by inserting its row (storage.repositories.digests), so only one process sends it and a
restart does not send it again. What it says is made here, at the claim, seconds before it is
sent; a digest with nothing to say is recorded and not sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.digests.content import digest_reply
from bot.services.digests.plan import DigestTime, grace, latest_due, next_due
from bot.services.reminders.outbox import DIGEST, Outgoing
from storage.knowledge import bundled_zone
from storage.models import Chat
from storage.repositories import chats, digests

# Stale claims taken over a sweep; the next sweep takes the rest.
BATCH = 1000


@dataclass(frozen=True)
class DigestSettings:
    lease: timedelta
    default_language: str
    # BOT_DIGEST_PERIOD_SECONDS: a short period instead of the week (tests, trials).
    period: timedelta | None = None


@dataclass
class DueDigests:
    items: list[Outgoing]
    next_wake: datetime | None


def digest_time(chat: Chat, period: timedelta | None) -> DigestTime:
    assert chat.digest_day is not None
    anchor = chat.digest_set_at or chat.updated_at
    zone = chat.time_zone or bundled_zone()
    return DigestTime(chat.digest_day, chat.digest_hour or 0, zone, anchor, period)


async def claim_digests(
    session: AsyncSession,
    now: datetime,
    after: datetime | None,
    settings: DigestSettings,
    holder: str,
) -> DueDigests:
    claimed: list[tuple[int, Chat, datetime]] = []
    wakes = []
    for chat in await digests.chats_with_digest(session):
        when = digest_time(chat, settings.period)
        wakes.append(next_due(when, now))
        due = latest_due(when, now)
        if due is None or now - due > grace(when) or (after is not None and due <= after):
            continue
        if (row := await digests.claim(session, chat.id, due, now, holder=holder)) is not None:
            claimed.append((row, chat, due))
    for row, chat_id, due in await digests.take_over_stale(
        session, now, settings.lease, BATCH, holder=holder
    ):
        if (owner := await chats.get(session, chat_id)) is not None:
            claimed.append((row, owner, due))
    items = [item for c in claimed if (item := await _outgoing(session, *c, now, settings))]
    return DueDigests(items, min(wakes, default=None))


async def _outgoing(
    session: AsyncSession,
    row: int,
    chat: Chat,
    due: datetime,
    now: datetime,
    settings: DigestSettings,
) -> Outgoing | None:
    reply = await digest_reply(session, chat, due, now, settings.default_language)
    if reply is None:
        await digests.record_nothing_to_say(session, row, now)
        return None
    ends = due + grace(digest_time(chat, settings.period))
    return Outgoing(
        kind=DIGEST,
        record_id=row,
        chat_id=chat.id,
        meeting_id=0,
        due_at=due,
        deadline=due + timedelta(minutes=1),
        expires_at=max(ends, now + timedelta(minutes=1)),
        fan_out=f"digests due {due:%Y-%m-%d %H:%M}",
        reply=reply,
    )
