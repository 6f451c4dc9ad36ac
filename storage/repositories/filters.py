"""A chat's filters (/subscribe Tajikistan, /subscribe water) and the meetings each matches."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for
from storage.models import FilterMatch, Meeting, SubscriptionFilter

# Meeting ids a statement names at most (SQLite binds up to 32,766 parameters).
MATCHES_PER_STATEMENT = 1_000


async def add(
    session: AsyncSession, chat_id: int, kind: str, value: str, label: str, now: datetime
) -> SubscriptionFilter | None:
    """The new filter; None when the chat has it already (the unique key decides)."""
    statement = (
        insert_for(session)(SubscriptionFilter)
        .values(chat_id=chat_id, kind=kind, value=value, label=label, created_at=now)
        .on_conflict_do_nothing()
        .returning(SubscriptionFilter.id)
    )
    new_id = await session.scalar(statement)
    return None if new_id is None else await session.get(SubscriptionFilter, new_id)


async def remove(session: AsyncSession, chat_id: int, filter_id: int) -> bool:
    statement = delete(SubscriptionFilter).where(
        SubscriptionFilter.chat_id == chat_id, SubscriptionFilter.id == filter_id
    )
    return bool((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def remove_by_value(session: AsyncSession, chat_id: int, kind: str, value: str) -> bool:
    statement = delete(SubscriptionFilter).where(
        SubscriptionFilter.chat_id == chat_id,
        SubscriptionFilter.kind == kind,
        SubscriptionFilter.value == value,
    )
    return bool((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def remove_all(session: AsyncSession, chat_id: int) -> int:
    statement = delete(SubscriptionFilter).where(SubscriptionFilter.chat_id == chat_id)
    return int((await session.execute(statement)).rowcount or 0)  # type: ignore[attr-defined]


async def of_chat(session: AsyncSession, chat_id: int) -> Sequence[SubscriptionFilter]:
    query = (
        select(SubscriptionFilter)
        .where(SubscriptionFilter.chat_id == chat_id)
        .order_by(SubscriptionFilter.id)
    )
    return (await session.scalars(query)).all()


async def every_filter(session: AsyncSession) -> Sequence[SubscriptionFilter]:
    return (await session.scalars(select(SubscriptionFilter))).all()


async def set_matches(session: AsyncSession, found: Mapping[int, Iterable[int]]) -> None:
    """The filters that match each meeting now: exactly `found[meeting_id]`, filter ids (a
    delete and an insert per MATCHES_PER_STATEMENT meetings)."""
    meeting_ids = list(found)
    for start in range(0, len(meeting_ids), MATCHES_PER_STATEMENT):
        chunk = meeting_ids[start : start + MATCHES_PER_STATEMENT]
        await session.execute(delete(FilterMatch).where(FilterMatch.meeting_id.in_(chunk)))
    rows = [{"filter_id": f, "meeting_id": m} for m, ids in found.items() for f in ids]
    if rows:
        await session.execute(insert_for(session)(FilterMatch).on_conflict_do_nothing(), rows)


async def add_filter_matches(
    session: AsyncSession, filter_id: int, meeting_ids: Iterable[int]
) -> None:
    rows = [{"filter_id": filter_id, "meeting_id": m} for m in meeting_ids]
    if rows:
        await session.execute(insert_for(session)(FilterMatch).on_conflict_do_nothing(), rows)


async def matched(
    session: AsyncSession, filter_id: int, now: datetime, limit: int
) -> Sequence[Meeting]:
    """The meetings to come the filter matches, soonest first."""
    query = (
        select(Meeting)
        .join(FilterMatch, FilterMatch.meeting_id == Meeting.id)
        .where(FilterMatch.filter_id == filter_id, Meeting.starts_at >= now)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    return (await session.scalars(query)).all()
