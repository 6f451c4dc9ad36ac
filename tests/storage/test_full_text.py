"""The full-text index of meetings (storage/full_text.py) on SQLite and PostgreSQL: it follows
every write, finds words by their first letters in either language and any case, and a search
through it reads only what it returns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, event, insert, update

from storage import full_text
from storage.database import Database
from storage.models import Meeting
from storage.repositories import meetings
from tests.support.factories import STAMP, meeting

START = datetime(2030, 1, 7, 6, tzinfo=UTC)


async def titles(database: Database, *prefixes: str, subject_only: bool = False) -> list[str]:
    async with database.sessions() as session:
        found = await meetings.search(session, prefixes, limit=20, subject_only=subject_only)
    return [m.title_en for m in found]


async def test_the_index_follows_inserts_updates_and_deletes(database: Database) -> None:
    added = meeting(1, START, title="Seminar on transboundary waters")
    async with database.sessions.begin() as session:
        session.add(added)
    assert await titles(database, "transboundar") == ["Seminar on transboundary waters 1"]
    async with database.sessions.begin() as session:
        changed = update(Meeting).where(Meeting.id == added.id)
        await session.execute(changed.values(title_en="Briefing on border security"))
    assert await titles(database, "transboundar") == []
    assert await titles(database, "border", "secur") == ["Briefing on border security"]
    async with database.sessions.begin() as session:
        await session.execute(delete(Meeting).where(Meeting.id == added.id))
    assert await titles(database, "border") == []


async def test_words_are_found_by_first_letters_in_any_case_and_language(
    database: Database,
) -> None:
    async with database.sessions.begin() as session:
        added = meeting(1, START, title="Water and ENERGY")
        added.title_ru, added.summary_ru = "Вода и энергетика", "Вопросы безопасности границ."
        session.add(added)
    for prefixes in (["water"], ["energ"], ["ВОДА"], ["безопасност", "границ"]):
        assert await titles(database, *prefixes) == ["Water and ENERGY 1"], prefixes
    # Inside a word is not a word's start; every prefix must be held.
    assert await titles(database, "nergy") == []
    assert await titles(database, "water", "zanzibar") == []
    # Punctuation alone asks for nothing, and finds nothing.
    assert await titles(database, "%", "*") == []
    assert await titles(database, '"', "water") == ["Water and ENERGY 1"]


async def test_a_subject_is_looked_for_in_titles_and_summaries_only(database: Database) -> None:
    async with database.sessions.begin() as session:
        session.add(meeting(1, START, title="Seminar"))  # in Almaty, Kazakhstan
    assert await titles(database, "almaty") == ["Seminar 1"]
    assert await titles(database, "almaty", subject_only=True) == []
    assert await titles(database, "seminar", subject_only=True) == ["Seminar 1"]


async def test_many_matches_come_newest_first_up_to_the_limit(database: Database) -> None:
    # More than FEW matches, before 1970 too (a key below zero): newest first, up to the limit.
    rows = [
        {"uid": f"bulk-{n}", "title_en": f"Consultation {n}", "time_zone": "Asia/Almaty",
         "starts_at": datetime(1969, 12, 1, tzinfo=UTC) + timedelta(days=n), "city_en": "Almaty",
         "created_at": STAMP, "updated_at": STAMP}
        for n in range(meetings.FEW + 5)
    ]  # fmt: skip
    async with database.sessions.begin() as session:
        await session.execute(insert(Meeting), rows)
    newest = [f"Consultation {n}" for n in range(meetings.FEW + 4, meetings.FEW - 16, -1)]
    assert await titles(database, "consultation") == newest
    async with database.sessions() as session:
        ids = await meetings.matching_ids(session, ["consultation"])
    assert len(ids) == meetings.FEW + 1


async def test_the_search_reads_the_index_not_the_table(database: Database) -> None:
    dialect = database.engine.dialect.name
    query = full_text.newest(dialect, ["water"], limit=10)
    assert query is not None
    statement = str(query.compile(database.engine, compile_kwargs={"literal_binds": True}))
    async with database.engine.connect() as connection:
        if dialect == "postgresql":
            # Two meetings are read fastest without the full-text index (a scan, or in date
            # order and tested one by one): ask whether it could be used.
            await connection.exec_driver_sql("SET enable_seqscan = off")
            await connection.exec_driver_sql("SET enable_indexscan = off")
        prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
        rows = await connection.exec_driver_sql(prefix + statement)
        plan = " ".join(str(row[-1]) for row in rows)
    index = "meeting_words VIRTUAL TABLE" if dialect == "sqlite" else "ix_meetings_words"
    assert index in plan
    assert "Seq Scan on meetings" not in plan and "SCAN meetings" not in plan
    if dialect == "sqlite":  # FTS5 reads its matches newest first: nothing is sorted
        assert "TEMP B-TREE" not in plan


async def test_the_search_sends_its_words_and_limit_in_the_statement(database: Database) -> None:
    """Not as parameters: a prepared statement run five times may get PostgreSQL's generic
    plan, which cannot see the words and reads every meeting in date order for a rare one."""
    sent: list[tuple[str, object]] = []

    def record(_conn: object, _cursor: object, statement: str, params: object,
               *_rest: object) -> None:  # fmt: skip
        sent.append((statement, params))

    engine = database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert await titles(database, "waters'; drop table meetings; --") == []
        await titles(database, "water")
    finally:
        event.remove(engine, "before_cursor_execute", record)
    if database.engine.dialect.name == "sqlite":
        return  # FTS5's table is keyed by date: one plan serves every word
    searches = [(s, p) for s, p in sent if "to_tsquery" in s]
    assert len(searches) == 2, sent
    for statement, params in searches:
        assert "water" in statement and "LIMIT 20" in statement
        assert not params, (statement, params)
