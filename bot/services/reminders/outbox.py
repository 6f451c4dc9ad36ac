"""What the scheduler queues: one claimed reminder or notice (`Outgoing`), with the times that
order it (its deadline) and end it (when it is no longer worth sending), and how its end is
written back.

Nothing is rendered here: what a message says is decided when it is sent
(bot.services.reminders.send_check), so a change made while it waited is never sent stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from storage.repositories.deliveries import Claimed
from storage.repositories.notices import Pending

# The kinds of delivery (the registry of what each does is bot/outbound/kinds.py).
DeliveryKindName = str
REMINDER: DeliveryKindName = "reminder"
NOTICE: DeliveryKindName = "notice"
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
        Outgoing(
            kind=kind,
            record_id=p.notice_id,
            chat_id=p.chat_id,
            meeting_id=p.meeting_id,
            due_at=now,
            deadline=now + NOTICE_GRACE,
            expires_at=now + lifetime,
            fan_out=f"{p.kind} notice of meeting {p.meeting_id} (change {p.change_id})",
            change=p.kind,
            before=p.before,
        )
        for p in pending
    ]
