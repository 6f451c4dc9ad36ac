"""Filling a benchmark's own database: meetings, chats and subscriptions, in bulk."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, make_url, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.services.documents.words import index_text
from storage.database import Database, open_database, prepare_database
from storage.models import Chat, Document, Meeting, Passage, Subscription

# Real cities of the gazetteer, so that questions about a place find meetings there.
PLACES = (
    ("Almaty", "Алматы", "KZ", "Kazakhstan", "Asia/Almaty"),
    ("Bishkek", "Бишкек", "KG", "Kyrgyzstan", "Asia/Bishkek"),
    ("Tashkent", "Ташкент", "UZ", "Uzbekistan", "Asia/Tashkent"),
    ("Dushanbe", "Душанбе", "TJ", "Tajikistan", "Asia/Dushanbe"),
    ("Ashgabat", "Ашхабад", "TM", "Turkmenistan", "Asia/Ashgabat"),
    ("Osh", "Ош", "KG", "Kyrgyzstan", "Asia/Bishkek"),
)
# The first chat id of the subscribers; the users who ask questions have ids below it.
FIRST_CHAT = 1_000_000
ROWS_PER_INSERT = 5_000
Row = dict[str, Any]


@contextmanager
def database_url(given: str | None) -> Iterator[str]:
    """The --database-url given, or a SQLite file in a temporary folder."""
    if given:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="unrcca-bench-") as folder:
        yield f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"


async def database_of_its_own(url: str, name: str) -> str:
    """A database beside `url`'s, named after it and `name` (a SQLite file `bench-NAME.db`, a
    PostgreSQL database `bench_NAME`, created through the server's `postgres` database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "bench.db")
        return parsed.set(database=str(path.with_stem(f"{path.stem}-{name}"))).render_as_string(
            hide_password=False
        )
    own = parsed.set(database=f"{parsed.database}_{name}")
    engine = create_async_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            exists = "SELECT 1 FROM pg_database WHERE datname = :name"
            if not await connection.scalar(text(exists), {"name": own.database}):
                await connection.execute(text(f'CREATE DATABASE "{own.database}"'))
    finally:
        await engine.dispose()
    return own.render_as_string(hide_password=False)


async def empty_database(url: str) -> None:
    """Drops everything in the benchmark's database, then migrates it and loads the bundle."""
    database = open_database(url)
    try:
        if database.engine.dialect.name == "postgresql":
            async with database.engine.begin() as connection:
                await connection.execute(text("DROP SCHEMA public CASCADE"))
                await connection.execute(text("CREATE SCHEMA public"))
        else:
            _remove(Path(database.engine.url.database or ""))
        await prepare_database(database)
    finally:
        await database.dispose()


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def meeting_row(i: int, starts_at: datetime, stamp: datetime) -> Row:
    """Meeting number `i` of a benchmark: its city cycles through PLACES."""
    city, city_ru, code, country, zone = PLACES[i % len(PLACES)]
    # fmt: off
    return {"uid": f"bench-{i}", "series": None, "ordinal": 100 + i,
            "title_en": f"Consultation on regional security {i}",
            "title_ru": f"Консультация по региональной безопасности {i}",
            "starts_at": starts_at, "time_known": True, "time_zone": zone,
            "city_en": city, "city_ru": city_ru, "country_code": code, "country_en": country,
            "summary_en": "Water, energy and border security.", "status": "scheduled",
            "created_at": stamp, "updated_at": stamp}
    # fmt: on


def meeting_rows(count: int, now: datetime, past_share: float) -> list[Row]:
    """`count` meetings 3 days apart; the first future one 36 hours away, so no reminder falls
    due while a benchmark runs (the default offsets are a day and an hour)."""
    past = int(count * past_share)
    first = now + timedelta(hours=36) - timedelta(days=3 * past)
    stamp = now - timedelta(days=3 * count)
    return [meeting_row(i, first + timedelta(days=3 * i), stamp) for i in range(count)]


# The per-kind benchmark's neighbourhood: the meetings its questions name, the same in every
# store: a few days ago, last year, March 2027 and the next days (the first 36 hours away, past
# any reminder's offset).
NEIGHBOURHOOD = 8
# Its archive: meetings no question names, in cities outside Central Asia, on another subject,
# a day apart going back from the end of 2013 (before any year or period a question asks about).
ARCHIVE_PLACES = (
    ("Geneva", "Женева", "CH", "Switzerland", "Europe/Zurich"),
    ("Vienna", "Вена", "AT", "Austria", "Europe/Vienna"),
    ("New York", "Нью-Йорк", "US", "United States", "America/New_York"),
    ("Brussels", "Брюссель", "BE", "Belgium", "Europe/Brussels"),
)
ARCHIVE_ENDS = datetime(2013, 12, 31, 6, tzinfo=UTC)


def neighbourhood_rows(count: int, now: datetime) -> list[Row]:
    """`count` meetings (at least NEIGHBOURHOOD) for the per-kind benchmark: the neighbourhood
    that every store holds alike, then the archive. A store of 10,000 differs from one of 10
    only by meetings no answer names, so what grows is the archive, not the answer (the
    benchmark prints how many meetings each kind names at each size)."""
    stamp = now - timedelta(days=3 * count)
    last_year = now.year - 1
    fixed = [
        now - timedelta(days=3),
        now - timedelta(days=6),
        now - timedelta(days=9),
        datetime(last_year, 3, 10, 6, tzinfo=UTC),
        datetime(last_year, 10, 20, 6, tzinfo=UTC),
        datetime(2027, 3, 15, 6, tzinfo=UTC),
        now + timedelta(hours=36),
        now + timedelta(days=5),
    ]
    archive = [
        _archived(meeting_row(NEIGHBOURHOOD + n, ARCHIVE_ENDS - timedelta(days=n), stamp))
        for n in range(count - NEIGHBOURHOOD)
    ]
    return [meeting_row(i, starts, stamp) for i, starts in enumerate(fixed)] + archive


