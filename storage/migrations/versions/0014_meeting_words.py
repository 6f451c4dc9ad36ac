"""the full-text index of meetings (titles, places and summaries in both languages), for /search
and questions naming a meeting by its subject: SQLite's FTS5 table `meeting_words`, keyed by
date and kept by triggers; on PostgreSQL a GIN index on the weighted tsvector of the columns

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 20:30:00

A later SQLite migration that rebuilds `meetings` (batch mode) drops the triggers with the old
table: it must create them again (`tests/storage/test_full_text.py` fails until it does).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "title_en, title_ru, city_en, city_ru, country_en, country_ru, summary_en, summary_ru"
NEW = ", ".join(f"new.{column}" for column in COLUMNS.split(", "))
OLD = ", ".join(f"old.{column}" for column in COLUMNS.split(", "))
# Subject words (titles, summaries) weigh A, places B: a subject question asks for A only.
DOCUMENT = (
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_en, '') || ' ' || "
    "coalesce(title_ru, '') || ' ' || coalesce(summary_en, '') || ' ' || "
    "coalesce(summary_ru, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(city_en, '') || ' ' || "
    "coalesce(city_ru, '') || ' ' || coalesce(country_en, '') || ' ' || "
    "coalesce(country_ru, '')), 'B')"
)


def key(row: str) -> str:
    """The row's place in date order (storage/full_text.py): its start in seconds, then its id."""
    return f"CAST(strftime('%s', {row}.starts_at) AS INTEGER) * 16777216 + {row}.id"


# Contentless: the table holds only the words, under the key, so that FTS5 reads matches in
# date order and stops at a query's limit.
SQLITE_UP = (
    f"CREATE VIRTUAL TABLE meeting_words USING fts5({COLUMNS}, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER meeting_words_insert AFTER INSERT ON meetings BEGIN "
    f"INSERT INTO meeting_words(rowid, {COLUMNS}) VALUES ({key('new')}, {NEW}); END",
    f"CREATE TRIGGER meeting_words_delete AFTER DELETE ON meetings BEGIN "
    f"INSERT INTO meeting_words(meeting_words, rowid, {COLUMNS}) "
    f"VALUES ('delete', {key('old')}, {OLD}); END",
    f"CREATE TRIGGER meeting_words_update AFTER UPDATE ON meetings BEGIN "
    f"INSERT INTO meeting_words(meeting_words, rowid, {COLUMNS}) "
    f"VALUES ('delete', {key('old')}, {OLD}); "
    f"INSERT INTO meeting_words(rowid, {COLUMNS}) VALUES ({key('new')}, {NEW}); END",
    f"INSERT INTO meeting_words(rowid, {COLUMNS}) "
    f"SELECT {key('meetings')}, {COLUMNS} FROM meetings",
)
SQLITE_DOWN = (
    "DROP TRIGGER meeting_words_update",
    "DROP TRIGGER meeting_words_delete",
    "DROP TRIGGER meeting_words_insert",
    "DROP TABLE meeting_words",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_meetings_words ON meetings USING gin (({DOCUMENT}))")
        return
    for statement in SQLITE_UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_meetings_words")
        return
    for statement in SQLITE_DOWN:
        op.execute(statement)
