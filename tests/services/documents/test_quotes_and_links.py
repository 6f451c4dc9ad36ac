"""Answers that quote the bundled source article, the file a document's button sends, and the
links of documents in the calendar export (ATTACH), on SQLite and PostgreSQL."""

from __future__ import annotations

from icalendar import Calendar
from sqlalchemy import select

from bot.feed import build_feed
from bot.services.calendars.export import whole_calendar
from bot.services.documents.history import described
from storage.database import Database
from storage.models import Document
from storage.repositories import documents, meetings
from tests.support.commands import button_data, press, say
from tests.support.factories import BEFORE_SIXTH

FIFTH_ID = 1
SOURCE = "Asia-Plus, Dushanbe, 23 November 2015"


async def test_what_the_fifth_meeting_discussed_is_quoted_from_the_source_article(
    database: Database,
) -> None:
    reply = await say(database, "What did the fifth meeting discuss?")
    assert "<b>From the documents:</b>" in reply.text
    assert (
        "«The purpose of the event was to discuss ways in which UNRCCA could assist" in reply.text
    )
    assert f"— <i>{SOURCE}</i> (Fifth annual Meeting" in reply.text
    fetch = [data for data in button_data(reply) if data.startswith("doc:")]
    assert len(fetch) == 1
    # A document with no Telegram file (the bundled article) answers with its name only.
    sent = await press(database, fetch[0])
    assert sent.file_id is None and SOURCE in sent.text


async def test_a_russian_reader_is_quoted_the_english_article_and_told_so(
    database: Database,
) -> None:
    reply = await say(database, "О чём говорили на пятой встрече?", language="ru")
    assert "(Этот документ есть только на английском языке.)" in reply.text
    assert "discuss" in reply.text
    # The meetings' own answer comes first, unchanged.
    assert "безопасности" in reply.text


async def test_a_subject_no_passage_holds_is_said_to_be_unanswered(database: Database) -> None:
    reply = await say(database, "What did the fifth meeting agree on fisheries quotas?")
    assert "No passage of the documents of <b>Fifth annual Meeting" in reply.text
    assert "«" not in reply.text


async def test_a_yes_no_question_is_left_to_the_meetings_answer(database: Database) -> None:
    reply = await say(database, "Did the fifth meeting discuss security?")
    assert reply.text.startswith("<b>Yes.</b>")
    assert "From the documents" not in reply.text


async def test_a_document_button_sends_the_file_again_by_its_id(database: Database) -> None:
    async with database.sessions.begin() as session:
        document = Document(
            meeting_id=FIFTH_ID, kind="agenda", language="en", title="Agenda",
            file_id="BQACAgIAAx0", has_text=False, added_at=BEFORE_SIXTH,
        )  # fmt: skip
        await documents.add_with_passages(session, document, [])
    reply = await press(database, f"doc:{document.id}")
    assert reply.file_id == "BQACAgIAAx0"
    async with database.sessions.begin() as session:
        stored = await session.get(Document, document.id)
        assert stored is not None
        stored.removed_at = BEFORE_SIXTH
    assert (await press(database, f"doc:{document.id}")).notice is not None
    assert described(document) == f"#{document.id} Agenda (agenda, en)"


async def test_the_export_carries_each_link_as_an_attach(database: Database) -> None:
    async with database.sessions.begin() as session:
        linked = Document(
            meeting_id=FIFTH_ID, kind="agenda", language="en", title="agenda.pdf",
            url="https://example.org/agenda.pdf", has_text=False, added_at=BEFORE_SIXTH,
        )  # fmt: skip
        session.add(linked)
    async with database.sessions() as session:
        exported = await whole_calendar(session, BEFORE_SIXTH)
        uid = await session.scalar(select(Document.meeting_id).where(Document.url.is_not(None)))
    assert uid == FIFTH_ID
    async with database.sessions() as session:
        version = await meetings.schedule_version(session)
    served = await build_feed(database, "en", version)  # the feed at /calendar.ics
    for content in (exported.content, served.content):
        events = Calendar.from_ical(content).walk("VEVENT")
        attached = [str(event.get("attach")) for event in events if event.get("attach")]
        assert attached == ["https://example.org/agenda.pdf"]