def _archived(row: Row) -> Row:
    city, city_ru, code, country, zone = ARCHIVE_PLACES[row["ordinal"] % len(ARCHIVE_PLACES)]
    number = row["ordinal"] - 100
    # fmt: off
    return row | {
        "title_en": f"Trade dialogue {number}", "title_ru": f"Торговый диалог {number}",
        "summary_en": "Tariffs and customs.", "time_zone": zone, "city_en": city,
        "city_ru": city_ru, "country_code": code, "country_en": country,
    }
    # fmt: on


async def add_meetings(
    database: Database, count: int, past_share: float = 0.8, now: datetime | None = None
) -> list[int]:
    """Adds `count` meetings 3 days apart (meeting_rows); their ids."""
    return await insert_meetings(
        database, meeting_rows(count, now or datetime.now(UTC), past_share)
    )


async def insert_meetings(database: Database, rows: list[Row]) -> list[int]:
    """Inserts the meetings in bulk and gathers the table statistics; their ids."""
    async with database.sessions.begin() as session:
        for start in range(0, len(rows), ROWS_PER_INSERT):
            await session.execute(insert(Meeting), rows[start : start + ROWS_PER_INSERT])
        found = await session.scalars(select(Meeting.id).where(Meeting.uid.like("bench-%")))
        ids = sorted(found)
    await analyze(database)
    return ids


# Documents beyond this many the per-kind benchmark does not add (issue 23: 1,000 documents).
MOST_DOCUMENTS = 1_000
DOCUMENT_TEXTS = (
    "The parties agreed to cooperate on the joint use of water resources {i}.",
    "Participants discussed border security and the situation in the region {i}.",
    "Стороны договорились о совместном использовании водных ресурсов {i}.",
)


# The archive's documents: about something no question asks of.
ARCHIVE_DOCUMENT_TEXTS = (
    "The parties reviewed tariffs and customs procedures {i}.",
    "Participants exchanged views on trade statistics {i}.",
    "Стороны обсудили таможенные процедуры и тарифы {i}.",
)


async def add_documents(
    database: Database, meeting_ids: list[int], now: datetime, all_match: bool = False
) -> None:
    """An outcome document of three passages for each of the first MOST_DOCUMENTS meetings
    (by id: the neighbourhood's first, neighbourhood_rows): the neighbourhood's hold the
    benchmark's words, the archive's others, so every store's answers quote the same passages.
    With `all_match`, every document holds them: the search then ranks all of them."""
    async with database.sessions.begin() as session:
        for n, meeting_id in enumerate(meeting_ids[:MOST_DOCUMENTS]):
            texts = DOCUMENT_TEXTS if all_match or n < NEIGHBOURHOOD else ARCHIVE_DOCUMENT_TEXTS
            passages = [
                Passage(position=p, text=(body := text.format(i=n)), words=index_text(body))
                for p, text in enumerate(texts)
            ]
            session.add(
                Document(meeting_id=meeting_id, kind="outcome", language="en",
                         title=f"Joint statement {n}", has_text=True, added_at=now,
                         passages=passages)
            )  # fmt: skip
    await analyze(database)


async def analyze(database: Database) -> None:
    """What the server's autovacuum does soon after a bulk insert: table statistics (without
    them PostgreSQL plans for the empty tables it last saw) and the full-text index's pending
    list merged into the index (until then every search reads the whole list: 2 ms rather than
    0.05 at 10,000 meetings)."""
    if database.engine.dialect.name == "postgresql":
        async with database.engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text("VACUUM ANALYZE"))


async def add_chats(database: Database, chat_ids: list[int], every_meeting: bool = True) -> None:
    """Private chats created an hour ago; with `every_meeting`, each subscribed to everything."""
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    chats = [{"id": c, "kind": "private", "is_active": True, "created_at": long_ago,
              "updated_at": long_ago} for c in chat_ids]  # fmt: skip
    subscriptions = [{"chat_id": c, "meeting_id": None, "created_at": long_ago} for c in chat_ids]
    await _insert(database, Chat, chats)
    if every_meeting:
        await _insert(database, Subscription, subscriptions)


async def add_subscriptions(database: Database, meeting_ids: list[int], total: int) -> None:
    """`total` subscriptions: a tenth of the chats follow every meeting, the others ten
    meetings each, spread over the archive."""
    chats = max(1, total // 10)
    every = list(range(FIRST_CHAT, FIRST_CHAT + chats // 10))
    await add_chats(database, every)
    others = list(range(FIRST_CHAT + len(every), FIRST_CHAT + chats))
    await add_chats(database, others, every_meeting=False)
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    step = max(1, len(meeting_ids) // 10)
    wanted = total - len(every)
    rows = [
        {"chat_id": chat, "meeting_id": meeting_ids[(n + j * step) % len(meeting_ids)],
         "created_at": long_ago}
        for n, chat in enumerate(others) for j in range(10)
    ][:wanted]  # fmt: skip
    await _insert(database, Subscription, rows)
    await analyze(database)


async def _insert(database: Database, model: type, rows: list[Row]) -> None:
    async with database.sessions.begin() as session:
        for start in range(0, len(rows), ROWS_PER_INSERT):
            await session.execute(insert(model), rows[start : start + ROWS_PER_INSERT])
