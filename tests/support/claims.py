"""Claimed deliveries for tests of the outbound side: a meeting, a subscribed chat, a claim."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.meeting_writes.changes import add_meeting
from bot.services.runtime import Runtime
from storage.database import Database
from storage.models import DeliveryStatus
from storage.repositories import chats, deliveries, subscriptions
from storage.repositories.deliveries import Due
from tests.support.runtimes import runtime_at

START = datetime(2027, 6, 10, 5, 0, tzinfo=UTC)
# When the one-hour reminder of START falls due.
NOW = START - timedelta(hours=1)


def runtime(database: Database) -> Runtime:
    return runtime_at(database)


async def meeting_with_subscriber(
    database: Database, chat_id: int = 7, title: str = "Water talks"
) -> int:
    values = {"title_en": title, "starts_at": START, "time_zone": "Asia/Almaty",
              "city_en": "Almaty", "time_known": True}  # fmt: skip
    before = START - timedelta(days=3)
    async with runtime(database).transaction() as session:
        meeting_id = (await add_meeting(session, None, values, before)).id
        await chats.remember(session, chat_id, "private", before)
        await subscriptions.subscribe(session, chat_id, meeting_id, before)
    return meeting_id


async def claim_reminder(database: Database, meeting_id: int, holder: str) -> list[int]:
    """The one-hour reminder of the meeting, claimed at NOW for `holder`: the ids claimed."""
    due = Due(meeting_id, START, 60, NOW, (), True)
    async with database.sessions.begin() as session:
        claimed = await deliveries.claim(session, due, NOW, DeliveryStatus.PENDING, holder=holder)
    return [c.delivery_id for c in claimed]
