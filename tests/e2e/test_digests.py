"""The weekly digest end to end (issue 22, item 3), with BOT_DIGEST_PERIOD_SECONDS making the
week 30 seconds: a digest arrives once at its time, and a restart of the bot right after it
does not send it again; a chat with nothing to read gets none; /digest reads days and hours."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from bot.services.meeting_writes.changes import add_meeting, cancel_meeting
from bot.services.runtime import utc_now
from storage.database import Database, open_database
from storage.models import DeliveryStatus, DigestDelivery
from tests.e2e.conftest import running_bot
from tests.e2e.users import DILNOZA, TOM, ask
from tests.fakebotapi import FakeBotApi
from tests.support.runtimes import runtime_at

PERIOD = 30
SETTINGS = {"reminder_sweep_seconds": 1, "digest_period_seconds": PERIOD}


async def add_in(database: Database, title: str, delay: timedelta) -> int:
    values = {
        "title_en": title,
        "starts_at": utc_now() + delay,
        "time_zone": "Asia/Dushanbe",
        "city_en": "Dushanbe",
        "country_code": "TJ",
    }
    async with runtime_at(database).transaction() as session:
        return (await add_meeting(session, None, values, utc_now())).id


def digests_to(api: FakeBotApi, chat_id: int) -> list[str]:
    return [s["text"] for s in api.sent if s["chat_id"] == chat_id and "📰 <b>" in s["text"]]


async def test_a_digest_arrives_once_at_its_time_and_not_again_after_a_restart(
    database_url: str,
) -> None:
    database = open_database(database_url)
    async with FakeBotApi() as api:
        async with running_bot(api, database_url, utc_now, **SETTINGS):
            water = await add_in(database, "Water dialogue", timedelta(days=3))
            dropped = await add_in(database, "Border seminar", timedelta(days=5))
            await add_in(database, "Far conference", timedelta(days=30))
            await ask(api, TOM, "subscribe")
            await ask(api, DILNOZA, "language", "ru")
            reply = await ask(api, TOM, "digest", "on")
            assert "weekly digest" in reply["text"]
            assert "Готово" in (await ask(api, DILNOZA, "digest", "on"))["text"]
            async with runtime_at(database).transaction() as session:
                await cancel_meeting(session, None, dropped, None, utc_now())
            digest = await api.wait_for_message(
                chat_id=TOM.id,
                timeout=PERIOD + 20,
                predicate=lambda s: "Your weekly digest" in (s["text"] or ""),
            )
        # Restarted at once: the same digest time is looked at again, and not sent again.
        async with running_bot(api, database_url, utc_now, **SETTINGS):
            # Well before the next digest time (PERIOD after this one): a second look.
            await asyncio.sleep(PERIOD / 3)
            async with database.sessions() as session:
                rows = (await session.scalars(select(DigestDelivery))).all()
    await database.dispose()
    text = digest["text"]
    assert f"Water dialogue /event_{water}" in text
    assert "Far conference" not in text  # beyond the 14 days
    assert f"Border seminar: cancelled /event_{dropped}" in text
    assert len(digests_to(api, TOM.id)) == 1
    tom = [row for row in rows if row.chat_id == TOM.id]
    assert [row.status for row in tom] == [DeliveryStatus.SENT]
    # Dilnoza follows nothing: her digest had nothing to say, and was not sent.
    silent = [row for row in rows if row.chat_id == DILNOZA.id]
    assert [(row.status, row.error) for row in silent] == [
        (DeliveryStatus.FAILED, "nothing to say")
    ]
    assert digests_to(api, DILNOZA.id) == []


async def test_digest_reads_a_day_and_an_hour_and_refuses_what_it_cannot_read(
    database_url: str,
) -> None:
    async with FakeBotApi() as api, running_bot(api, database_url, utc_now):
        assert "gets no weekly digest" in (await ask(api, TOM, "digest"))["text"]
        reply = await ask(api, TOM, "digest", "friday 18")
        assert "Fridays at 18:00 (Asia/Dushanbe)" in reply["text"]
        assert "Fridays at 18:00" in (await ask(api, TOM, "digest"))["text"]
        russian = await ask(api, DILNOZA, "digest", "пятница 18:00")
        assert "пятница, 18:00" in russian["text"]
        refused = await ask(api, TOM, "digest", "someday 25")
        assert (
            "“someday 25”" in refused["text"]
            and "<code>/digest friday 18</code>" in refused["text"]
        )
        assert "no more weekly digests" in (await ask(api, TOM, "digest", "off"))["text"]
