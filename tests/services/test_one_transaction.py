"""An update costs one transaction (ARCHITECTURE.md): a private question, with the admin-dialog
check, the chat remembered, the answer and the follow-up context, all in one, on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import event

from bot.services.inquiry import Inquiry
from bot.services.meetings.follow_up import RENEWED_AFTER
from bot.services.router import respond
from storage.database import Database
from storage.models import Chat
from storage.repositories import chats
from tests.support.factories import BEFORE_SIXTH
from tests.support.runtimes import runtime_at

USER = 4242


@contextmanager
def recorded(database: Database) -> Iterator[list[str]]:
    """The first word of every statement sent, with BEGIN and COMMIT, in order."""
    seen: list[str] = []
    engine = database.engine.sync_engine

    def statement(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        seen.append(sql.split()[0].upper())

    def begin(_conn: object) -> None:
        seen.append("BEGIN")

    def commit(_conn: object) -> None:
        seen.append("COMMIT")

    listeners = (("before_cursor_execute", statement), ("begin", begin), ("commit", commit))
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield seen
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


async def test_a_private_question_is_one_transaction(database: Database) -> None:
    runtime = runtime_at(database, BEFORE_SIXTH)
    question = Inquiry(
        "where was the fifth meeting?",
        chat_id=USER,
        user_id=USER,
        telegram_language="en",
        conversation_id=USER,
    )
    await respond(runtime, question)  # the chat exists from now on, as for any later question

    with recorded(database) as seen:
        reply = await respond(runtime, question)

    assert "Ashgabat" in reply.text
    assert seen.count("BEGIN") == 1 and seen.count("COMMIT") == 1
    assert seen[0] == "BEGIN" and seen[-1] == "COMMIT"
    # The first look (the chat, the dialog check, the context) and the answer's query: the chat
    # and its context are as stored, so nothing is written.
    assert seen[1:-1] == ["SELECT", "SELECT"]


async def test_an_update_writes_only_what_changed(database: Database) -> None:
    """A new chat is written, an unchanged one is not; a context is written when the answer is
    about other meetings, or to renew it after a minute, not for the same answer again."""
    runtime = runtime_at(database, BEFORE_SIXTH)
    fifth = Inquiry("where was the fifth meeting?", chat_id=USER, user_id=USER,
                    telegram_language="en", conversation_id=USER)  # fmt: skip
    sixth = replace(fifth, text="where was the sixth meeting?")

    with recorded(database) as first:
        await respond(runtime, fifth)
    # The first look, the chat inserted, the answer, the context inserted.
    assert first[1:-1] == ["SELECT", "INSERT", "SELECT", "INSERT"]

    with recorded(database) as other:
        await respond(runtime, sixth)
    assert other[1:-1] == ["SELECT", "SELECT", "INSERT"]  # the context names the sixth now

    with recorded(database) as russian:
        await respond(runtime, replace(sixth, telegram_language="ru"))
    assert russian[1:-1] == ["SELECT", "INSERT", "SELECT"]  # the chat's seen language changed

    later = runtime_at(database, BEFORE_SIXTH + RENEWED_AFTER + timedelta(seconds=1))
    with recorded(database) as renewed:
        await respond(later, replace(sixth, telegram_language="ru"))
    assert renewed[1:-1] == ["SELECT", "SELECT", "INSERT"]  # the context renewed


async def test_a_chat_that_blocked_the_bot_is_active_again_when_it_writes(
    database: Database,
) -> None:
    runtime = runtime_at(database, BEFORE_SIXTH)
    question = Inquiry("where was the fifth meeting?", chat_id=USER, user_id=USER,
                       telegram_language="en", conversation_id=USER)  # fmt: skip
    await respond(runtime, question)
    async with database.sessions.begin() as session:
        await chats.deactivate(session, USER, BEFORE_SIXTH)
    await respond(runtime, question)
    async with database.sessions() as session:
        assert (await session.get(Chat, USER)).is_active  # type: ignore[union-attr]
