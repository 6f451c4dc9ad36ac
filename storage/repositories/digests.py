"""Weekly digests: each chat's setting, and the deliveries, claimed by inserting the row under
its unique (chat, due time), so a digest goes once however many processes see it due and
however often they restart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for
from storage.models import AuditEntry, Chat, DeliveryStatus, DigestDelivery, Meeting
from storage.repositories import claims
from storage.repositories.followers import follows

# Why a digest was not sent though its time came: the chat had nothing to read.
NOTHING_TO_SAY = "nothing to say"


async def set_time(
    session: AsyncSession, chat_id: int, day: int | None, hour: int | None, now: datetime
) -> None:
    """The chat's digest weekday and hour (None, None: no digest)."""
    values = {"digest_day": day, "digest_hour": hour, "digest_set_at": now, "updated_at": now}
    await session.execute(update(Chat).where(Chat.id == chat_id).values(**values))


async def chats_with_digest(session: AsyncSession) -> Sequence[Chat]:
    query = select(Chat).where(Chat.is_active.is_(True), Chat.digest_day.is_not(None))
    return (await session.scalars(query)).all()


async def claim(
    session: AsyncSession, chat_id: int, due_at: datetime, now: datetime, *, holder: str
) -> int | None:
    """The new delivery's id; None when the chat's digest of `due_at` was claimed before."""
    statement = (
        insert_for(session)(DigestDelivery)
        .values(chat_id=chat_id, due_at=due_at, claimed_at=now, holder_id=holder)
        .on_conflict_do_nothing()
        .returning(DigestDelivery.id)
    )
    return await session.scalar(statement)


async def take_over_stale(
    session: AsyncSession, now: datetime, lease: timedelta, limit: int, *, holder: str
) -> list[tuple[int, int, datetime]]:
    """Claims whose holder is gone or whose lease ran out: (id, chat, due time), now `holder`'s."""
    model = DigestDelivery
    free = claims.abandoned(model, now, lease, holder)
    columns = (model.id, model.chat_id, model.due_at)
    taken = await claims.take(session, model, free, now, limit, columns, holder=holder)
    return [(int(row[0]), int(row[1]), row[2]) for row in taken]


async def previous_due(session: AsyncSession, chat_id: int, before: datetime) -> datetime | None:
    """When the chat's last digest before `before` was due (sent or with nothing to say)."""
    query = select(func.max(DigestDelivery.due_at)).where(
        DigestDelivery.chat_id == chat_id, DigestDelivery.due_at < before
    )
    return await session.scalar(query)


async def changes_since(
    session: AsyncSession, chat_id: int, since: datetime, now: datetime
) -> list[tuple[Meeting, str]]:
    """The meetings to come the chat follows that changed in (since, now], each with its latest
    change (the audit's action), soonest first."""
    latest = (
        select(AuditEntry.meeting_id, func.max(AuditEntry.id).label("entry"))
        .where(AuditEntry.at > since, AuditEntry.at <= now)
        .group_by(AuditEntry.meeting_id)
        .subquery()
    )
    query = (
        select(Meeting, AuditEntry.action)
        .join(latest, latest.c.meeting_id == Meeting.id)
        .join(AuditEntry, AuditEntry.id == latest.c.entry)
        .where(Meeting.starts_at >= now, follows(chat_id, Meeting.id))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [(meeting, str(action)) for meeting, action in (await session.execute(query)).all()]


async def record_nothing_to_say(session: AsyncSession, row: int, now: datetime) -> None:
    await claims.finish(session, DigestDelivery, [row], DeliveryStatus.FAILED, now, NOTHING_TO_SAY)


async def tally(session: AsyncSession) -> dict[str, int]:
    """For /stats: digests sent, with nothing to say, failed; chats that have one."""
    status = DigestDelivery.status
    rows = await session.execute(
        select(status, DigestDelivery.error, func.count()).group_by(status, DigestDelivery.error)
    )
    counts = {"sent": 0, "empty": 0, "failed": 0}
    for row_status, error, count in rows.all():
        if row_status == DeliveryStatus.SENT:
            counts["sent"] += count
        elif error == NOTHING_TO_SAY:
            counts["empty"] += count
        elif row_status != DeliveryStatus.PENDING:
            counts["failed"] += count
    chats = select(func.count()).select_from(Chat).where(Chat.digest_day.is_not(None))
    counts["chats"] = int(await session.scalar(chats) or 0)
    return counts
