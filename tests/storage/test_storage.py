"""Storage on SQLite and PostgreSQL: schema, bundled knowledge, constraints, time zones."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from storage.database import Database, DatabaseUnavailable, open_database, prepare_database
from storage.knowledge import read_bundle
from storage.models import CentreFact, Chat, Meeting, ReminderDelivery, Subscription
from storage.repositories import chats, meetings
from tests.support.factories import STAMP


async def count(database: Database, model: type) -> int:
    async with database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_first_start_loads_every_bundled_meeting_and_fact(database: Database) -> None:
    bundle = read_bundle()
    assert await count(database, Meeting) == len(bundle["meetings"]) == 2
    assert await count(database, CentreFact) == len(bundle["facts"])
    async with database.sessions() as session:
        sixth = (await meetings.matching(session, ordinal=6))[0]
    assert (sixth.city_en, sixth.city_ru, sixth.country_code) == ("Dushanbe", "Душанбе", "TJ")
    assert sixth.starts_at == datetime(2015, 11, 26, 19, tzinfo=UTC)  # 27 Nov, Dushanbe
    assert "Tajikistan" in (sixth.supporters_en or "")


async def test_starting_again_changes_nothing(database: Database) -> None:
    await prepare_database(database)
    await prepare_database(database)
    assert await count(database, Meeting) == 2


async def test_deleted_bundled_meeting_does_not_come_back(database: Database) -> None:
    async with database.sessions.begin() as session:
        for meeting in await meetings.matching(session, ordinal=5):
            await session.delete(meeting)
    await prepare_database(database)
    assert await count(database, Meeting) == 1


async def test_times_come_back_aware_in_utc(database: Database) -> None:
    almaty = timezone(timedelta(hours=5))
    async with database.sessions.begin() as session:
        session.add(_meeting("tz", datetime(2030, 1, 2, 10, tzinfo=almaty)))
    async with database.sessions() as session:
        stored = await session.scalar(select(Meeting).where(Meeting.uid == "tz"))
    assert stored is not None
    assert stored.starts_at == datetime(2030, 1, 2, 5, tzinfo=UTC)
    assert stored.starts_at.tzinfo is not None


async def test_naive_datetimes_are_refused(database: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        async with database.sessions.begin() as session:
            session.add(_meeting("naive", datetime(2030, 1, 2, 10)))


async def test_a_chat_has_one_every_meeting_subscription(database: Database) -> None:
    async with database.sessions.begin() as session:
        await chats.remember(session, 42, "private", STAMP)
        session.add(Subscription(chat_id=42, meeting_id=None, created_at=STAMP))
    with pytest.raises(IntegrityError):
        async with database.sessions.begin() as session:
            session.add(Subscription(chat_id=42, meeting_id=None, created_at=STAMP))


async def test_one_delivery_per_meeting_offset_and_chat(database: Database) -> None:
    async with database.sessions.begin() as session:
        await chats.remember(session, 42, "private", STAMP)
        meeting = (await meetings.matching(session, ordinal=6))[0]
        session.add(
            ReminderDelivery(
                meeting_id=meeting.id,
                offset_minutes=60,
                chat_id=42,
                claimed_at=STAMP,
                starts_at=STAMP,
                due_at=STAMP,
            )
        )
    with pytest.raises(IntegrityError):
        async with database.sessions.begin() as session:
            session.add(
                ReminderDelivery(
                    meeting_id=meeting.id,
                    offset_minutes=60,
                    chat_id=42,
                    claimed_at=STAMP,
                    starts_at=STAMP,
                    due_at=STAMP,
                )
            )


async def test_same_title_and_start_is_refused(database: Database) -> None:
    start = datetime(2030, 5, 1, 6, tzinfo=UTC)
    async with database.sessions.begin() as session:
        session.add(_meeting("a", start))
    with pytest.raises(IntegrityError):
        async with database.sessions.begin() as session:
            session.add(_meeting("b", start))


async def test_remembering_a_chat_is_an_upsert_that_returns_its_language(
    database: Database,
) -> None:
    async with database.sessions.begin() as session:
        assert (await chats.remember(session, 7, "private", STAMP))[0] is None
        await chats.set_language(session, 7, "ru", STAMP)
    async with database.sessions.begin() as session:
        chat = await session.get(Chat, 7)
        assert chat is not None
        chat.is_active = False
    async with database.sessions.begin() as session:
        assert (await chats.remember(session, 7, "private", STAMP))[0] == "ru"
    async with database.sessions() as session:
        chat = await session.get(Chat, 7)
        assert chat is not None and chat.is_active


async def test_upcoming_and_past_are_ordered_and_paged(database: Database) -> None:
    now = datetime(2016, 1, 1, tzinfo=UTC)
    async with database.sessions() as session:
        past = await meetings.past(session, now)
        assert [m.ordinal for m in past] == [6, 5]
        assert [m.ordinal for m in await meetings.past(session, now, offset=1, limit=1)] == [5]
        assert await meetings.upcoming(session, now) == []
        assert await meetings.count_past(session, now) == 2
        upcoming = await meetings.upcoming(session, datetime(2015, 1, 1, tzinfo=UTC))
        assert [m.city_en for m in upcoming] == ["Dushanbe"]


async def test_search_matches_words_in_either_language(database: Database) -> None:
    async with database.sessions() as session:
        assert [m.ordinal for m in await meetings.search(session, ["afghanistan"], 5)] == [5]
        assert [m.ordinal for m in await meetings.search(session, ["душанбе"], 5)] == [6]
        assert await meetings.search(session, ["100%_"], 5) == []


async def test_unreachable_database_is_one_clear_line() -> None:
    database = open_database("postgresql+asyncpg://postgres@127.0.0.1:1/none")
    with pytest.raises(DatabaseUnavailable) as caught:
        await prepare_database(database)
    await database.dispose()
    message = str(caught.value)
    assert message.startswith("DATABASE_URL: cannot use the database at")
    assert "\n" not in message


def _meeting(uid: str, starts_at: datetime) -> Meeting:
    return Meeting(
        uid=uid,
        title_en="Consultations",
        starts_at=starts_at,
        time_zone="Asia/Almaty",
        city_en="Almaty",
        created_at=STAMP,
        updated_at=STAMP,
    )


async def test_starting_together_migrates_and_seeds_once(empty_database_url: str) -> None:
    databases = [open_database(empty_database_url) for _ in range(4)]
    try:
        await asyncio.gather(*(prepare_database(db) for db in databases))
        assert await count(databases[0], Meeting) == 2
    finally:
        await asyncio.gather(*(db.dispose() for db in databases))


@pytest.mark.postgres
async def test_bot_processes_starting_together_share_one_postgresql(postgres_url: str) -> None:
    """Several bot processes share one PostgreSQL database and may start at the same moment."""
    script = (
        "import asyncio, sys; from storage.database import open_database, prepare_database\n"
        "db = open_database(sys.argv[1]); asyncio.run(prepare_database(db))"
    )
    processes = [
        await asyncio.create_subprocess_exec(sys.executable, "-c", script, postgres_url)
        for _ in range(4)
    ]
    assert [await process.wait() for process in processes] == [0, 0, 0, 0]
    database = open_database(postgres_url)
    assert await count(database, Meeting) == 2
    await database.dispose()
