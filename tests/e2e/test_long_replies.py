"""Replies that would pass Telegram's 4,096 arrive shortened, not as the apology (issue 11, 3).

The fake Bot API counts like Telegram (UTF-16 units after HTML parsing) and refuses what does
not fit, so a reply that arrives at all fitted.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.texts import t
from storage.database import Database
from storage.models import MeetingStatus
from tests.e2e.users import DILNOZA, TOM, ask
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.entities import visible_units
from tests.support.factories import meeting

ADMIN = FakeUser(1001, "Aida", language_code="en")


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({ADMIN.id})


async def store_long_meetings(database: Database, fill: str) -> None:
    found = [meeting(n, datetime(2015, 11, 20 + n, 5, tzinfo=UTC), "Almaty talks") for n in (1, 2)]
    for item in found:
        item.summary_en = item.summary_ru = (fill * 2000)[:2000]
        item.venue_en = (fill * 300)[:300]
    async with database.sessions.begin() as session:
        session.add_all(found)


def fits(sent: dict[str, object]) -> str:
    text = str(sent["text"])
    assert t("en", "error.internal") not in text and visible_units(text, "HTML") <= 4096
    return text


@pytest.mark.parametrize("fill", ["water and energy ", "📅"], ids=["words", "emoji"])
async def test_a_question_about_two_long_meetings_is_answered(
    bot_api: FakeBotApi, bot_database: Database, fill: str
) -> None:
    await store_long_meetings(bot_database, fill)
    bot_api.send_text(TOM, "what was discussed in Almaty?")
    text = fits(await bot_api.wait_for_message(chat_id=TOM.id))
    assert "Almaty talks 1" in text and "Almaty talks 2" in text
    bot_api.send_text(DILNOZA, "о чём говорили в Алматы?")
    fits(await bot_api.wait_for_message(chat_id=DILNOZA.id))


async def test_search_and_event_fit_too(bot_api: FakeBotApi, bot_database: Database) -> None:
    await store_long_meetings(bot_database, "📅")
    fits(await ask(bot_api, TOM, "search", "Almaty talks"))
    fits(await ask(bot_api, TOM, "event", "3"))


async def test_a_4000_character_value_is_quoted_back_short(bot_api: FakeBotApi) -> None:
    form = "\ntitle: Water talks\nstarts: 2027-12-10 10:00\ncity: Springfield\ntimezone: "
    reply = await ask(bot_api, ADMIN, "addevent", form + "Z" * 4000)
    text = fits(reply)
    assert "is not a time zone I know" in text
    assert "Z" * 81 not in text and len(text) < 1500


async def test_an_edit_preview_of_a_full_cancelled_meeting_fits(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    full = meeting(1, datetime(2027, 12, 10, 5, tzinfo=UTC), "ю" * 200)
    for column, size in LIMITS.items():
        setattr(full, column, "ю" * size)
    full.status, full.cancel_reason = MeetingStatus.CANCELLED, "ю" * 500
    async with bot_database.sessions.begin() as session:
        session.add(full)
    preview = fits(await ask(bot_api, ADMIN, "editevent", "3\nvenue: " + "я" * 300))
    assert preview.startswith("<b>Preview</b>") and "ID: 3" in preview


LIMITS = {
    "title_en": 200, "venue_en": 300, "organizer_en": 300, "supporters_en": 500,
    "summary_en": 2000, "title_ru": 200, "venue_ru": 300, "organizer_ru": 300,
    "supporters_ru": 500, "summary_ru": 2000,
}  # fmt: skip
