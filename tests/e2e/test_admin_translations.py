"""A meeting's fields in Kazakh and Uzbek through the admin form: typed as `title_kk`, shown in
the preview, saved, edited and cleared, each change in the audit; readers see their language."""

from __future__ import annotations

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
from tests.fakebotapi import FakeBotApi, FakeUser

KAZAKH_TOO = (
    "\ntitle: Water talks\ntitle_ru: Переговоры по воде\ntitle_kk: Су келіссөздері"
    "\nstarts: 2026-12-10 10:00\ncity: Almaty"
)
NAMES = {"en": ("title_kk", "venue_uz"), "ru": ("название_kk", "место_uz")}
ASEL = FakeUser(2003, "Асель", language_code="kk")
AIBEK = FakeUser(2004, "Айбек", language_code="ky")


async def saved(api: FakeBotApi, language: str, command: str, form: str) -> dict:
    preview = await ask(api, ADMINS[language], command, form)
    await press(api, ADMINS[language], preview, buttons(preview)[0])
    return preview


async def translations(database: Database) -> dict | None:
    async with database.sessions() as session:
        meeting = await session.get(Meeting, 3)
    assert meeting is not None
    return meeting.translations


@LANGUAGES
async def test_a_kazakh_title_goes_through_the_form_and_back(
    bot_api: FakeBotApi, bot_database: Database, language: str
) -> None:
    title_kk, venue_uz = NAMES[language]
    preview = await saved(bot_api, language, "addevent", KAZAKH_TOO)
    assert f"{title_kk}: Су келіссөздері" in preview["text"]
    assert await translations(bot_database) == {"kk": {"title": "Су келіссөздері"}}
    await saved(bot_api, language, "editevent", "3 venue_uz: BMT uyi")
    assert await translations(bot_database) == {
        "kk": {"title": "Су келіссөздері"},
        "uz": {"venue": "BMT uyi"},
    }
    await saved(bot_api, language, "editevent", "3 title_kk: -")
    assert await translations(bot_database) == {"uz": {"venue": "BMT uyi"}}
    audit = (await ask(bot_api, ADMINS[language], "audit"))["text"]
    assert f"{venue_uz}: — → BMT uyi" in audit
    assert f"{title_kk}: Су келіссөздері → —" in audit


async def test_each_reader_sees_the_title_in_the_best_language_they_read(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await saved(bot_api, "en", "addevent", KAZAKH_TOO)
    kazakh, kyrgyz, english = [
        (await ask(bot_api, user, "upcoming"))["text"] for user in (ASEL, AIBEK, TOM)
    ]
    assert "Су келіссөздері" in kazakh and "Water talks" not in kazakh
    assert "Переговоры по воде" in kyrgyz and "Су келіссөздері" not in kyrgyz
    assert "Water talks" in english and "Су келіссөздері" not in english


async def test_a_too_long_kazakh_title_is_refused_by_its_name(bot_api: FakeBotApi) -> None:
    form = "\ntitle: Water talks\nstarts: 2026-12-10\ncity: Almaty\ntitle kk: " + "а" * 201
    reply = await ask(bot_api, ADMINS["en"], "addevent", form)
    assert "title_kk" in reply["text"] and "200" in reply["text"]
