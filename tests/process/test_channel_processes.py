"""A linked channel with two real `unrcca-bot run` processes on one PostgreSQL database: each
change to a meeting is posted once and edits the one original post, also when the process that
was sending stops and the other takes over."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meeting_writes.changes import (
    add_meeting,
    cancel_meeting,
    edit_meeting,
    restore_meeting,
)
from bot.services.runtime import utc_now
from storage.database import Database, open_database, prepare_database
from storage.repositories import channels, chats
from tests.fakebotapi import FakeBotApi
from tests.fakebotapi.store import Json
from tests.support.polling import wait_until
from tests.support.processes import start_bot, stop
from tests.support.runtimes import runtime_at

CHANNEL = -1002600
SETTINGS = {"BOT_REMINDER_SWEEP_SECONDS": "1", "BOT_LOG_LEVEL": "INFO"}
MEETING = {"title_en": "Border talks", "time_zone": "Asia/Almaty", "city_en": "Almaty",
           "time_known": True}  # fmt: skip


async def link_channel(database: Database) -> None:
    """The channel as /channel links it (tests/e2e/test_channels.py links it by the command)."""
    await prepare_database(database)
    now = utc_now()
    async with database.sessions.begin() as session:
        await chats.remember(session, CHANNEL, "channel", now)
        values = {"chat_id": CHANNEL, "title": "UNRCCA news", "username": "unrcca_news"}
        await channels.save_link(session, {**values, "language": "en", "linked_at": now})


async def changed(database: Database, run: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
    """A change made by an admin elsewhere (through the change hooks, as the bot makes it)."""
    async with runtime_at(database).transaction() as session:
        return await run(session)


def channel_sent(api: FakeBotApi, method: str) -> list[Json]:
    return [s for s in api.sent if s["chat_id"] == CHANNEL and s["method"] == method]


async def posted(api: FakeBotApi, count: int) -> None:
    assert await wait_until(lambda: len(channel_sent(api, "sendMessage")) >= count, 60, 0.3)


@pytest.mark.postgres
async def test_two_processes_post_each_change_to_the_channel_once(
    postgres_url: str, tmp_path: Path
) -> None:
    database = open_database(postgres_url)
    await link_channel(database)
    async with FakeBotApi() as api:
        api.add_channel(CHANNEL, "unrcca_news", "UNRCCA news")
        first = await start_bot(
            api, tmp_path, database_url=postgres_url, log_name="a.log", **SETTINGS
        )
        second = await start_bot(
            api, tmp_path, database_url=postgres_url, log_name="b.log", **SETTINGS
        )
        try:
            values = {**MEETING, "starts_at": utc_now() + timedelta(days=3)}
            meeting = await changed(database, lambda s: add_meeting(s, None, values, utc_now()))
            await posted(api, 1)
            await changed(
                database,
                lambda s: edit_meeting(s, None, meeting.id, {"venue_en": "Rixos"}, utc_now()),
            )
            await posted(api, 2)
            # The sender stops; the other process takes the lead and goes on.
            assert await stop(first) == 0
            await changed(database, lambda s: cancel_meeting(s, None, meeting.id, "", utc_now()))
            await posted(api, 3)
            await changed(database, lambda s: restore_meeting(s, None, meeting.id, utc_now()))
            await posted(api, 4)
            await asyncio.sleep(3)
        finally:
            await stop(first)
            assert await stop(second) == 0
            await database.dispose()
    sends = channel_sent(api, "sendMessage")
    edits = channel_sent(api, "editMessageText")
    assert len(sends) == 4, [s["text"] for s in sends]
    original = sends[0]["message_id"]
    assert [s["message"]["reply_to_message"]["message_id"] for s in sends[1:]] == [original] * 3
    assert len(edits) == 3 and {e["message_id"] for e in edits} == {original}
    assert "Cancelled" in sends[2]["text"] and "Rixos" in sends[1]["text"]
