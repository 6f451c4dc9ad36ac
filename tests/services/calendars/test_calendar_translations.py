"""A meeting's Kazakh and Uzbek texts in the bot's calendars: written as X-UNRCCA-TITLE-KK beside
the `_ru` ones, read back, and a Kazakh export renamed in a calendar app changes the Kazakh title
only (issue 26)."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from bot.services.calendars.export import whole_calendar
from storage.database import Database
from storage.models import Meeting
from tests.support.calendar_imports import by_uid, counts, import_file
from tests.support.factories import STAMP

UID = "water-talks@unrcca-bot"
TRANSLATIONS = {"kk": {"title": "Су келіссөздері"}, "uz": {"venue": "BMT uyi, 2-zal"}}


async def _kazakh_export(database: Database) -> bytes:
    async with database.sessions.begin() as session:
        session.add(
            Meeting(
                uid=UID, title_en="Water talks", title_ru="Водные переговоры",
                starts_at=datetime(2027, 3, 4, 5, tzinfo=UTC), time_zone="Asia/Almaty",
                city_en="Almaty", translations=TRANSLATIONS, created_at=STAMP, updated_at=STAMP,
            )
        )  # fmt: skip
    async with database.sessions() as session:
        return (await whole_calendar(session, STAMP, "kk")).content


async def test_a_kazakh_export_carries_every_language_and_comes_back_unchanged(
    database: Database,
) -> None:
    content = await _kazakh_export(database)
    (event,) = [e for e in Calendar.from_ical(content).walk("VEVENT") if e["UID"] == UID]
    assert str(event["SUMMARY"]) == "Су келіссөздері"
    assert str(event["X-UNRCCA-TITLE-KK"]) == "Су келіссөздері"
    assert str(event["X-UNRCCA-TITLE-EN"]) == "Water talks"
    # The bundled knowledge's two meetings come back unchanged with it.
    assert counts(await import_file(database, content)) == (0, 0, 3, [])
    assert (await by_uid(database, UID)).translations == TRANSLATIONS


async def test_a_kazakh_title_renamed_in_a_calendar_app_changes_the_kazakh_title_only(
    database: Database,
) -> None:
    content = await _kazakh_export(database)
    renamed = content.replace(
        "SUMMARY:Су келіссөздері".encode(), "SUMMARY:Су жөніндегі келіссөздер".encode()
    )
    assert counts(await import_file(database, renamed)) == (0, 1, 2, [])
    meeting = await by_uid(database, UID)
    assert (meeting.title_en, meeting.title_ru) == ("Water talks", "Водные переговоры")
    assert meeting.translations == {**TRANSLATIONS, "kk": {"title": "Су жөніндегі келіссөздер"}}
