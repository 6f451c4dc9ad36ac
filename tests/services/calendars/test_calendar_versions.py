"""Round trips, renames, cancellations and older versions, on both databases (issue 12)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.languages import reading_order
from bot.services.calendars.report import report_reply
from bot.services.meeting_writes.changes import cancel_meeting, edit_meeting
from storage.database import Database
from storage.models import Meeting, MeetingStatus
from tests.support.calendar_imports import (
    ADMIN,
    by_uid,
    counts,
    every_meeting,
    export,
    import_file,
)
from tests.support.calendars import EVENT, ics
from tests.support.factories import STAMP


def seventeen_meetings() -> list[Meeting]:
    """What made the bot's own export come back "updated" before (issue 12's table)."""
    first = datetime(2027, 3, 4, 4, tzinfo=UTC)
    base: dict[str, Any] = {"created_at": STAMP, "updated_at": STAMP}
    kinds: list[dict[str, Any]] = [
        # A venue naming a city that is not the meeting's city.
        {"city_en": "Bishkek", "venue_en": "Hotel, Osh", "time_zone": "Asia/Bishkek"},
        # A zone chosen apart from the city's (a `timezone:` override).
        {"city_en": "Almaty", "country_code": "KZ", "time_zone": "Asia/Aqtau"},
        # No country, on purpose.
        {"city_en": "Osh", "time_zone": "Asia/Bishkek"},
        # A city no gazetteer knows, with a Russian name.
        {"city_en": "Conference room 2", "city_ru": "Зал 2", "time_zone": "Asia/Tashkent"},
        {
            "city_en": "Dushanbe",
            "city_ru": "Душанбе",
            "country_code": "TJ",
            "country_en": "Tajikistan",
            "country_ru": "Таджикистан",
            "venue_en": "Palace of Nations; Hall A, B",
            "venue_ru": "Дворец наций",
            "title_ru": "Переговоры",
            "summary_en": "Water, energy;\nsecond line",
            "summary_ru": "Вода",
            "organizer_en": "UNRCCA",
            "supporters_en": "EU, OSCE",
            "series": "deputy-fm",
            "ordinal": 7,
            "source": "https://example.org/a,b",
            "time_zone": "Asia/Dushanbe",
        },
    ]
    meetings = []
    for number in range(17):
        kind = kinds[number % len(kinds)]
        meeting = Meeting(
            uid=f"m{number}@example.org",
            title_en=f"Consultations {number}",
            starts_at=first + timedelta(days=30 * number),
            time_known=number % 3 != 0,
            **{"time_zone": "Asia/Almaty", **kind},
            **base,
        )
        if not meeting.time_known:
            # Only the day is known: the venue's local midnight, as the bot keeps it.
            zone = ZoneInfo(meeting.time_zone)
            day = datetime.combine(meeting.starts_at.date(), time(0), zone)
            meeting.starts_at = day.astimezone(UTC)
            meeting.ends_at = (day + timedelta(days=number % 2)).astimezone(UTC)
        elif number % 2:
            meeting.ends_at = meeting.starts_at + timedelta(hours=3)
        if number % 5 == 4:
            meeting.status, meeting.cancel_reason = MeetingStatus.CANCELLED, "Postponed"
        meetings.append(meeting)
    return meetings


async def test_the_bots_own_export_of_17_meetings_comes_back_unchanged(
    database: Database,
) -> None:
    async with database.sessions.begin() as session:
        session.add_all(seventeen_meetings())
    before = await every_meeting(database)

    report = await import_file(database, await export(database))

    assert counts(report) == (0, 0, 19, [])  # the 17, and the two bundled meetings
    assert await every_meeting(database) == before
    assert "updated: 0" in report_reply(report, "en").text


async def test_an_import_that_renames_a_meeting_leaves_no_stale_russian_title(
    database: Database,
) -> None:
    await import_file(database, ics({**EVENT, "SUMMARY": "Water talks"}))
    async with database.sessions.begin() as session:
        # Translated when it was added; an edit would make the file's version older.
        meeting = await session.scalar(select(Meeting).where(Meeting.uid == EVENT["UID"]))
        assert meeting is not None
        meeting.title_ru = "Водные переговоры"

    # From another calendar app: no Russian at all.
    report = await import_file(database, ics({**EVENT, "SUMMARY": "Water and energy talks"}))
    renamed = await by_uid(database, EVENT["UID"])
    assert counts(report) == (0, 1, 0, [])
    assert (renamed.title_en, renamed.title_ru) == ("Water and energy talks", None)
    assert renamed.text("title", reading_order("ru")) == "Water and energy talks"
    assert report.updated[0].changed == ("title_en", "title_ru")


async def test_a_rename_in_the_bots_own_export_drops_the_russian_the_file_still_carries(
    database: Database,
) -> None:
    await import_file(database, ics(EVENT))
    async with database.sessions.begin() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.uid == EVENT["UID"]))
        assert meeting is not None
        await edit_meeting(session, ADMIN, meeting.id, {"title_ru": "Водные переговоры"}, STAMP)
    edited = (await export(database)).replace(b"SUMMARY:Water talks", b"SUMMARY:Energy talks")
    assert b"X-UNRCCA-TITLE-RU:" in edited

    await import_file(database, edited)

    renamed = await by_uid(database, EVENT["UID"])
    assert (renamed.title_en, renamed.title_ru) == ("Energy talks", None)


async def test_cancelling_and_restoring_by_import_go_through_cancel_and_restore(
    database: Database,
) -> None:
    changes: list[str] = []
    await import_file(database, ics(EVENT), changes)
    cancelled = await import_file(database, ics({**EVENT, "STATUS": "CANCELLED"}), changes)
    assert (await by_uid(database, EVENT["UID"])).status == MeetingStatus.CANCELLED
    restored = await import_file(database, ics({**EVENT, "SEQUENCE": "5"}), changes)
    meeting = await by_uid(database, EVENT["UID"])
    assert counts(cancelled) == counts(restored) == (0, 1, 0, [])
    assert (meeting.status, meeting.cancel_reason) == (MeetingStatus.SCHEDULED, None)
    assert changes == ["add", "cancel", "restore"]
    assert meeting.sequence == 2  # one for each change


async def test_the_bots_cancellation_reason_travels_with_its_export(database: Database) -> None:
    await import_file(database, ics(EVENT))
    meeting = await by_uid(database, EVENT["UID"])
    async with database.sessions.begin() as session:
        await cancel_meeting(session, ADMIN, meeting.id, "Moved to spring", STAMP)
    content = await export(database)
    async with database.sessions.begin() as session:
        await session.delete(await session.get(Meeting, meeting.id))

    await import_file(database, content)

    again = await by_uid(database, EVENT["UID"])
    assert (again.status, again.cancel_reason) == (MeetingStatus.CANCELLED, "Moved to spring")


async def test_an_older_export_imported_after_a_cancellation_is_refused_and_named(
    database: Database,
) -> None:
    await import_file(database, ics(EVENT))
    old_export = await export(database)
    meeting = await by_uid(database, EVENT["UID"])
    async with database.sessions.begin() as session:
        await cancel_meeting(session, ADMIN, meeting.id, "Postponed", STAMP)

    report = await import_file(database, old_export)

    assert counts(report) == (0, 0, 2, ["older"])
    assert (await by_uid(database, EVENT["UID"])).status == MeetingStatus.CANCELLED
    text = report_reply(report, "en").text
    assert "(<i>Water talks</i>): it is an older version of meeting" in text
    assert "SEQUENCE</b> is 0, the bot's is 1" in text


async def test_a_file_edited_after_the_bots_last_change_wins_even_with_a_lower_sequence(
    database: Database,
) -> None:
    """Google keeps SEQUENCE for a new title; its LAST-MODIFIED tells the edit is newer."""
    await import_file(database, ics(EVENT))
    meeting = await by_uid(database, EVENT["UID"])
    async with database.sessions.begin() as session:
        await edit_meeting(session, ADMIN, meeting.id, {"organizer_en": "UNRCCA"}, STAMP)
    later = (STAMP + timedelta(hours=2)).strftime("%Y%m%dT%H%M%SZ")
    renamed = {**EVENT, "SUMMARY": "Water talks, round 2", "LAST-MODIFIED": later}

    report = await import_file(database, ics(renamed))

    assert counts(report) == (0, 1, 0, [])
    assert (await by_uid(database, EVENT["UID"])).title_en == "Water talks, round 2"


async def test_a_google_edit_with_the_same_sequence_wins_by_last_modified_over_the_held_one(
    database: Database,
) -> None:
    """Issue 20: the edit is compared with the version the bot holds, not with when the bot
    imported it (the import, STAMP, came after both edits were made in Google)."""
    first = (STAMP - timedelta(days=2)).strftime("%Y%m%dT%H%M%SZ")
    edited = (STAMP - timedelta(days=1)).strftime("%Y%m%dT%H%M%SZ")
    await import_file(database, ics({**EVENT, "SEQUENCE": "0", "LAST-MODIFIED": first}))
    renamed = {**EVENT, "SUMMARY": "Water talks, round 2", "SEQUENCE": "0"}

    report = await import_file(database, ics({**renamed, "LAST-MODIFIED": edited}))
    assert counts(report) == (0, 1, 0, [])
    assert (await by_uid(database, EVENT["UID"])).title_en == "Water talks, round 2"

    # The first version, imported again, is now the older one.
    again = await import_file(database, ics({**EVENT, "SEQUENCE": "0", "LAST-MODIFIED": first}))
    assert counts(again) == (0, 0, 0, ["older"])
    assert (await by_uid(database, EVENT["UID"])).title_en == "Water talks, round 2"


async def test_after_a_change_in_the_bot_the_bots_change_time_decides_again(
    database: Database,
) -> None:
    edited = (STAMP - timedelta(days=1)).strftime("%Y%m%dT%H%M%SZ")
    await import_file(database, ics({**EVENT, "SEQUENCE": "0"}))
    meeting = await by_uid(database, EVENT["UID"])
    async with database.sessions.begin() as session:
        await edit_meeting(session, ADMIN, meeting.id, {"organizer_en": "UNRCCA"}, STAMP)
    renamed = {**EVENT, "SUMMARY": "Water talks, round 2", "LAST-MODIFIED": edited}

    report = await import_file(database, ics(renamed))

    assert counts(report) == (0, 0, 0, ["older"])
