"""Queries on meetings. Each is one indexed query with a limit: nothing loads the whole table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import full_text
from storage.models import Meeting, MeetingStatus

# Questions about "the" meeting of a city or a year never need more than a handful of rows.
MATCH_LIMIT = 10
# A subject's meetings are all read (and checked word by word) when there are at most this many.
FEW = 200


def _scheduled() -> Select[Meeting]:
    return select(Meeting).where(Meeting.status == MeetingStatus.SCHEDULED)


async def get(session: AsyncSession, meeting_id: int) -> Meeting | None:
    return await session.get(Meeting, meeting_id)


async def next_scheduled(session: AsyncSession, now: datetime) -> Meeting | None:
    query = _scheduled().where(Meeting.starts_at >= now).order_by(Meeting.starts_at).limit(1)
    return await session.scalar(query)


async def latest_before(session: AsyncSession, now: datetime) -> Meeting | None:
    query = _scheduled().where(Meeting.starts_at < now).order_by(Meeting.starts_at.desc()).limit(1)
    return await session.scalar(query)


async def upcoming(
    session: AsyncSession, now: datetime, *, offset: int = 0, limit: int = MATCH_LIMIT
) -> Sequence[Meeting]:
    query = _scheduled().where(Meeting.starts_at >= now).order_by(Meeting.starts_at, Meeting.id)
    return (await session.scalars(query.offset(offset).limit(limit))).all()


async def past(
    session: AsyncSession, now: datetime, *, offset: int = 0, limit: int = MATCH_LIMIT
) -> Sequence[Meeting]:
    query = (
        _scheduled()
        .where(Meeting.starts_at < now)
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )
    return (await session.scalars(query.offset(offset).limit(limit))).all()


async def count_upcoming(session: AsyncSession, now: datetime, at_most: int | None = None) -> int:
    """Scheduled meetings from `now` on; counting stops at `at_most` (the index is read no
    further), so a caller that needs only "more than N" does not pay for the whole archive."""
    return await _count(session, Meeting.starts_at >= now, at_most)


async def count_past(session: AsyncSession, now: datetime, at_most: int | None = None) -> int:
    """Scheduled meetings before `now`; counting stops at `at_most`, as above."""
    return await _count(session, Meeting.starts_at < now, at_most)


async def _count(session: AsyncSession, when: ColumnElement[bool], at_most: int | None) -> int:
    counted = (
        select(Meeting.id)
        .where(Meeting.status == MeetingStatus.SCHEDULED, when)
        .limit(at_most)
        .subquery()
    )
    return int(await session.scalar(select(func.count()).select_from(counted)) or 0)


async def matching(
    session: AsyncSession,
    *,
    ordinal: int | None = None,
    city: str | None = None,
    country: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = MATCH_LIMIT,
    soonest_first: bool = False,
    title_words: Sequence[str] = (),
    scheduled_only: bool = False,
) -> Sequence[Meeting]:
    """Meetings (cancelled ones too) with every given attribute, newest first by default.

    `title_words`: lower-case pieces of which the title (either language) must hold one.
    """
    query = select(Meeting)
    if title_words:
        query = query.where(titled(title_words))
    if scheduled_only:
        query = query.where(Meeting.status == MeetingStatus.SCHEDULED)
    if ordinal is not None:
        query = query.where(Meeting.ordinal == ordinal)
    if city is not None:
        query = query.where(Meeting.city_en == city)
    if country is not None:
        query = query.where(Meeting.country_code == country)
    if since is not None:
        query = query.where(Meeting.starts_at >= since)
    if until is not None:
        query = query.where(Meeting.starts_at < until)
    order = (
        (Meeting.starts_at, Meeting.id)
        if soonest_first
        else (Meeting.starts_at.desc(), Meeting.id.desc())
    )
    query = query.order_by(*order).limit(limit)
    return (await session.scalars(query)).all()


async def search(
    session: AsyncSession, prefixes: Sequence[str], limit: int, *, subject_only: bool = False
) -> list[Meeting]:
    """Up to `limit` meetings in which every prefix begins a word (see `matching_ids`), newest
    first."""
    ids = await matching_ids(session, prefixes, limit=limit, subject_only=subject_only)
    if not ids:
        return []
    found = {m.id: m for m in await session.scalars(select(Meeting).where(Meeting.id.in_(ids)))}
    return [found[meeting_id] for meeting_id in ids if meeting_id in found]


async def matching_ids(
    session: AsyncSession,
    prefixes: Sequence[str],
    *,
    limit: int = FEW + 1,
    subject_only: bool = False,
) -> list[int]:
    """The ids of up to `limit` meetings, newest first, in which every prefix begins a word of
    the title, city, country or summary, in either language and any case (only title and
    summary with `subject_only`), read from the full-text index (storage/full_text.py)."""
    dialect = session.get_bind().dialect.name
    query = full_text.newest(dialect, prefixes, limit, subject_only)
    if query is None:
        return []
    return [full_text.meeting_id(found, dialect) for found in await session.scalars(query)]


def titled(pieces: Sequence[str]) -> ColumnElement[bool]:
    """The title, in English or Russian, holds one of the pieces (any case)."""
    return or_(
        *(
            column.ilike(f"%{_escape_like(form)}%", escape="\\")
            for piece in pieces
            for form in {piece, piece.capitalize()}
            for column in (Meeting.title_en, Meeting.title_ru)
        )
    )


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """A UTC range wide enough to hold every meeting whose local date falls in `year`.

    Zones run from UTC-12 to UTC+14; the caller checks the local year of what comes back.
    """
    return (
        datetime(year - 1, 12, 31, 10, tzinfo=UTC),
        datetime(year + 1, 1, 1, 12, tzinfo=UTC),
    )


async def cancelled(session: AsyncSession, limit: int = MATCH_LIMIT) -> Sequence[Meeting]:
    """Cancelled meetings, newest first (the status index keeps it a range read)."""
    query = (
        select(Meeting)
        .where(Meeting.status == MeetingStatus.CANCELLED)
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(limit)
    )
    return (await session.scalars(query)).all()
