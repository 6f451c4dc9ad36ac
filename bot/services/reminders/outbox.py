"""What the scheduler queues: one claimed reminder or notice (`Outgoing`), with the times that
order it (its deadline) and end it (when it is no longer worth sending), and how its end is
written back.

Nothing is rendered here: what a message says is decided when it is sent
(bot.services.reminders.send_check), so a change made while it waited is never sent stale.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.services.reply import Reply
from storage.repositories.channels import PendingPost
from storage.repositories.deliveries import Claimed
from storage.repositories.notices import Pending

# The kinds of delivery (the registry of what each does is bot/outbound/kinds.py).
DeliveryKindName = str
REMINDER: DeliveryKindName = "reminder"
NOTICE: DeliveryKindName = "notice"
CHANNEL_POST: DeliveryKindName = "channel_post"
REMOVAL: DeliveryKindName = "removal"
DIGEST: DeliveryKindName = "digest"
OUTCOME: DeliveryKindName = "outcome"
# A notice should leave within this long of its change: its deadline in the queue, so that a
# reminder due sooner goes first and a notice is not starved by later reminders.
NOTICE_GRACE = timedelta(seconds=30)
# A notice still unsent this long after its change is no news any more (and its meeting's
# start ends it sooner: bot.services.reminders.send_check).
NOTICE_LIFETIME = timedelta(days=1)
# An outcome is read days after the meeting: a follower offline for a while still gets it.
OUTCOME_LIFETIME = timedelta(days=7)


@dataclass(frozen=True)
class Outgoing:
    kind: DeliveryKindName
    # The row it came from: reminder_deliveries.id or notices.id.
    record_id: int
    chat_id: int
    meeting_id: int
    # When it was due (a reminder) or claimed (a notice): what lateness is measured from.
    due_at: datetime
    # Earliest deadline first: the order of the one queue across every fan-out.
    deadline: datetime
    # Not sent after this (a reminder: its meeting's start); tried again until then.
    expires_at: datetime
    # Messages of one fan-out share it: one reminder offset of a meeting, or one change.
    fan_out: str
    # A reminder's offset (minutes before the start it was claimed for).
    offset_minutes: int | None = None
    # A notice's change ("moved", "cancelled", "restored", "announced") and the meeting before.
    change: str | None = None
    before: dict[str, Any] | None = None
    # A channel post's language setting, and the meeting's original post there (if any yet).
    language: str | None = None
    original_message_id: int | None = None
    # What a message about no one meeting (a digest) says, made when it was claimed.
    reply: Reply | None = None


def reminders_out(claimed: Iterable[Claimed]) -> list[Outgoing]:
    return [
        Outgoing(
            kind=REMINDER,
            record_id=c.delivery_id,
            chat_id=c.chat_id,
            meeting_id=c.meeting_id,
            due_at=c.due_at,
            deadline=c.due_at,
            expires_at=c.due_at + timedelta(minutes=c.offset_minutes),
            fan_out=f"reminder of meeting {c.meeting_id}, {c.offset_minutes} min before",
            offset_minutes=c.offset_minutes,
        )
        for c in claimed
    ]


def notices_out(
    pending: Iterable[Pending],
    now: datetime,
    kind: DeliveryKindName = NOTICE,
    lifetime: timedelta = NOTICE_LIFETIME,
) -> list[Outgoing]:
    return [
        _change_out(
            kind,
            p.notice_id,
            p.chat_id,
            p.meeting_id,
            (p.change_id, p.kind),
            now,
            p.before,
            lifetime,
        )
        for p in pending
    ]


def removals_out(pending: Iterable[Pending], now: datetime) -> list[Outgoing]:
    return [
        _change_out(
            REMOVAL, p.notice_id, p.chat_id, p.meeting_id, (p.change_id, p.kind), now, p.before
        )
        for p in pending
    ]


def channel_posts_out(pending: Iterable[PendingPost], now: datetime) -> list[Outgoing]:
    return [
        dataclasses.replace(
            _change_out(
                CHANNEL_POST,
                p.post_id,
                p.chat_id,
                p.meeting_id,
                (p.change_id, p.kind),
                now,
                p.before,
            ),
            language=p.language,
            original_message_id=p.original_message_id,
        )
        for p in pending
    ]


def _change_out(
    kind: DeliveryKindName,
    record_id: int,
    chat_id: int,
    meeting_id: int,
    change: tuple[int, str],
    now: datetime,
    before: dict[str, Any] | None,
    lifetime: timedelta = NOTICE_LIFETIME,
) -> Outgoing:
    """A message that tells one change (its audit id and kind): due when claimed, news for
    `lifetime`."""
    change_id, told = change
    noun = "post" if kind == CHANNEL_POST else "notice"
    return Outgoing(
        kind=kind,
        record_id=record_id,
        chat_id=chat_id,
        meeting_id=meeting_id,
        due_at=now,
        deadline=now + NOTICE_GRACE,
        expires_at=now + lifetime,
        fan_out=f"{told} {noun} of meeting {meeting_id} (change {change_id})",
        change=told,
        before=before,
    )
