"""The full-text index of meetings: every word of their titles, places and summaries, in both
languages, found by its first letters (migration 0014 makes it).

SQLite: the FTS5 table `meeting_words`, kept by triggers on `meetings`, so every way a meeting is
written (the bot, an import, a bulk insert) keeps it current. Its rows are keyed by date (the
start in seconds times KEY_IDS, plus the meeting id), so FTS5 hands the matches over newest
first and stops at the limit: the newest ten of 10,000 matches cost what the newest ten of ten
do. PostgreSQL: a GIN index on the weighted tsvector of the same columns, with the `simple`
configuration (words as written, lower case).

Word forms are the caller's: it asks for the first letters every form of a word shares (the
stem), which both engines match the same way, so both databases give the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    bindparam,
    func,
    select,
)
from sqlalchemy import literal_column as sql

from storage import passages
from storage.models import Meeting

# The index's own objects, which the models do not declare (alembic's comparison skips them).
OBJECTS = frozenset(
    {"meeting_words", "meeting_words_data", "meeting_words_idx", "meeting_words_docsize",
     "meeting_words_config", "meeting_words_content", "ix_meetings_words"}
)  # fmt: skip
# A key holds the meeting id below this (2**24: sixteen million meetings).
KEY_IDS = 16_777_216
SUBJECT_COLUMNS = "{title_en title_ru summary_en summary_ru}"
# As in migration 0014: the planner uses the index only for this very expression.
POSTGRESQL_DOCUMENT = (
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_en, '') || ' ' || "
    "coalesce(title_ru, '') || ' ' || coalesce(summary_en, '') || ' ' || "
    "coalesce(summary_ru, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(city_en, '') || ' ' || "
    "coalesce(city_ru, '') || ' ' || coalesce(country_en, '') || ' ' || "
    "coalesce(country_ru, '')), 'B')"
)
_TOKEN = re.compile(r"[^\W_]+")
_words = Table(
    "meeting_words", MetaData(), Column("rowid", BigInteger), Column("meeting_words", Text)
)


def newest(
    dialect: str, prefixes: Sequence[str], limit: int, subject_only: bool = False
) -> Select[Any] | None:
    """The ids of up to `limit` meetings, newest first, in which every prefix begins a word (in
    any case) of the title, city, country or summary (with `subject_only`: title or summary);
    None when no prefix holds a letter or digit, which nothing matches."""
    tokens = [found for prefix in prefixes if (found := _TOKEN.findall(prefix.casefold()))]
    if not tokens:
        return None
    if dialect == "postgresql":
        weight = "A" if subject_only else ""
        query = " & ".join(f"{token}:*{weight}" for words in tokens for token in words)
        # The words and the limit are written into the statement, not bound: after five runs of
        # a prepared statement PostgreSQL may take a generic plan, which sees neither, assumes
        # that 2% of rows match and that few are wanted, and reads every meeting in date order
        # to find a rare word (70 ms at 10,000 rather than 2). The tokens are letters and
        # digits only, and SQLAlchemy quotes the literal all the same.
        words = bindparam("words", query, type_=Text, literal_execute=True)
        wanted = func.to_tsquery(sql("'simple'::regconfig"), words)
        return (
            select(Meeting.id)
            .where(sql(POSTGRESQL_DOCUMENT).op("@@")(wanted))
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
            .limit(bindparam("limit", limit, type_=Integer, literal_execute=True))
        )
    columns = f"{SUBJECT_COLUMNS} : " if subject_only else ""
    query = " ".join(f'{columns}"{" ".join(words)}"*' for words in tokens)
    return (
        select(_words.c.rowid)
        .where(_words.c.meeting_words.op("MATCH")(query))
        .order_by(_words.c.rowid.desc())
        .limit(limit)
    )


def meeting_id(found: int, dialect: str) -> int:
    """A meeting id from what `newest` returned: on SQLite, the key's lower bits."""
    return found if dialect == "postgresql" else found % KEY_IDS


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """For alembic's comparison of models and schema: everything but the index's own objects."""
    return name not in OBJECTS and name not in passages.OBJECTS
