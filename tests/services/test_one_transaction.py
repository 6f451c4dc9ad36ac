"""An update costs one transaction (ARCHITECTURE.md): a private question, with the admin-dialog
check, the chat remembered, the answer and the follow-up context, all in one, on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from bot.services.inquiry import Inquiry
from bot.services.router import respond
from storage.database import Database
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
    # The dialog check, the chat upserted, the answer's query, the follow-up context saved.
    assert seen[1:-1] == ["SELECT", "INSERT", "SELECT", "INSERT"]
