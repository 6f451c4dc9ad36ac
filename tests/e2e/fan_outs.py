"""What the fan-out e2e tests share: subscribed chats, a meeting whose one-minute reminder falls
due when asked, and the reminders the fake Bot API received."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.services.meeting_writes.changes import add_meeting
from bot.services.runtime import utc_now
from storage.database import Database
from tests.fakebotapi import FakeBotApi
from tests.fakebotapi.store import Json
from tests.support.subscribers import add_subscribers


async def subscribe_chats(database: Database, chat_ids: list[int]) -> None:
    """Chats that subscribed to every meeting an hour ago."""
    async with database.sessions.begin() as session:
        await add_subscribers(session, chat_ids, utc_now() - timedelta(hours=1))


async def meeting_due_in(database: Database, seconds: float) -> datetime:
    """A meeting whose reminder (a minute before) falls due `seconds` from now; its due time."""
    starts_at = utc_now() + timedelta(seconds=seconds + 60)
    values = {"title_en": "Regional water talks", "starts_at": starts_at,
              "time_zone": "Asia/Almaty", "city_en": "Almaty", "time_known": True}  # fmt: skip
    async with database.sessions.begin() as session:
        await add_meeting(session, None, values, utc_now() - timedelta(hours=2))
    return starts_at - timedelta(seconds=60)


def reminders(api: FakeBotApi) -> list[Json]:
    return [s for s in api.sent if "Reminder" in (s["text"] or "")]
