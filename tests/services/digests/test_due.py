"""The digest's claim on each backend: two processes looking at the same moment (or one that
restarted) claim a chat's digest once; nothing to say is recorded and not sent; /stats counts."""

from __future__ import annotations

from datetime import timedelta

from bot.services.digests.due import DigestSettings, claim_digests
from bot.services.meeting_writes.changes import add_meeting
from storage.database import Database
from storage.models import Chat, DeliveryStatus, DigestDelivery
from storage.repositories import claims, digests, holders, subscriptions
from tests.support.factories import STAMP
from tests.support.runtimes import runtime_at

FOLLOWER, IDLE = 21, 22
SETTINGS = DigestSettings(timedelta(minutes=2), "en", period=timedelta(minutes=10))


async def test_a_digest_is_claimed_once_however_many_look(database: Database) -> None:
    runtime = runtime_at(database, STAMP)
    async with runtime.transaction() as session:
        values = {"title_en": "Water dialogue", "starts_at": STAMP + timedelta(days=3),
                  "time_zone": "Asia/Dushanbe", "city_en": "Dushanbe"}  # fmt: skip
        await add_meeting(session, None, values, STAMP)
        for chat_id in (FOLLOWER, IDLE):
            session.add(Chat(id=chat_id, kind="private", created_at=STAMP, updated_at=STAMP))
        await session.flush()
        await subscriptions.subscribe(session, FOLLOWER, None, STAMP)
        for chat_id in (FOLLOWER, IDLE):
            await digests.set_time(session, chat_id, 0, 9, STAMP)
        # Processes alive for the whole test (bot.outbound.holder's heartbeat).
        for holder in ("one", "two", "restarted"):
            await holders.beat(session, holder, STAMP, STAMP + timedelta(days=1))
    due = STAMP + timedelta(minutes=10)
    found = []
    for holder, now in (("one", due), ("two", due), ("restarted", due + timedelta(seconds=5))):
        async with runtime.transaction() as session:
            found.append(await claim_digests(session, now, None, SETTINGS, holder))
    assert [len(claimed.items) for claimed in found] == [1, 0, 0]
    (item,) = found[0].items
    assert item.chat_id == FOLLOWER and item.reply is not None
    assert "Water dialogue" in item.reply.text
    assert found[0].next_wake == due + timedelta(minutes=10)
    async with runtime.transaction() as session:
        await claims.finish(session, DigestDelivery, [item.record_id], DeliveryStatus.SENT, due)
        tally = await digests.tally(session)
    assert tally == {"sent": 1, "empty": 1, "failed": 0, "chats": 2}
