"""Documents and outcomes through the running bot (issue 23): an admin attaches a PDF made here
to a meeting; its card lists it and its button sends the same file back; questions are answered
by quoting the sentence with its page, in English and in Russian; an outcome reaches each
follower once, and not again after a restart; bad files and links are refused, nothing stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.feed import FeedCache
from storage.database import Database, open_database
from storage.models import Document, Meeting, Notice
from tests.e2e.conftest import Clock, running_bot
from tests.e2e.users import DILNOZA, TOM, ask, buttons
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.updates import incoming_message, private_chat_json
from tests.support.documents import docx_file, encrypted_pdf, pdf, scanned_pdf
from tests.support.subscribers import add_subscribers

NOW = datetime(2026, 11, 29, 9, tzinfo=UTC)
ADMIN = FakeUser(1001, "Aida", language_code="en")
FOLLOWERS = (3001, 3002)
WATER_EN = "The parties agreed to cooperate on the joint use of water resources."
WATER_RU = "Стороны договорились о совместном использовании водных ресурсов."
STATEMENT_EN = pdf("Joint statement\nDushanbe, 27 November 2015", f"Preamble.\n\n{WATER_EN}")
STATEMENT_RU = pdf("Совместное заявление\nДушанбе, 27 ноября 2015 г.", f"Преамбула.\n\n{WATER_RU}")
# A reply comes once the file was read in a child process, whose start alone takes seconds on a
# loaded machine: a loose bound on a wait, not a speed goal.
READ_WAIT = 60.0


@pytest.fixture
def clock() -> Clock:
    return lambda: NOW


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({ADMIN.id})


async def sixth_meeting(database: Database) -> int:
    async with database.sessions() as session:
        found = await session.scalar(select(Meeting.id).where(Meeting.ordinal == 6))
    assert found is not None
    return found


async def attach(api: FakeBotApi, name: str, content: bytes, caption: str) -> dict[str, Any]:
    api.send_document(ADMIN, name, content, caption=caption)
    return await api.wait_for_message(chat_id=ADMIN.id, timeout=READ_WAIT)


async def document_count(database: Database) -> int:
    async with database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Document)) or 0)


async def test_an_attached_pdf_is_listed_sent_back_and_quoted(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    sixth = await sixth_meeting(bot_database)
    before = await document_count(bot_database)
    reply = await attach(bot_api, "joint-statement.pdf", STATEMENT_EN, f"/attach {sixth} outcome")
    assert reply["text"].startswith("Attached document"), reply["text"]
    assert "joint-statement" in reply["text"] and "English" not in reply["text"]
    reply = await attach(bot_api, "zayavlenie.pdf", STATEMENT_RU, f"/attach {sixth} outcome ru")
    assert reply["text"].startswith("Attached document"), reply["text"]
    assert await document_count(bot_database) == before + 2

    card = await ask(bot_api, TOM, "event", str(sixth))
    assert "joint-statement — outcome document, EN" in card["text"]
    pressed = [data for data in buttons(card) if data.startswith("doc:")]
    assert len(pressed) >= 2
    bot_api.press_button(TOM, card["message"], pressed[-2])
    sent = await bot_api.wait_for_message(chat_id=TOM.id)
    original = next(s for s in bot_api._state.files._by_id.values() if s.content == STATEMENT_EN)
    assert sent["method"] == "sendDocument"
    assert sent["message"]["document"]["file_id"] == original.file_id

    bot_api.send_text(TOM, "What did the sixth meeting agree on water resources?")
    answer = await bot_api.wait_for_message(chat_id=TOM.id)
    # Quoted as written (with the short sentence before it on the page).
    assert f"{WATER_EN}»" in answer["text"]
    assert "page 2" in answer["text"]
    assert any(data.startswith("doc:") for data in buttons(answer))

    bot_api.send_text(DILNOZA, "Что говорится в заявлении о водных ресурсах?")
    answer = await bot_api.wait_for_message(chat_id=DILNOZA.id)
    assert f"{WATER_RU}»" in answer["text"]
    assert "стр. 2" in answer["text"]


async def test_a_question_no_passage_answers_is_told_so(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    sixth = await sixth_meeting(bot_database)
    await attach(bot_api, "joint-statement.pdf", STATEMENT_EN, f"/attach {sixth} outcome")
    bot_api.send_text(TOM, "What did the sixth meeting agree on fisheries quotas?")
    answer = await bot_api.wait_for_message(chat_id=TOM.id)
    assert "No passage of the documents of" in answer["text"]
    assert "From the documents" not in answer["text"]


async def test_a_russian_reader_is_told_when_only_english_exists(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    sixth = await sixth_meeting(bot_database)
    await attach(bot_api, "joint-statement.pdf", STATEMENT_EN, f"/attach {sixth} outcome")
    card = await ask(bot_api, DILNOZA, "documents", str(sixth))
    assert "joint-statement" in card["text"]
    bot_api.send_text(DILNOZA, "What did the sixth meeting agree on water resources?")
    answer = await bot_api.wait_for_message(chat_id=DILNOZA.id)
    assert WATER_EN in answer["text"]


BAD_FILES = [
    ("fake.pdf", b"Just some text, not a PDF at all.", "is named .pdf but is not a PDF"),
    ("locked.pdf", encrypted_pdf(), "is encrypted"),
    ("empty.pdf", b"", "is empty (0 bytes)"),
    ("picture.png", b"\x89PNG\r\n", "PDF, DOCX and text (.txt) files only"),
]


@pytest.mark.parametrize(("name", "content", "problem"), BAD_FILES)
async def test_a_bad_file_is_refused_with_the_problem_named(
    bot_api: FakeBotApi, bot_database: Database, name: str, content: bytes, problem: str
) -> None:
    before = await document_count(bot_database)
    reply = await attach(bot_api, name, content, "/attach 1 agenda")
    assert problem in reply["text"]
    assert "Nothing was attached" in reply["text"]
    assert await document_count(bot_database) == before


async def test_a_file_over_the_download_limit_is_refused_before_downloading(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    before = await document_count(bot_database)
    file_id = bot_api.add_file(b"%PDF-1.4", "huge.pdf")
    document = {"file_id": file_id, "file_unique_id": "huge", "file_name": "huge.pdf",
                "mime_type": "application/pdf", "file_size": 21 * 1024 * 1024}  # fmt: skip
    message = incoming_message(
        900, ADMIN, private_chat_json(ADMIN), document=document, caption="/attach 1 agenda"
    )
    bot_api.push_update({"message": message})
    reply = await bot_api.wait_for_message(chat_id=ADMIN.id)
    assert "larger than 20 MB" in reply["text"]
    assert [c for c in bot_api.requests if c.method == "getFile"] == []
    assert await document_count(bot_database) == before


@pytest.mark.parametrize(
    "link", ["ftp://example.org/a.pdf", "javascript:alert(1)", "file:///etc/passwd"]
)
async def test_a_link_that_is_not_http_is_refused(
    bot_api: FakeBotApi, bot_database: Database, link: str
) -> None:
    before = await document_count(bot_database)
    reply = await ask(bot_api, ADMIN, "attach", f"1 agenda {link}")
    assert "must start with http:// or https://" in reply["text"]
    assert await document_count(bot_database) == before
    reply = await ask(bot_api, ADMIN, "attach", "1 agenda https://example.org/agenda.pdf")
    assert reply["text"].startswith("Attached document")


async def test_a_scan_and_a_docx_are_kept_and_documents_removed_come_back(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    reply = await attach(bot_api, "scan.pdf", scanned_pdf(), "/attach 1 participants")
    assert "no readable text" in reply["text"]
    reply = await attach(
        bot_api, "note.docx", docx_file("Concept.", WATER_EN), "/attach 1 concept"
    )
    assert reply["text"].startswith("Attached document")
    async with bot_database.sessions() as session:
        note = await session.scalar(select(Document).where(Document.kind == "concept"))
    assert note is not None and note.has_text
    removed = await ask(bot_api, ADMIN, "removedoc", str(note.id))
    assert f"/restoredoc {note.id} brings it back" in removed["text"]
    listed = await ask(bot_api, TOM, "documents", "1")
    assert "note" not in listed["text"]
    await ask(bot_api, ADMIN, "restoredoc", str(note.id))
    listed = await ask(bot_api, TOM, "documents", "1")
    assert "note — concept note, EN" in listed["text"]
    audit = await ask(bot_api, ADMIN, "audit")
    assert "document removed" in audit["text"] and "document restored" in audit["text"]


async def test_an_outcome_reaches_each_follower_once_even_after_a_restart(
    database_url: str,
) -> None:
    settings = {"reminder_sweep_seconds": 1}
    async with FakeBotApi() as api:
        async with running_bot(api, database_url, lambda: NOW, frozenset({ADMIN.id}), **settings):
            database = open_database(database_url)
            async with database.sessions.begin() as session:
                await add_subscribers(session, FOLLOWERS, NOW)
            sixth = await sixth_meeting(database)
            reply = await attach(api, "statement.pdf", STATEMENT_EN, f"/attach {sixth} outcome")
            document_id = int(reply["text"].split()[2].rstrip(","))
            published = await ask(api, ADMIN, "publish", str(document_id))
            assert f"Published document {document_id}" in published["text"]
            for chat_id in FOLLOWERS:
                outcome = await api.wait_for_message(chat_id=chat_id)
                assert outcome["text"].startswith("📣 <b>Outcome of")
                assert buttons(outcome) == [f"doc:{document_id}"]
            again = await ask(api, ADMIN, "publish", str(document_id))
            assert "published already" in again["text"]
        async with running_bot(api, database_url, lambda: NOW, frozenset({ADMIN.id}), **settings):
            await ask(api, TOM, "start")  # the restarted bot answers: its first sweep is done
            await api.wait_for_request("getUpdates")
        sent = [s for s in api.sent if s["chat_id"] in FOLLOWERS]
        assert len(sent) == len(FOLLOWERS)
        async with database.sessions() as session:
            statuses = (await session.scalars(select(Notice.status))).all()
        assert sorted(statuses) == ["sent", "sent"]
        await database.dispose()


async def test_the_feed_follows_a_link_attached_removed_and_restored(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    cache = FeedCache()  # as /calendar.ics serves it: rebuilt when the schedule's version moves
    link = "https://example.org/agenda-feed.pdf"
    assert link.encode() not in (await cache.feed(bot_database, "en")).content
    await ask(bot_api, ADMIN, "attach", f"1 agenda {link}")
    assert link.encode() in (await cache.feed(bot_database, "en")).content
    async with bot_database.sessions() as session:
        document_id = await session.scalar(select(Document.id).where(Document.url == link))
    await ask(bot_api, ADMIN, "removedoc", str(document_id))
    assert link.encode() not in (await cache.feed(bot_database, "en")).content
    await ask(bot_api, ADMIN, "restoredoc", str(document_id))
    assert link.encode() in (await cache.feed(bot_database, "en")).content
