"""Subscriptions by filter end to end (issue 22, item 2): /subscribe Tajikistan, a topic, a
series, in English and Russian word forms; reminders and notices only of matching meetings,
those added later too; /subscriptions with each filter's meetings and its Stop button."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from bot.services.meeting_writes.changes import add_meeting
from bot.services.runtime import utc_now
from storage.database import Database
from tests.e2e.users import DILNOZA, TOM, ask, buttons
from tests.fakebotapi import FakeBotApi
from tests.support.runtimes import runtime_at

PLACES = {
    "Dushanbe": ("Asia/Dushanbe", "TJ", "Tajikistan"),
    "Almaty": ("Asia/Almaty", "KZ", "Kazakhstan"),
}


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return utc_now


@pytest.fixture
def bot_settings() -> dict[str, object]:
    return {"reminder_sweep_seconds": 1, "reminder_offsets": (1,)}


async def meeting_in(database: Database, city: str, title: str, delay: timedelta) -> int:
    """A meeting in `city` starting `delay` from now, added the way an admin adds one."""
    zone, code, country = PLACES[city]
    values = {
        "title_en": title,
        "starts_at": utc_now() + delay,
        "time_zone": zone,
        "city_en": city,
        "country_code": code,
        "country_en": country,
        "time_known": True,
    }
    async with runtime_at(database).transaction() as session:
        meeting = await add_meeting(session, None, values, utc_now() - timedelta(hours=1))
        return meeting.id


def texts_to(api: FakeBotApi, chat_id: int, word: str) -> list[str]:
    return [s["text"] for s in api.sent if s["chat_id"] == chat_id and word in (s["text"] or "")]


async def test_a_chat_following_tajikistan_is_reminded_of_dushanbe_and_not_of_almaty(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    dushanbe = await meeting_in(bot_database, "Dushanbe", "Border talks", timedelta(seconds=66))
    await meeting_in(bot_database, "Almaty", "Energy talks", timedelta(seconds=66))
    reply = await ask(bot_api, TOM, "subscribe", "Tajikistan")
    assert "now follows <b>Tajikistan / Таджикистан</b>" in reply["text"]
    assert "It matches 1 of the meetings to come now" in reply["text"]
    reminder = await bot_api.wait_for_message(
        chat_id=TOM.id, timeout=20, predicate=lambda s: "Reminder" in (s["text"] or "")
    )
    assert "Border talks" in reminder["text"]
    assert f"ics:{dushanbe}" in buttons(reminder)
    # The Almaty meeting fell due at the same moment: give its reminder the time to come.
    await asyncio.sleep(3)
    reminders = texts_to(bot_api, TOM.id, "Reminder")
    assert len(reminders) == 1 and "Energy talks" not in reminders[0]


async def test_a_meeting_added_later_is_announced_to_the_chats_its_filter_matches(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    reply = await ask(bot_api, DILNOZA, "subscribe", "Таджикистане")
    assert "Таджикистан" in reply["text"]
    await ask(bot_api, TOM, "subscribe", "Kazakhstan")
    await meeting_in(bot_database, "Dushanbe", "Water talks", timedelta(days=3))
    notice = await bot_api.wait_for_message(
        chat_id=DILNOZA.id, timeout=20, predicate=lambda s: "Water talks" in (s["text"] or "")
    )
    assert notice["text"]
    await asyncio.sleep(2)
    assert texts_to(bot_api, TOM.id, "Water talks") == []


async def test_subscriptions_lists_each_filter_with_its_meetings_and_a_stop_button(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await meeting_in(bot_database, "Dushanbe", "Regional water dialogue", timedelta(days=2))
    await meeting_in(bot_database, "Almaty", "Counter-terrorism workshop", timedelta(days=4))
    assert "a topic" in (await ask(bot_api, TOM, "subscribe", "water"))["text"]
    assert "a kind of meeting" in (await ask(bot_api, TOM, "subscribe", "workshops"))["text"]
    listing = await ask(bot_api, TOM, "subscriptions")
    text = listing["text"]
    assert "<b>water</b>" in text and "Regional water dialogue" in text
    assert "<b>workshops</b>" in text and "Counter-terrorism workshop" in text
    stops = [data for data in buttons(listing) if data.startswith("unflt:")]
    assert len(stops) == 2
    bot_api.press_button(TOM, listing, stops[0])
    edited = await bot_api.wait_for_message(chat_id=TOM.id)
    assert "<b>water</b>" not in edited["text"] and "<b>workshops</b>" in edited["text"]


async def test_a_series_is_followed_by_the_words_of_its_titles_in_either_language(
    bot_api: FakeBotApi,
) -> None:
    for user, words in ((TOM, "deputy foreign ministers"), (DILNOZA, "встречи замминистров")):
        reply = await ask(bot_api, user, "subscribe", words)
        assert "(a series of meetings)" in reply["text"] or "(серия встреч)" in reply["text"]


async def test_an_unknown_word_gets_the_closest_known_places_and_topics(
    bot_api: FakeBotApi,
) -> None:
    # A typo in a place is forgiven, as in questions.
    reply = await ask(bot_api, TOM, "subscribe", "Dushnbe")
    assert "now follows <b>Dushanbe / Душанбе</b> (a city)" in reply["text"]
    reply = await ask(bot_api, TOM, "subscribe", "energetics")
    assert "I know no place, series or topic “energetics”" in reply["text"]
    assert "The closest I know: energy, " in reply["text"]
    reply = await ask(bot_api, TOM, "subscribe", "qwxzv")
    assert "I know no place, series or topic “qwxzv”" in reply["text"]
    assert "<code>/subscribe Tajikistan</code>" in reply["text"]
