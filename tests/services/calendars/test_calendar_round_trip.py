"""Property: the bot's export imported into the same or an empty database changes nothing.

Hypothesis draws sets of meetings as admins make them: any titles, venues with commas (some
naming a city), cities known and unknown, zone overrides, cancelled ones, day-only ones, texts
in Kazakh and Uzbek, exported for a reader of English, Russian, Kazakh or Uzbek. Each example
runs on a real database of each backend, prepared once and emptied between examples.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from bot.places import CITIES, COUNTRIES
from bot.services.calendars.export import whole_calendar
from bot.services.calendars.parsing import parse_calendar
from bot.services.calendars.sync import apply_calendar
from bot.services.meeting_writes.changes import WRITABLE
from storage.database import Database, open_database, prepare_database
from storage.models import Meeting, MeetingStatus
from tests.support.factories import STAMP

COLUMNS = sorted(WRITABLE)
ZONES = ["Asia/Almaty", "Asia/Aqtau", "Asia/Kabul", "Europe/Berlin", "America/New_York", "UTC"]
# What people type: Latin, Cyrillic, digits, and the characters iCalendar escapes.
WORDS = st.text(
    alphabet=st.sampled_from("AbcXyz ЖжДуш0123 ,;:\\\"'<>&-/.()№"), min_size=1, max_size=40
).map(str.strip)
TEXT = WORDS.filter(bool)
MAYBE = st.none() | TEXT
# Meeting.translations as the admin form leaves it: None, or only languages with some text.
TRANSLATIONS = st.dictionaries(
    st.sampled_from(["kk", "uz"]),
    st.dictionaries(st.sampled_from(["title", "venue", "organizer", "supporters", "summary"]),
                    TEXT, min_size=1),
).map(lambda translations: translations or None)  # fmt: skip


@st.composite
def meetings(draw: st.DrawFn) -> list[dict[str, Any]]:
    return [draw(meeting(number)) for number in range(draw(st.integers(1, 5)))]


@st.composite
def meeting(draw: st.DrawFn, number: int) -> dict[str, Any]:
    place = draw(known_city() | unknown_city())
    zone = place.pop("time_zone")
    if draw(st.booleans()):
        zone = draw(st.sampled_from(ZONES))  # a `timezone:` override
    cancelled = draw(st.booleans())
    texts = {
        "title_ru": draw(MAYBE),
        "venue_en": draw(st.none() | st.sampled_from(["Hotel, Osh", "Hall A, B"]) | TEXT),
        "summary_en": draw(st.none() | st.lists(TEXT, min_size=1, max_size=3).map("\n".join)),
        "summary_ru": draw(MAYBE),
        "organizer_en": draw(MAYBE),
        "ordinal": draw(st.none() | st.integers(1, 99)),
        "cancel_reason": draw(MAYBE) if cancelled else None,
        "translations": draw(TRANSLATIONS),
    }
    return {
        "uid": f"round-{number}-{draw(st.integers(0, 10**6))}@example.org",
        "title_en": f"{draw(TEXT)} {number}",
        "time_zone": zone,
        **place,
        **texts,
        **draw(times(zone)),
        "status": MeetingStatus.CANCELLED if cancelled else MeetingStatus.SCHEDULED,
    }


def known_city() -> st.SearchStrategy[dict[str, Any]]:
    def columns(city: Any, with_country: bool) -> dict[str, Any]:
        country = next(c for c in COUNTRIES if c.code == city.country)
        named = {"country_code": country.code, "country_en": country.name_en}
        return {
            "city_en": city.name_en,
            "city_ru": city.name_ru,
            "time_zone": city.zone,
            **(named if with_country else {}),
        }

    return st.builds(columns, st.sampled_from(CITIES), st.booleans())


def unknown_city() -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda name, zone: {"city_en": name, "time_zone": zone},
        st.sampled_from(["Springfield", "Conference room 2", "Берлин-Митте", "Zone, Hall"]),
        st.sampled_from(ZONES),
    )


@st.composite
def times(draw: st.DrawFn, zone: str) -> dict[str, Any]:
    day = draw(st.dates(date(1990, 1, 1), date(2100, 12, 31)))
    if draw(st.booleans()):  # only the day is known: the venue's local midnight
        start = datetime.combine(day, time(0), ZoneInfo(zone)).astimezone(UTC)
        days = draw(st.none() | st.integers(0, 3))
        end = None if days is None else _midnight_after(start, zone, days)
        return {"starts_at": start, "ends_at": end, "time_known": False}
    start = datetime.combine(day, time(0), UTC) + timedelta(minutes=draw(st.integers(0, 1439)))
    length = draw(st.none() | st.integers(1, 3000))
    end = start + timedelta(minutes=length) if length else None
    return {"starts_at": start, "ends_at": end, "time_known": True}


def _midnight_after(start: datetime, zone: str, days: int) -> datetime:
    local = start.astimezone(ZoneInfo(zone)).date() + timedelta(days=days)
    return datetime.combine(local, time(0), ZoneInfo(zone)).astimezone(UTC)


async def _snapshot(database: Database) -> dict[str, dict[str, object]]:
    async with database.sessions() as session:
        found = await session.scalars(select(Meeting))
        return {m.uid: {key: getattr(m, key) for key in COLUMNS} for m in found}


async def _round_trip(url: str, drawn: list[dict[str, Any]], language: str) -> None:
    database = open_database(url)
    try:
        async with database.sessions.begin() as session:
            await session.execute(delete(Meeting))
            session.add_all(Meeting(**v, created_at=STAMP, updated_at=STAMP) for v in drawn)
        before = await _snapshot(database)
        async with database.sessions() as session:
            content = (await whole_calendar(session, STAMP, language)).content
        for emptied in (False, True):
            async with database.sessions.begin() as session:
                if emptied:
                    await session.execute(delete(Meeting))
                report = await apply_calendar(session, 1, parse_calendar(content), STAMP)
            expected = (len(drawn), 0) if emptied else (0, len(drawn))
            assert (len(report.created), len(report.unchanged)) == expected, report
            assert (report.updated, report.skipped) == ([], [])
            assert await _snapshot(database) == before
    finally:
        await database.dispose()


async def _prepare(url: str) -> None:
    database = open_database(url)
    await prepare_database(database)
    await database.dispose()


def test_an_export_imported_into_the_same_or_an_empty_database_changes_nothing(
    database_url: str,
) -> None:
    asyncio.run(_prepare(database_url))

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(meetings(), st.sampled_from(["en", "ru", "kk", "uz"]))
    def round_trip(drawn: list[dict[str, Any]], language: str) -> None:
        asyncio.run(_round_trip(database_url, drawn, language))

    round_trip()
