"""What a fault scenario starts from: chats subscribed to every meeting, and meetings whose
one-minute reminder falls due at a chosen moment, written before the bot process starts."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.services.meeting_writes.changes import add_meeting
from bot.services.runtime import utc_now
from storage.database import open_database, prepare_database
from tests.fakebotapi import FakeUser
from tests.support.subscribers import add_subscribers

FIRST_CHAT = 30_000
# The reminder offset every scenario runs with (BOT_REMINDER_OFFSETS=1m): due a minute before.
OFFSET = timedelta(minutes=1)


def chat_ids(count: int) -> list[int]:
    return list(range(FIRST_CHAT, FIRST_CHAT + count))


def subscriber(chat_id: int) -> FakeUser:
    """The person behind a subscribed private chat (its id is theirs), to send commands."""
    return FakeUser(chat_id, f"Subscriber {chat_id}")


def title(number: int) -> str:
    # Numbered so that no title is a prefix of another ("talks 1" would match "talks 10").
    return f"Water talks No{number:03d}"


@dataclass(frozen=True)
class Due:
    """A seeded meeting: its id, title, and when its reminder is due (time.time() seconds)."""

    meeting_id: int
    title: str
    at: float


async def seed(url: str, chats: int, due_in: list[float], offset: timedelta = OFFSET) -> list[Due]:
    """`chats` chats subscribed to every meeting, and one meeting per entry of `due_in`
    whose reminder (`offset` before it begins: the bots' BOT_REMINDER_OFFSETS) falls due that
    many seconds from now."""
    database = open_database(url)
    try:
        await prepare_database(database)
        long_ago = utc_now() - timedelta(hours=1)
        async with database.sessions.begin() as session:
            await add_subscribers(session, chat_ids(chats), long_ago)
        due: list[Due] = []
        now = time.time()
        for number, seconds in enumerate(due_in, start=1):
            starts_at = datetime.fromtimestamp(now + seconds, UTC) + offset
            values = {"title_en": title(number), "starts_at": starts_at, "time_known": True,
                      "time_zone": "Asia/Almaty", "city_en": "Almaty"}  # fmt: skip
            async with database.sessions.begin() as session:
                meeting = await add_meeting(session, None, values, long_ago)
            due.append(Due(meeting.id, title(number), now + seconds))
        return due
    finally:
        await database.dispose()
