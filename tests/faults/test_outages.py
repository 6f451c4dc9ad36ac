"""Issue 17: outages mid fan-out lose nobody. PostgreSQL down for 30 s: 0 lost, duplicates at
most the sends in flight; the Bot API unreachable, or answering 429 to every send, for a spell
shorter than the time left before the meeting: 0 lost."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi
from tests.faults.bots import SOON, running
from tests.faults.measures import FanOut, reached, summary
from tests.faults.seeding import Due, seed
from tests.support.pgcluster import PostgresCluster
from tests.support.polling import wait_until

pytestmark = pytest.mark.faults

CHATS = 300
LATENCY = (0.1, 0.3)
DATABASE_DOWN_SECONDS = 30.0
# The Bot API outages: unreachable 30 s, a 429 storm of 60 s. Each must end before the
# meeting begins (after that a reminder is rightly missed), so this scenario's reminders are
# sent two minutes ahead rather than one.
API_OUTAGE_SECONDS = {"unreachable": 30.0, "storm": 60.0}
API_OUTAGE_OFFSET = timedelta(minutes=2)


async def fan_out_under_way(api: FakeBotApi, due: Due) -> None:
    assert await wait_until(lambda: reached(api, due) >= CHATS // 3, 90, every=0.1)


async def everyone_reached(api: FakeBotApi, due: Due, seconds: float) -> None:
    await wait_until(lambda: reached(api, due) >= CHATS, seconds, every=0.2)
    await asyncio.sleep(2)  # Duplicates, if any, would come now.


async def test_postgresql_down_30_s_mid_fan_out_loses_nobody(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    [due] = await seed(pg_cluster.url, CHATS, [SOON])
    async with running(tmp_path, pg_cluster.url) as (api, _):
        api.faults.latency(*LATENCY)
        await fan_out_under_way(api, due)
        await pg_cluster.stop()
        went_down = time.time()
        await asyncio.sleep(DATABASE_DOWN_SECONDS)
        await pg_cluster.start()
        await everyone_reached(api, due, 60)
    fan_out = FanOut.of(api, due)
    summary("PostgreSQL down 30 s", reached=fan_out.reached, duplicates=fan_out.duplicates,
            most_in_flight=api.faults.most_in_flight, late=fan_out.late,
            done_after_outage=fan_out.last_at - went_down - DATABASE_DOWN_SECONDS)  # fmt: skip
    assert fan_out.reached == CHATS, f"{CHATS - fan_out.reached} chats never reminded"
    assert fan_out.duplicates <= api.faults.most_in_flight


@pytest.mark.postgres
@pytest.mark.parametrize("fault", ["unreachable", "storm"])
async def test_the_bot_api_unreachable_or_refusing_every_send_loses_nobody(
    postgres_url: str, tmp_path: Path, fault: str
) -> None:
    outage = API_OUTAGE_SECONDS[fault]
    [due] = await seed(postgres_url, CHATS, [SOON], offset=API_OUTAGE_OFFSET)
    async with running(tmp_path, postgres_url, BOT_REMINDER_OFFSETS="2m") as (api, _):
        api.faults.latency(*LATENCY)
        await fan_out_under_way(api, due)
        if fault == "unreachable":
            await api.faults.unreachable(outage)
        else:
            api.faults.storm(outage, retry_after=5)
        await asyncio.sleep(outage)
        await everyone_reached(api, due, 40)
    fan_out = FanOut.of(api, due)
    summary(
        f"Bot API {fault} {outage:.0f} s",
        reached=fan_out.reached,
        duplicates=fan_out.duplicates,
        refused=api.faults.refused,
        late=fan_out.late,
    )
    assert fan_out.reached == CHATS, f"{CHATS - fan_out.reached} chats never reminded"
    assert fan_out.duplicates <= api.faults.most_in_flight
