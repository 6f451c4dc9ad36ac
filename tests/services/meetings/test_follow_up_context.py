"""Follow-up context lives in the database: any process reads it, and it expires."""

from __future__ import annotations

from datetime import timedelta

from bot.formatting.plain import html_to_text
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.services.runtime import Runtime
from storage.database import Database, open_database
from tests.support.runtimes import runtime_at
from tests.support.store import NOW

CHAT = 4242


async def ask(runtime: Runtime, text: str, replied: str | None = None) -> str:
    inquiry = Inquiry(text=text, chat_id=CHAT, conversation_id=CHAT, replied_text=replied)
    return html_to_text((await respond(runtime, inquiry)).text)


async def test_another_process_answers_the_follow_up(
    database: Database, database_url: str
) -> None:
    first = runtime_at(database, NOW)
    assert "Ashgabat" in await ask(first, "where was the fifth meeting?")
    other = open_database(database_url)  # a second replica, with its own engine
    try:
        later = runtime_at(other, NOW + timedelta(minutes=29))
        assert "28 November 2014" in await ask(later, "and when was it?")
    finally:
        await other.dispose()


async def test_context_expires_after_half_an_hour(database: Database) -> None:
    assert "Ashgabat" in await ask(runtime_at(database, NOW), "where was the fifth?")
    late = runtime_at(database, NOW + timedelta(minutes=31))
    answer = await ask(late, "and the one before?")
    assert answer.startswith("Which meeting do you mean?")


async def test_a_reply_names_its_meeting_even_after_the_context_expired(
    database: Database,
) -> None:
    late = runtime_at(database, NOW + timedelta(days=2))
    answer = await ask(late, "what was discussed there?", replied="… Ashgabat /event_1")
    assert "Afghanistan" in answer


async def test_a_question_naming_its_meeting_ignores_the_context(database: Database) -> None:
    runtime = runtime_at(database, NOW)
    assert "Ashgabat" in await ask(runtime, "where was the fifth meeting?")
    assert "Dushanbe" in await ask(runtime, "and where was the sixth?")
