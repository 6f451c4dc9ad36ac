"""The full-text index of documents' passages (migration 0019 makes it): the best passages for
some words, by the database's own ranking.

SQLite: the FTS5 table `passage_words` over `document_passages.words`, kept by triggers, with the
porter stemmer for English, ranked by bm25. PostgreSQL: a GIN index on the `english` and
`russian` tsvectors of the same column, ranked by ts_rank. Russian words come as dictionary forms
from the caller, in the passages and in the question alike, so every form of a word matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Float,
    MetaData,
    Select,
    Table,
    Text,
    func,
    select,
)
from sqlalchemy import literal_column as sql

from storage.models import Document, Passage

OBJECTS = frozenset(
    {"passage_words", "passage_words_data", "passage_words_idx", "passage_words_docsize",
     "passage_words_config", "ix_passages_words"}
)  # fmt: skip
# As in migration 0019.
POSTGRESQL_DOCUMENT = (
    "(to_tsvector('english'::regconfig, document_passages.words) || "
    "to_tsvector('russian'::regconfig, document_passages.words))"
)
_TOKEN = re.compile(r"[^\W_]+")
# About three lines of a phone's screen: a quote reads as a quote, not as a page.
PASSAGE_LENGTH = 320
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+(?=[«\"'(\[A-ZА-ЯЁ0-9])")
_words = Table(
    "passage_words",
    MetaData(),
    Column("rowid", BigInteger),
    Column("passage_words", Text),
    Column("rank", Float),
)


def chunks(page: str) -> list[str]:
    """A page's text as passages: whole sentences, a few at a time, never across a paragraph,
    so that a quote is short and names its page."""
    found: list[str] = []
    for paragraph in _PARAGRAPH.split(page):
        current = ""
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            if current and len(current) + len(sentence) >= PASSAGE_LENGTH:
                found.append(current)
                current = ""
            current = f"{current} {sentence}".strip()
        if current:
            found.append(current)
    return found


def plain_words(text: str) -> str:
    """`document_passages.words` for a text with no Russian words (those the caller gives as
    their dictionary forms): its words, lower-cased."""
    return " ".join(_TOKEN.findall(text.casefold()))


def best(
    dialect: str, words: Sequence[str], meeting_ids: Sequence[int] | None, limit: int
) -> Select[Any] | None:
    """Passages of documents still attached (to one of `meeting_ids`, or to any meeting) that
    hold any of `words`, best first; None when no word holds a letter or digit."""
    tokens = list(dict.fromkeys(t for w in words for t in _TOKEN.findall(w.casefold())))
    if not tokens:
        return None
    # Passages with their documents: one row answers a quote.
    query = cast(Select[Any], select(Passage, Document))
    query = query.join(Document, Document.id == Passage.document_id)
    query = query.where(Document.removed_at.is_(None))
    if meeting_ids is not None:
        query = query.where(Document.meeting_id.in_(meeting_ids))
    if dialect == "postgresql":
        either = " | ".join(tokens)
        wanted = func.to_tsquery(sql("'english'::regconfig"), either).op("||")(
            func.to_tsquery(sql("'russian'::regconfig"), either)
        )
        vector: ColumnElement[Any] = sql(POSTGRESQL_DOCUMENT)
        return (
            query.where(vector.op("@@")(wanted))
            .order_by(func.ts_rank(vector, wanted).desc(), Passage.id)
            .limit(limit)
        )
    match = " OR ".join(f'"{token}"' for token in tokens)
    return (
        query.join(_words, _words.c.rowid == Passage.id)
        .where(_words.c.passage_words.op("MATCH")(match))
        .order_by(_words.c.rank, Passage.id)
        .limit(limit)
    )
