"""The database goes away mid fan-out for longer than a claim holder's timeout, and comes back:
sending pauses while how sends ended cannot be written, the claims are taken up again, and
every chat is reminded, a second time only for sends that were in flight."""

from __future__ import annotations

import asyncio
from collections import Counter

from bot.services.runtime import utc_now
from storage.database import Database
from tests.e2e.conftest import running_bot
from tests.e2e.test_fanout import meeting_due_in, reminders, subscribe_chats
from tests.fakebotapi import FakeBotApi
from tests.support.outage import DatabaseProxy, postgres_database, proxy
from tests.support.polling import wait_until

# The fixtures this module uses (pytest finds them by name in the module).
__all__ = ["postgres_database", "proxy"]

CHATS = 300
# Sends in flight (8 workers) and those of the last flush interval before the write failed.
DUPLICATE_BOUND = 8 + 2
SETTINGS = {"reminder_sweep_seconds": 1, "reminder_offsets": (1,), "broadcast_rate": 20}


async def test_a_database_outage_mid_fan_out_loses_nobody(
    postgres_database: Database, proxy: DatabaseProxy
) -> None:
    await subscribe_chats(postgres_database, list(range(40_001, 40_001 + CHATS)))
    await meeting_due_in(postgres_database, 5)
    async with FakeBotApi() as api, running_bot(api, proxy.url, utc_now, **SETTINGS):
        await wait_until(lambda: len(reminders(api)) >= 60, 60)
        await proxy.cut()
        cut_at = len(reminders(api))
        # Longer than a holder's 6 s timeout: the claims lapse and are taken up again.
        await asyncio.sleep(8)
        during = len(reminders(api)) - cut_at
        await proxy.restore()
        await wait_until(lambda: len({s["chat_id"] for s in reminders(api)}) >= CHATS, 90)
        await asyncio.sleep(2)
    counts = Counter(s["chat_id"] for s in reminders(api))
    assert during <= DUPLICATE_BOUND, f"{during} sent while the database was down"
    assert len(counts) == CHATS, f"{CHATS - len(counts)} chats missed"
    duplicates = sum(n - 1 for n in counts.values())
    assert duplicates <= DUPLICATE_BOUND, f"{duplicates} duplicates"
