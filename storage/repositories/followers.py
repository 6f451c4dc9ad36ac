"""Who follows a meeting, written once: a chat subscribed to it, to every meeting, or to a
filter (a country, city, series, kind or topic) that matches it.

Reminders, notices, the send-time check, the digest, the personal feed, cards and /stats all
ask this one question; a new way to follow a meeting is added here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, ScalarSelect, Select, exists, func, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.models import FilterMatch, Meeting, Subscription, SubscriptionFilter


class Following(StrEnum):
    """How a chat follows one meeting, the most particular way first."""

    NOT = "not"
    MEETING = "meeting"
    EVERY = "every"
    FILTER = "filter"


def follows(
    chat_id: ColumnElement[int] | InstrumentedAttribute[int] | int,
    meeting_id: ColumnElement[int] | InstrumentedAttribute[int] | int,
    since: datetime | None = None,
) -> ColumnElement[bool]:
    """The chat follows the meeting (with `since`: did so at that time already)."""
    subscribed = exists().where(
        Subscription.chat_id == chat_id,
        or_(Subscription.meeting_id == meeting_id, Subscription.meeting_id.is_(None)),
    )
    matched = exists().where(
        FilterMatch.filter_id == SubscriptionFilter.id,
        FilterMatch.meeting_id == meeting_id,
        SubscriptionFilter.chat_id == chat_id,
    )
    if since is not None:
        subscribed = subscribed.where(Subscription.created_at <= since)
        matched = matched.where(SubscriptionFilter.created_at <= since)
    return or_(subscribed, matched)


def followers_count(
    meeting_id: ColumnElement[int] | InstrumentedAttribute[int],
) -> ScalarSelect[int]:
    """How many chats follow the meeting, each once (a scalar subquery, correlated when
    `meeting_id` is a column of the enclosing query): by its own subscription, one to every
    meeting, or a filter that matches it."""
    return _count_followers(meeting_id).scalar_subquery()


def _count_followers(
    meeting_id: ColumnElement[int] | InstrumentedAttribute[int] | int,
) -> Select[int]:
    subscribed = select(Subscription.chat_id).where(
        or_(Subscription.meeting_id == meeting_id, Subscription.meeting_id.is_(None))
    )
    matched = (
        select(SubscriptionFilter.chat_id)
        .join(FilterMatch, FilterMatch.filter_id == SubscriptionFilter.id)
        .where(FilterMatch.meeting_id == meeting_id)
    )
    chats = union(subscribed, matched).subquery()
    return select(func.count()).select_from(chats)


async def following(session: AsyncSession, chat_id: int, meeting_id: int) -> Following:
    """Whether and how the chat follows the meeting: by its own subscription, one to every
    meeting, or a filter that matches it (in that order)."""
    found = await followed_by(session, [chat_id], [meeting_id])
    ways = found.get(chat_id, set())
    if meeting_id in ways and await _own(session, chat_id, meeting_id):
        return Following.MEETING
    if None in ways:
        return Following.EVERY
    return Following.FILTER if meeting_id in ways else Following.NOT


async def matching_filters(session: AsyncSession, chat_id: int, meeting_id: int) -> list[str]:
    """The labels of the chat's filters that match the meeting, as the chat typed them."""
    query = (
        select(SubscriptionFilter.label)
        .join(FilterMatch, FilterMatch.filter_id == SubscriptionFilter.id)
        .where(SubscriptionFilter.chat_id == chat_id, FilterMatch.meeting_id == meeting_id)
        .order_by(SubscriptionFilter.id)
    )
    return list((await session.scalars(query)).all())


async def count_for_meeting(session: AsyncSession, meeting_id: int) -> int:
    """The chats that follow the meeting, however they follow it, each once."""
    return int(await session.scalar(_count_followers(meeting_id)) or 0)


async def _own(session: AsyncSession, chat_id: int, meeting_id: int) -> bool:
    own = exists().where(Subscription.chat_id == chat_id, Subscription.meeting_id == meeting_id)
    return bool(await session.scalar(select(own)))


async def followed_by(
    session: AsyncSession, chat_ids: Iterable[int], meeting_ids: Iterable[int]
) -> dict[int, set[int | None]]:
    """Per chat, which of `meeting_ids` it follows (None in the set: every meeting)."""
    chats, wanted = list(chat_ids), list(meeting_ids)
    found: dict[int, set[int | None]] = {}
    subscribed = select(Subscription.chat_id, Subscription.meeting_id).where(
        Subscription.chat_id.in_(chats),
        or_(Subscription.meeting_id.is_(None), Subscription.meeting_id.in_(wanted)),
    )
    matched = (
        select(SubscriptionFilter.chat_id, FilterMatch.meeting_id)
        .join(FilterMatch, FilterMatch.filter_id == SubscriptionFilter.id)
        .where(SubscriptionFilter.chat_id.in_(chats), FilterMatch.meeting_id.in_(wanted))
    )
    for query in (subscribed, matched):
        for chat_id, meeting_id in await session.execute(query):
            found.setdefault(chat_id, set()).add(meeting_id)
    return found


async def meetings_followed(
    session: AsyncSession,
    chat_id: int,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Sequence[Meeting]:
    """The meetings the chat follows starting in [since, until), soonest first."""
    query = select(Meeting).where(follows(chat_id, Meeting.id))
    if since is not None:
        query = query.where(Meeting.starts_at >= since)
    if until is not None:
        query = query.where(Meeting.starts_at < until)
    return (await session.scalars(query.order_by(Meeting.starts_at, Meeting.id))).all()
