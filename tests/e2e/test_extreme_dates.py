"""Meetings stored at the ends of time: nothing anyone asks for breaks on them (issue 11, item 2).

A row at 9999-12-31 23:00Z (local year 10000 east of Greenwich) or at 0001-01-01 00:00Z (year 0
west of it) cannot be made through the bot any more, but one may be there from before.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.calendars.export import calendar_feed
from bot.texts import t
from storage.database import Database
from tests.e2e.users import TOM, Json, ask, buttons
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.factories import meeting

ADMIN = FakeUser(1001, "Aida", language_code="en")
LAST = datetime(9999, 12, 31, 23, tzinfo=UTC)
FIRST = datetime(1, 1, 1, tzinfo=UTC)
APOLOGY = t("en", "error.internal")


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({ADMIN.id})


async def store_extremes(database: Database) -> None:
    late, early = meeting(1, LAST, "Almaty talks"), meeting(2, FIRST, "Almaty talks")
    early.time_zone = "America/New_York"
    late.summary_en = early.summary_en = "Water and energy in Almaty"
    async with database.sessions.begin() as session:
        session.add_all([late, early])


def no_apology(sent: Json) -> Json:
    assert APOLOGY not in (sent.get("text") or sent.get("caption") or "")
    return sent


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("upcoming", ""),
        ("past", ""),
        ("next", ""),
        ("search", "Almaty talks"),
        ("event", "3"),
        ("event", "4"),
    ],
)
async def test_public_commands_show_meetings_at_the_ends_of_time(
    bot_api: FakeBotApi, bot_database: Database, command: str, args: str
) -> None:
    await store_extremes(bot_database)
    sent = no_apology(await ask(bot_api, TOM, command, args))
    for data in buttons(sent):
        bot_api.press_button(TOM, sent, data)
        await bot_api.wait_for_request("answerCallbackQuery")


async def test_a_question_about_them_is_answered(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await store_extremes(bot_database)
    bot_api.send_text(TOM, "when is the meeting in Almaty?")
    no_apology(await bot_api.wait_for_message(chat_id=TOM.id))


@pytest.mark.parametrize("command", ["events", "export"])
async def test_admin_lists_and_exports_them(
    bot_api: FakeBotApi, bot_database: Database, command: str
) -> None:
    await store_extremes(bot_database)
    no_apology(await ask(bot_api, ADMIN, command))


async def test_both_show_the_day_they_are_stored_at(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await store_extremes(bot_database)
    late = await ask(bot_api, TOM, "event", "3")
    assert "31 December 9999" in late["text"]
    early = await ask(bot_api, TOM, "event", "4")
    assert "1 January 1" in early["text"]


async def test_the_feed_serves_them(bot_database: Database) -> None:
    await store_extremes(bot_database)
    feed = await calendar_feed(bot_database, "en", datetime.now(UTC))
    assert b"Almaty talks 1" in feed and b"Almaty talks 2" in feed


async def test_an_admin_can_still_edit_one(bot_api: FakeBotApi, bot_database: Database) -> None:
    await store_extremes(bot_database)
    preview = no_apology(await ask(bot_api, ADMIN, "editevent", "3\nvenue: Rixos"))
    assert preview["text"].startswith("<b>Preview</b>") and "Rixos" in preview["text"]


async def test_a_form_at_the_end_of_time_is_refused(bot_api: FakeBotApi) -> None:
    form = (
        "\ntitle: Late talks\nstarts: 9999-12-31 22:00\ncity: New York\ntimezone: America/New_York"
    )
    refused = no_apology(await ask(bot_api, ADMIN, "addevent", form))
    assert "outside the years I can keep (1900 to 2200)" in refused["text"]
