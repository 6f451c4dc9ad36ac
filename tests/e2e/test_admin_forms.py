"""Forms on a phone: a moved start takes its end along, and the script of a text decides which
language it fills, with a preview in both languages. English and Russian admins."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.database import Database
from storage.models import Meeting
from tests.e2e.admins import (  # noqa: F401 - clock and admin_ids are fixtures
    ADMINS,
    LANGUAGES,
    admin_ids,
    clock,
    press,
)
from tests.e2e.users import TOM, ask, buttons
from tests.fakebotapi import FakeBotApi

TWO_DAYS = "\ntitle: Water talks\nstarts: 2026-12-10 10:00\nends: 2026-12-11 17:00\ncity: Almaty"
RUSSIAN_TITLE = "\nназвание: Переговоры по воде\nначало: 2026-12-10 10:00\nгород: Алматы"
SEEN = {
    "en": {"end": "12 December 2026, 17:00", "other": "<b>For Russian readers</b>",
           "no_english": "No English text for: title"},
    "ru": {"end": "12 декабря 2026\u202fг., 17:00", "other": "<b>Для читателей на английском</b>",
           "no_english": "Нет текста на английском: название"},
}  # fmt: skip


async def saved(api: FakeBotApi, admin_language: str, command: str, form: str) -> dict:
    admin = ADMINS[admin_language]
    preview = await ask(api, admin, command, form)
    await press(api, admin, preview, buttons(preview)[0])
    return preview


async def stored(database: Database) -> Meeting:
    async with database.sessions() as session:
        meeting = await session.get(Meeting, 3)
    assert meeting is not None
    return meeting


@LANGUAGES
async def test_moving_the_start_moves_the_end_with_it(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    await saved(bot_api, language, "addevent", TWO_DAYS)
    preview = await saved(bot_api, language, "editevent", "3 starts: 2026-12-11 10:00")
    # A meeting of a day and seven hours keeps its length: the preview shows the new end.
    assert SEEN[language]["end"] in preview["text"]
    meeting = await stored(bot_database)
    assert meeting.starts_at == datetime(2026, 12, 11, 5, tzinfo=UTC)
    assert meeting.ends_at == datetime(2026, 12, 12, 12, tzinfo=UTC)


@LANGUAGES
async def test_russian_text_fills_the_russian_title_whatever_the_key(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    preview = await saved(bot_api, language, "addevent", RUSSIAN_TITLE)
    assert SEEN[language]["other"] in preview["text"]
    assert SEEN[language]["no_english"] in preview["text"]
    assert (await stored(bot_database)).title_ru == "Переговоры по воде"
    await saved(bot_api, language, "editevent", "3 название: Water talks")
    meeting = await stored(bot_database)
    assert (meeting.title_en, meeting.title_ru) == ("Water talks", "Переговоры по воде")
    upcoming = await ask(bot_api, TOM, "upcoming")
    assert "Water talks" in upcoming["text"] and "Переговоры" not in upcoming["text"]
