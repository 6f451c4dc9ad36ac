"""The feed is built once per version of the schedule, however many ask (bot.feed; issue 20)."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

import pytest

from bot.feed import FeedCache
from bot.services.calendars import file
from bot.services.meeting_writes.changes import cancel_meeting, edit_meeting
from storage.database import Database
from tests.support.calendar_imports import ADMIN, by_uid, import_file
from tests.support.calendars import EVENT, ics
from tests.support.factories import STAMP


async def test_the_feed_is_rebuilt_only_when_the_schedule_changes(database: Database) -> None:
    await import_file(database, ics(EVENT))
    meeting = await by_uid(database, EVENT["UID"])
    cache = FeedCache()
    burst = await asyncio.gather(*(cache.feed(database, "en") for _ in range(8)))
    assert all(built is burst[0] for built in burst)  # one build for the burst
    assert await cache.feed(database, "en") is burst[0]
    russian = await cache.feed(database, "ru")
    assert russian.etag != burst[0].etag
    async with database.sessions.begin() as session:
        moved = {"starts_at": meeting.starts_at + timedelta(days=1)}
        await edit_meeting(session, ADMIN, meeting.id, moved, STAMP + timedelta(hours=1))
    after_edit = await cache.feed(database, "en")
    assert after_edit.etag != burst[0].etag
    async with database.sessions.begin() as session:
        await cancel_meeting(session, ADMIN, meeting.id, None, STAMP + timedelta(hours=1))
    after_cancel = await cache.feed(database, "en")  # within the same second as the edit
    assert after_cancel.etag != after_edit.etag and b"CANCELLED" in after_cancel.content


async def test_the_bytes_are_made_off_the_event_loop(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await import_file(database, ics(EVENT))
    threads: list[threading.Thread] = []
    real = file.calendar_bytes

    def recording(*args: object, **kwargs: object) -> bytes:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("bot.feed.calendar_bytes", recording)
    built = await FeedCache().feed(database, "en")
    assert b"BEGIN:VCALENDAR" in built.content
    assert threads and threads[0] is not threading.main_thread()
