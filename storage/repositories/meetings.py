"""Every query on meetings, by name: services never build their own `select(Meeting)`.

Each is one indexed query with a limit, except the whole schedule (`every_meeting`, for calendar
files) and the texts the vocabulary is built from. Sections: one meeting; lists; the schedule's
versions; what must hold before a write. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, exists, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage import full_text
from storage.dialects import is_postgresql, lock_for_write
from storage.models import AuditEntry, DeliveryStatus, Meeting, MeetingStatus, ReminderDelivery

# Questions about "the" meeting of a city or a year never need more than a handful of rows.
MATCH_LIMIT = 10
# A subject's meetings are all read (and checked word by word) when there are at most this many.
FEW = 200


def _scheduled() -> Select[Meeting]:
    return select(Meeting).where(Meeting.status == MeetingStatus.SCHEDULED)


# --- One meeting ---------------------------------------------------------------------------
async def get(session: AsyncSession, meeting_id: int) -> Meeting | None:
    return await session.get(Meeting, meeting_id)


# Enough ids for one statement on either database (SQLite binds up to 32,766 parameters).
UIDS_PER_QUERY = 1_000


async def by_uids(session: AsyncSession, uids: Sequence[str]) -> dict[str, Meeting]:
    """The meetings with these calendar UIDs (imported events'), by uid: a query per
    thousand, not one per uid."""
    found: dict[str, Meeting] = {}
    wanted = sorted(set(uids))
    for start in range(0, len(wanted), UIDS_PER_QUERY):
        chunk = wanted[start : start + UIDS_PER_QUERY]
        for meeting in await session.scalars(select(Meeting).where(Meeting.uid.in_(chunk))):
            found[meeting.uid] = meeting
    return found


async def by_ids(session: AsyncSession, ids: Iterable[int]) -> list[Meeting]:
    """The meetings with these ids that still exist, in the order of `ids`."""
    wanted = list(ids)
    if not wanted:
        return []
    query = select(Meeting).where(Meeting.id.in_(sorted(set(wanted))))
    found = {m.id: m for m in await session.scalars(query)}
    return [found[meeting_id] for meeting_id in wanted if meeting_id in found]


async def neighbour(session: AsyncSession, meeting: Meeting, *, after: bool) -> Meeting | None:
    """The scheduled meeting of the same series right after (or before) `meeting`, by date
    ("the one after the fifth"). A meeting with no series is compared with every meeting
    without one."""
    query = select(Meeting).where(
        Meeting.status == MeetingStatus.SCHEDULED,
        Meeting.id != meeting.id,
        Meeting.series == meeting.series if meeting.series else Meeting.series.is_(None),
    )
    if after:
        query = query.where(Meeting.starts_at > meeting.starts_at)
        query = query.order_by(Meeting.starts_at, Meeting.id)
    else:
        query = query.where(Meeting.starts_at < meeting.starts_at)
        query = query.order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    return await session.scalar(query.limit(1))


async def next_scheduled(session: AsyncSession, now: datetime) -> Meeting | None:
    query = _scheduled().where(Meeting.starts_at >= now).order_by(Meeting.starts_at).limit(1)
    return await session.scalar(query)


async def latest_before(session: AsyncSession, now: datetime) -> Meeting | None:
    query = _scheduled().where(Meeting.starts_at < now).order_by(Meeting.starts_at.desc()).limit(1)
    return await session.scalar(query)


# --- Lists ---------------------------------------------------------------------------------
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


async def untitled_ordinals(
    session: AsyncSession, pieces: Sequence[str], limit: int
) -> Sequence[Meeting]:
    """Meetings with no ordinal whose title may name one ("Eighth annual ...", «Восьмая ...»)."""
    query = (
        select(Meeting)
        .where(Meeting.ordinal.is_(None), titled(pieces))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(limit)
    )
    return (await session.scalars(query)).all()


async def page(session: AsyncSession, *, offset: int, limit: int) -> Sequence[Meeting]:
    """Every meeting, cancelled ones too, newest first, a page at a time (/events)."""
    query = select(Meeting).order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    return (await session.scalars(query.offset(offset).limit(limit))).all()


async def count_all(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Meeting)) or 0)


async def scheduled_between(
    session: AsyncSession, after: datetime, until: datetime
) -> Sequence[tuple[int, datetime, datetime, datetime | None]]:
    """Scheduled meetings starting in (after, until]: id, start, created and rescheduled at."""
    query = (
        select(Meeting.id, Meeting.starts_at, Meeting.created_at, Meeting.rescheduled_at)
        .where(
            Meeting.status == MeetingStatus.SCHEDULED,
            Meeting.starts_at > after,
            Meeting.starts_at <= until,
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [(row[0], row[1], row[2], row[3]) for row in (await session.execute(query)).all()]


async def venue_zones(session: AsyncSession, now: datetime, limit: int) -> list[str]:
    """The zones of the venues, those of meetings still to come first, each once."""
    soonest = func.min(Meeting.starts_at)
    query = (
        select(Meeting.time_zone)
        .where(Meeting.starts_at >= now)
        .group_by(Meeting.time_zone)
        .order_by(soonest)
        .limit(limit)
    )
    zones = list((await session.scalars(query)).all())
    if len(zones) < limit:
        every = select(Meeting.time_zone).distinct().order_by(Meeting.time_zone).limit(limit)
        zones += [zone for zone in (await session.scalars(every)).all() if zone not in zones]
    return zones[:limit]


async def every_meeting(session: AsyncSession) -> Sequence[Meeting]:
    """Every meeting, past and cancelled ones too, soonest first.

    No limit, unlike the other queries: a calendar file that silently lost meetings would be
    worse than a long one, and one centre's meetings number in the hundreds at most.
    """
    query = select(Meeting).order_by(Meeting.starts_at, Meeting.id)
    return (await session.scalars(query)).all()


async def searchable_texts(session: AsyncSession) -> list[tuple[int, str]]:
    """Each meeting's id with its titles and summaries in both languages, joined by spaces."""
    columns = (Meeting.title_en, Meeting.title_ru, Meeting.summary_en, Meeting.summary_ru)
    result = await session.execute(select(Meeting.id, *columns))
    return [(row[0], " ".join(filter(None, row[1:]))) for row in result]


# --- The schedule's version ------------------------------------------------------------------
class ScheduleVersion(NamedTuple):
    """What changes whenever any meeting is added, changed or deleted, or a document is
    attached to one or removed: a new meeting has a higher id, every change of a meeting sets
    `updated_at`, and every change (a deletion and a document's too) is in the audit log
    (bot/services/meeting_writes/changes.py, bot/services/documents/history.py).

    Three index lookups, whatever the size of the archive: cheap enough for every request of
    the feed (issue 21; a count and a sum over every meeting took 1.2 ms at 5,000)."""

    last_id: int | None
    last_audit_id: int | None
    # The latest change of a meeting; None for an empty schedule.
    last_modified: datetime | None


async def schedule_version(session: AsyncSession) -> ScheduleVersion:
    # One subquery each: SQLite reads a max() from its index only when it is alone in a query.
    query = select(
        select(func.max(Meeting.id)).scalar_subquery(),
        select(func.max(AuditEntry.id)).scalar_subquery(),
        select(func.max(Meeting.updated_at)).scalar_subquery(),
    )
    last_id, last_audit_id, last_modified = (await session.execute(query)).one()
    return ScheduleVersion(last_id, last_audit_id, last_modified)


# --- What must hold before a meeting is written or deleted ----------------------------------
async def same_title_and_start(
    session: AsyncSession, title_en: str, starts_at: datetime, *, other_than: int | None = None
) -> int | None:
    """The id of another meeting with this title and start, if there is one."""
    query = select(Meeting.id).where(Meeting.title_en == title_en, Meeting.starts_at == starts_at)
    if other_than is not None:
        query = query.where(Meeting.id != other_than)
    return await session.scalar(query.limit(1))


async def same_titles_and_starts(
    session: AsyncSession, keys: Sequence[tuple[str, datetime]]
) -> dict[tuple[str, datetime], int]:
    """The ids of stored meetings by (title_en, starts_at), for those of `keys` that are taken:
    a query per thousand keys, on the unique index of the pair (a title and a start each among
    the keys', then the pairs kept: PostgreSQL plans a list of row values as a scan)."""
    found: dict[tuple[str, datetime], int] = {}
    wanted = list(dict.fromkeys(keys))
    for start in range(0, len(wanted), UIDS_PER_QUERY):
        chunk = wanted[start : start + UIDS_PER_QUERY]
        query = select(Meeting.id, Meeting.title_en, Meeting.starts_at).where(
            Meeting.title_en.in_({title for title, _ in chunk}),
            Meeting.starts_at.in_({starts_at for _, starts_at in chunk}),
        )
        for meeting_id, title, starts_at in await session.execute(query):
            found[(title, starts_at)] = meeting_id
    return {key: found[key] for key in wanted if key in found}


async def plan_each_statement(session: AsyncSession) -> None:
    """PostgreSQL: plan this transaction's statements for the values they are given. After five
    runs a prepared statement may keep a generic plan, made while an import into an empty
    database had added a few hundred meetings: each later batch's lookups by uid and by title
    then scanned the grown table (8 ms a query at 6,000 meetings, 1 ms planned for its values).
    SQLite: nothing (it plans every statement as it runs)."""
    if is_postgresql(session):
        await session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))


async def uids_taken(session: AsyncSession, uids: Sequence[str]) -> set[str]:
    """Those of `uids` a stored meeting has: a query per thousand."""
    taken: set[str] = set()
    wanted = sorted(set(uids))
    for start in range(0, len(wanted), UIDS_PER_QUERY):
        chunk = wanted[start : start + UIDS_PER_QUERY]
        taken.update(await session.scalars(select(Meeting.uid).where(Meeting.uid.in_(chunk))))
    return taken


async def was_reminded(session: AsyncSession, meeting_id: int) -> bool:
    """Someone has already been told about this meeting by a reminder."""
    sent = exists().where(
        ReminderDelivery.meeting_id == meeting_id,
        ReminderDelivery.status == DeliveryStatus.SENT,
    )
    return bool(await session.scalar(select(sent)))


async def lock(session: AsyncSession, meeting_id: int) -> None:
    """Hold the meeting's row until the transaction ends (PostgreSQL; on SQLite the database's
    write lock)."""
    await lock_for_write(session, Meeting)
    await session.execute(select(Meeting.id).where(Meeting.id == meeting_id).with_for_update())
