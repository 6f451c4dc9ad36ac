"""Linked channels and their posts on SQLite and PostgreSQL: a post per change and channel, none
for a broken link, posts of one meeting taken in order, the original post found by later ones,
and a link broken once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storage.database import Database
from storage.models import DeliveryStatus, Meeting
from storage.repositories import channels, chats

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
LEASE = timedelta(minutes=2)
NEWS, DESK = -1001, -1002


async def linked(database: Database, *chat_ids: int) -> int:
    """Link the channels; the id of a meeting to post about."""
    async with database.sessions.begin() as session:
        for chat_id in chat_ids:
            await chats.remember(session, chat_id, "channel", NOW)
            values = {"chat_id": chat_id, "title": f"Channel {chat_id}", "linked_at": NOW}
            await channels.save_link(session, {**values, "language": "ru", "username": None})
        meeting_id = await session.scalar(select(Meeting.id).limit(1))
    assert meeting_id is not None
    return meeting_id


async def post(database: Database, change_id: int, meeting_id: int, kind: str = "moved") -> int:
    async with database.sessions.begin() as session:
        return await channels.add_posts(
            session, change_id=change_id, kind=kind, meeting_id=meeting_id, before=None, now=NOW
        )


async def claim(database: Database) -> list[channels.PendingPost]:
    async with database.sessions.begin() as session:
        return await channels.claim(session, NOW, LEASE, 100, holder="host:1:a")


async def test_a_change_is_one_post_per_channel_and_once(database: Database) -> None:
    meeting_id = await linked(database, NEWS, DESK)
    assert await post(database, 1, meeting_id, "announced") == 2
    assert await post(database, 1, meeting_id, "announced") == 0
    taken = await claim(database)
    assert sorted(p.chat_id for p in taken) == [DESK, NEWS]
    assert {p.language for p in taken} == {"ru"}
    assert await claim(database) == []


async def test_posts_of_one_meeting_go_in_order_and_find_the_original(database: Database) -> None:
    meeting_id = await linked(database, NEWS)
    await post(database, 1, meeting_id, "announced")
    await post(database, 2, meeting_id)
    (first,) = await claim(database)
    assert (first.kind, first.original_message_id) == ("announced", None)
    # The move waits while the announcement is still pending.
    assert await claim(database) == []
    async with database.sessions.begin() as session:
        await channels.record_message(session, first.post_id, 77)
        await channels.finish(session, [first.post_id], DeliveryStatus.SENT, NOW)
    (second,) = await claim(database)
    assert (second.kind, second.original_message_id) == ("moved", 77)


async def test_a_broken_link_gets_no_posts_and_breaks_once(database: Database) -> None:
    meeting_id = await linked(database, NEWS)
    async with database.sessions.begin() as session:
        assert await channels.mark_broken(session, NEWS, "403: kicked", NOW)
        assert not await channels.mark_broken(session, NEWS, "403: kicked", NOW)
    assert await post(database, 1, meeting_id) == 0
    await linked(database, NEWS)  # linked again: posted to once more
    assert await post(database, 2, meeting_id) == 1
    async with database.sessions() as session:
        link = await channels.link(session, NEWS)
    assert link is not None and link.broken_at is None and link.broken_reason is None
