"""The full-text index of documents' passages (storage/passages.py) on SQLite and PostgreSQL:
it follows every write, ranks the passage holding more of the words first, matches English word
forms through the engines' stemmers and Russian ones through the dictionary forms the bot stores,
and leaves out removed documents and other meetings."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, update

from bot.services.documents.words import index_text
from storage.database import Database
from storage.models import Document, Passage
from storage.repositories import documents
from tests.support.factories import meeting

START = datetime(2030, 1, 7, 6, tzinfo=UTC)
WATER_RU = "Стороны договорились о совместном использовании водных ресурсов региона."
WATER_EN = "The parties agreed on the joint use of the region's water resources."
BORDER_EN = "Participants discussed border security and the situation in Afghanistan."


async def _attach(database: Database, meeting_id: int, language: str, *texts: str) -> int:
    async with database.sessions.begin() as session:
        document = Document(
            meeting_id=meeting_id, kind="outcome", language=language, title="Joint statement",
            has_text=True, added_at=START,
        )  # fmt: skip
        passages = [
            Passage(page=1, position=n, text=text, words=index_text(text))
            for n, text in enumerate(texts)
        ]
        await documents.add_with_passages(session, document, passages)
        return document.id


async def _meeting(database: Database, number: int) -> int:
    async with database.sessions.begin() as session:
        added = meeting(number, START)
        session.add(added)
        await session.flush()
        return added.id


async def found(
    database: Database, question: str, meeting_ids: list[int] | None = None
) -> list[str]:
    async with database.sessions() as session:
        hits = await documents.search(session, index_text(question).split(), meeting_ids, 10)
    return [hit.passage.text for hit in hits]


async def test_russian_word_forms_find_each_other(database: Database) -> None:
    meeting_id = await _meeting(database, 1)
    await _attach(database, meeting_id, "ru", WATER_RU)
    # «водные ресурсы» (nominative) finds «водных ресурсов» (genitive), and the reverse.
    assert await found(database, "водные ресурсы") == [WATER_RU]
    assert await found(database, "о водных ресурсах") == [WATER_RU]
    assert await found(database, "договорённость") == []


async def test_english_word_forms_and_the_better_passage_first(database: Database) -> None:
    meeting_id = await _meeting(database, 1)
    await _attach(database, meeting_id, "en", BORDER_EN, WATER_EN)
    assert (await found(database, "what did they agree on water resources?", [meeting_id]))[
        0
    ] == WATER_EN
    assert await found(database, "agreement on water", [meeting_id]) == [WATER_EN]
    assert await found(database, "discussing Afghanistan", [meeting_id]) == [BORDER_EN]
    assert await found(database, "zanzibar", [meeting_id]) == []
    assert await found(database, "%", [meeting_id]) == []


async def test_the_index_follows_changes_and_removals(database: Database) -> None:
    first, second = await _meeting(database, 1), await _meeting(database, 2)
    document_id = await _attach(database, first, "en", WATER_EN)
    await _attach(database, second, "en", BORDER_EN)
    assert await found(database, "water", [second]) == []
    assert await found(database, "water", [first]) == [WATER_EN]
    async with database.sessions.begin() as session:
        changed = update(Passage).where(Passage.document_id == document_id)
        await session.execute(changed.values(text="Energy.", words=index_text("Energy.")))
    assert await found(database, "water") == []
    assert await found(database, "energy") == ["Energy."]
    async with database.sessions.begin() as session:
        removed = update(Document).where(Document.id == document_id)
        await session.execute(removed.values(removed_at=START))
    assert await found(database, "energy") == []
    async with database.sessions.begin() as session:
        await session.execute(delete(Document))
    assert await found(database, "border") == []
