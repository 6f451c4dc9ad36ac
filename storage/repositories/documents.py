"""Documents attached to meetings and their passages: queries only; the caller commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import passages
from storage.models import Document, Passage


@dataclass(frozen=True)
class Found:
    passage: Passage
    document: Document


async def add_with_passages(
    session: AsyncSession, document: Document, texts: Sequence[Passage]
) -> Document:
    document.passages = list(texts)
    session.add(document)
    await session.flush()
    return document


async def get(session: AsyncSession, document_id: int) -> Document | None:
    return await session.get(Document, document_id)


async def of_meeting(session: AsyncSession, meeting_id: int) -> Sequence[Document]:
    """The meeting's documents still attached, in the order they were attached."""
    query = (
        select(Document)
        .where(Document.meeting_id == meeting_id, Document.removed_at.is_(None))
        .order_by(Document.id)
    )
    return (await session.scalars(query)).all()


async def same_place(
    session: AsyncSession, meeting_id: int, kind: str, language: str
) -> Document | None:
    """The attached document a new one of this kind and language replaces."""
    query = select(Document).where(
        Document.meeting_id == meeting_id,
        Document.kind == kind,
        Document.language == language,
        Document.removed_at.is_(None),
    )
    return (await session.scalars(query.order_by(Document.id.desc()).limit(1))).first()


async def search(
    session: AsyncSession, words: Sequence[str], meeting_ids: Sequence[int] | None, limit: int
) -> list[Found]:
    query = passages.best(session.get_bind().dialect.name, words, meeting_ids, limit)
    if query is None:
        return []
    rows = (await session.execute(query)).all()
    return [Found(row[0], row[1]) for row in rows]


async def passages_of(session: AsyncSession, document_id: int, limit: int) -> Sequence[Passage]:
    query = (
        select(Passage)
        .where(Passage.document_id == document_id)
        .order_by(Passage.position)
        .limit(limit)
    )
    return (await session.scalars(query)).all()


async def links(session: AsyncSession) -> dict[int, list[str]]:
    """The links of the documents still attached, by meeting (for calendars' ATTACH)."""
    query = (
        select(Document.meeting_id, Document.url)
        .where(Document.url.is_not(None), Document.removed_at.is_(None))
        .order_by(Document.meeting_id, Document.id)
    )
    found: dict[int, list[str]] = {}
    for meeting_id, url in (await session.execute(query)).all():
        found.setdefault(meeting_id, []).append(str(url))
    return found
