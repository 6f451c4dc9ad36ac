"""Linked channels: the link itself (which channel, its language, whether it broke) and the
posts of each change to it, claimed like notices (storage.repositories.claims).

A post is taken only when no earlier post of the same meeting to the same channel is still
pending, so posts of one meeting go out in order and a change always finds its original post.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CTE, ColumnElement, and_, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.models import ChannelLink, ChannelPost, DeliveryStatus
from storage.repositories import claims


@dataclass(frozen=True)
class PendingPost:
    post_id: int
    change_id: int
    kind: str
    meeting_id: int
    chat_id: int
    before: dict[str, Any] | None
    # The channel's language setting ("both" or an interface language).
    language: str
    # The meeting's first post in this channel, edited to its current state (None: none yet).
    original_message_id: int | None = None


async def links(session: AsyncSession) -> list[ChannelLink]:
    """Every linked channel, broken ones too, in the order they were linked."""
    return list(await session.scalars(select(ChannelLink).order_by(ChannelLink.linked_at)))


async def link(session: AsyncSession, chat_id: int) -> ChannelLink | None:
    return await session.get(ChannelLink, chat_id)


async def save_link(session: AsyncSession, values: dict[str, Any]) -> ChannelLink:
    """Link a channel, or link it again (its language and title renewed, no longer broken)."""
    found = await session.get(ChannelLink, values["chat_id"])
    if found is None:
        found = ChannelLink(**values)
        session.add(found)
    else:
        for key, value in values.items():
            setattr(found, key, value)
    found.broken_at, found.broken_reason = None, None
    await session.flush()
    return found


async def unlink(session: AsyncSession, chat_id: int) -> bool:
    found = await session.get(ChannelLink, chat_id)
    if found is not None:
        await session.delete(found)
    return found is not None


async def mark_broken(session: AsyncSession, chat_id: int, reason: str, now: datetime) -> bool:
    """The link broke (a post failed for good); False when it was broken already (or gone)."""
    statement = (
        update(ChannelLink)
        .where(ChannelLink.chat_id == chat_id, ChannelLink.broken_at.is_(None))
        .values(broken_at=now, broken_reason=reason[:500])
        .returning(ChannelLink.chat_id)
    )
    return (await session.execute(statement)).first() is not None


async def add_posts(
    session: AsyncSession,
    *,
    change_id: int,
    kind: str,
    meeting_id: int,
    before: dict[str, Any] | None,
    now: datetime,
    posted_only: bool = False,
) -> int:
    """A pending post of the change for every channel whose link holds (`posted_only`: and that
    has a post of the meeting already); the number written."""
    told = [claims.Told(change_id, kind, meeting_id, before, now)]
    return await add_posts_of(session, told, posted_only=posted_only)


async def add_posts_of(
    session: AsyncSession, told: Sequence[claims.Told], *, posted_only: bool = False
) -> int:
    """`add_posts` for many changes, many a statement; the number written."""

    def holding(changes: CTE) -> ColumnElement[bool]:
        holds = ChannelLink.broken_at.is_(None)
        if not posted_only:
            return holds
        posted = exists().where(
            ChannelPost.chat_id == ChannelLink.chat_id,
            ChannelPost.meeting_id == changes.c.meeting_id,
            ChannelPost.message_id.is_not(None),
        )
        return and_(holds, posted)

    return await claims.add_for_changes(session, ChannelPost, told, ChannelLink.chat_id, holding)


async def claim(
    session: AsyncSession, now: datetime, lease: timedelta, limit: int, *, holder: str
) -> list[PendingPost]:
    """Take up to `limit` pending posts for `holder` (as notices are taken), each only once
    every earlier post of its meeting to its channel has ended."""
    earlier = aliased(ChannelPost)
    in_order = ~exists().where(
        earlier.chat_id == ChannelPost.chat_id,
        earlier.meeting_id == ChannelPost.meeting_id,
        earlier.id < ChannelPost.id,
        earlier.status == DeliveryStatus.PENDING,
    )
    free = and_(
        or_(ChannelPost.claimed_at.is_(None), claims.abandoned(ChannelPost, now, lease, holder)),
        in_order,
    )
    columns = (ChannelPost.id, ChannelPost.change_id, ChannelPost.kind, ChannelPost.meeting_id,
               ChannelPost.chat_id, ChannelPost.before)  # fmt: skip
    taken = await claims.take(session, ChannelPost, free, now, limit, columns, holder=holder)
    languages = await _languages(session, {row[4] for row in taken})
    originals = await _originals(session, {(row[4], row[3]) for row in taken})
    return [
        PendingPost(
            post_id, change_id, kind, meeting_id, chat_id, before,
            languages.get(chat_id, "both"), originals.get((chat_id, meeting_id)),
        )
        for post_id, change_id, kind, meeting_id, chat_id, before in taken
    ]  # fmt: skip


async def record_message(session: AsyncSession, post_id: int, message_id: int) -> None:
    await session.execute(
        update(ChannelPost).where(ChannelPost.id == post_id).values(message_id=message_id)
    )


finish = claims.finisher(ChannelPost)
renew = claims.renewer(ChannelPost)


async def posts_by_status(session: AsyncSession) -> dict[DeliveryStatus, int]:
    """How many posts ended each way (and are pending), over every channel: for /stats."""
    rows = await session.execute(
        select(ChannelPost.status, func.count()).group_by(ChannelPost.status)
    )
    return {status: count for status, count in rows}


async def _languages(session: AsyncSession, chat_ids: set[int]) -> dict[int, str]:
    if not chat_ids:
        return {}
    rows = await session.execute(
        select(ChannelLink.chat_id, ChannelLink.language).where(ChannelLink.chat_id.in_(chat_ids))
    )
    return {chat_id: language for chat_id, language in rows}


async def _originals(
    session: AsyncSession, pairs: set[tuple[int, int]]
) -> dict[tuple[int, int], int]:
    """The first post with a message of each (channel, meeting)."""
    found: dict[tuple[int, int], int] = {}
    for chat_id, meeting_id in pairs:
        message_id = await session.scalar(
            select(ChannelPost.message_id)
            .where(
                ChannelPost.chat_id == chat_id,
                ChannelPost.meeting_id == meeting_id,
                ChannelPost.message_id.is_not(None),
            )
            .order_by(ChannelPost.id)
            .limit(1)
        )
        if message_id is not None:
            found[(chat_id, meeting_id)] = message_id
    return found
