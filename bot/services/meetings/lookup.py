"""From what a question says about a meeting to the meetings in the store.

Every path is a few indexed queries with a limit, whatever the size of the archive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import local_time
from bot.services.meetings.claims import topic_holds
from bot.services.meetings.periods import period_bounds
from bot.services.meetings.subjects import on_subject
from bot.services.meetings.titles import ordinal_pieces, title_ordinal
from bot.understanding import MeetingRef
from bot.understanding.kinds import kind_named
from storage.models import Meeting, MeetingStatus
from storage.repositories import meetings


async def find(
    session: AsyncSession, ref: MeetingRef, now: datetime, limit: int = meetings.MATCH_LIMIT
) -> list[Meeting]:
    """The meetings the reference names; a subject (`ref.topic`) narrows them when it can,
    and is left unused (see `topic_unused`) when no meeting found holds it."""
    if ref.topic:
        return await _on_topic(session, ref, now, limit)
    if ref.relation is not None:
        anchors = await find(session, ref.anchor(), now)
        return await next_to(session, anchors[:1], ref.relation == "after")
    if ref.relative is not None and _only_relative(ref):
        return await _relative(session, ref.relative, now)
    if ref.is_empty():
        return await default_meetings(session, now)
    found = await _matching(session, ref, now, limit)
    if not found and ref.ordinal is not None:
        found = await _ordinal_in_titles(session, ref, now)
    return found[:1] if ref.relative in ("next", "previous", "last", "first") else found


async def _on_topic(
    session: AsyncSession, ref: MeetingRef, now: datetime, limit: int
) -> list[Meeting]:
    assert ref.topic is not None
    others = replace(ref, topic=None)
    if others.is_empty():
        # "The meeting on water": the next one on it, else the latest (as for "the meeting").
        found = await on_subject(session, ref.topic, limit)
        upcoming = [meeting for meeting in found if meeting.starts_at >= now and happens(meeting)]
        past = [meeting for meeting in found if meeting.starts_at < now]
        chosen = [*upcoming[-1:], *past[:1]]
        return chosen or await find(session, others, now, limit)
    found = await find(session, others, now, limit)
    on_topic = [meeting for meeting in found if topic_holds(meeting, ref.topic)]
    return on_topic or found


def topic_unused(ref: MeetingRef, found: Sequence[Meeting]) -> tuple[str, ...]:
    """The subject's words when no meeting found holds them: the answer did not use them."""
    if not ref.topic or any(topic_holds(meeting, ref.topic) for meeting in found):
        return ()
    return ref.topic


async def next_to(session: AsyncSession, anchors: Sequence[Meeting], after: bool) -> list[Meeting]:
    """The meeting right after (or before) the first anchor, in its series; [] when none."""
    if not anchors:
        return []
    found = await meetings.neighbour(session, anchors[0], after=after)
    return [found] if found else []


async def default_meetings(session: AsyncSession, now: datetime) -> list[Meeting]:
    """'The meeting', when a question names none: the next one, then the most recent one."""
    found = [
        await meetings.next_scheduled(session, now),
        await meetings.latest_before(session, now),
    ]
    return [meeting for meeting in found if meeting is not None]


async def known_meetings(
    session: AsyncSession, now: datetime, limit: int = 5
) -> Sequence[Meeting]:
    """What to offer when the asked-for meeting is unknown: upcoming first, then recent ones."""
    upcoming = await meetings.upcoming(session, now, limit=limit)
    recent = await meetings.past(session, now, limit=limit - len(upcoming))
    return [*upcoming, *recent]


async def _matching(
    session: AsyncSession, ref: MeetingRef, now: datetime, limit: int
) -> list[Meeting]:
    since, until = period_bounds(ref.period, now) if ref.period else _bounds(ref)
    future = ref.relative in ("next", "upcoming")
    if future:
        since = max(since, now) if since else now
    elif ref.relative not in (None, "first"):
        until = min(until, now) if until else now
    found = await meetings.matching(
        session, ordinal=ref.ordinal, city=ref.city, country=ref.country, since=since,
        until=until, soonest_first=future or ref.relative == "first", limit=limit,
        title_words=kind_named(ref.kind).in_titles if ref.kind else (),
        # What is still to come is offered only if it happens.
        scheduled_only=future,
    )  # fmt: skip
    return [meeting for meeting in found if same_local_date(meeting, ref)]


async def _ordinal_in_titles(
    session: AsyncSession, ref: MeetingRef, now: datetime
) -> list[Meeting]:
    """Meetings admins numbered only in the title: "Eighth annual ...", «Восьмая встреча»."""
    assert ref.ordinal is not None
    candidates = await meetings.untitled_ordinals(
        session, ordinal_pieces(ref.ordinal), meetings.MATCH_LIMIT
    )
    numbered = [m for m in candidates if title_ordinal(m) == ref.ordinal]
    others = replace(ref, ordinal=None)
    if others.is_empty():
        return numbered
    wanted = {m.id for m in await _matching(session, others, now, meetings.MATCH_LIMIT * 10)}
    return [meeting for meeting in numbered if meeting.id in wanted]


def _only_relative(ref: MeetingRef) -> bool:
    return MeetingRef(relative=ref.relative) == ref


async def _relative(session: AsyncSession, relative: str, now: datetime) -> list[Meeting]:
    if relative == "next":
        found = await meetings.next_scheduled(session, now)
        return [found] if found else []
    if relative in ("previous", "last"):
        found = await meetings.latest_before(session, now)
        return [found] if found else []
    if relative == "upcoming":
        return list(await meetings.upcoming(session, now))
    return list(await meetings.past(session, now))


def _bounds(ref: MeetingRef) -> tuple[datetime | None, datetime | None]:
    if ref.day is not None:
        return _local_dates(ref.day, ref.day + timedelta(days=1))
    if ref.year is not None and ref.month is not None:
        # "Meetings in March 2027": the month's range, so the limit applies within it.
        after = date(ref.year + ref.month // 12, ref.month % 12 + 1, 1)
        return _local_dates(date(ref.year, ref.month, 1), after)
    if ref.year is not None:
        return meetings.year_bounds(ref.year)
    return None, None


def _local_dates(first: date, after: date) -> tuple[datetime, datetime]:
    """A UTC range holding every moment whose local date is from `first` up to `after`: local
    dates run from UTC-12 to UTC+14 around the UTC day."""
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(after.year, after.month, after.day, tzinfo=UTC)
    return start - timedelta(hours=14), end + timedelta(hours=12)


def same_local_date(meeting: Meeting, ref: MeetingRef) -> bool:
    """Dates are the venue's local dates: 27 November in Dushanbe starts on the 26th in UTC."""
    local = local_time(meeting.starts_at, meeting.time_zone).date()
    wanted = (
        (ref.year, local.year),
        (ref.month, local.month),
        (ref.day_of_month, local.day),
        (ref.day, local),
    )
    return all(expected is None or expected == actual for expected, actual in wanted)


def happens(meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.SCHEDULED
