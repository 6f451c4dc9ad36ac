"""Importing calendars into the store on both databases, and the /export file read back."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select

from bot.services.calendars.export import whole_calendar
from bot.services.calendars.parsing import parse_calendar
from bot.services.calendars.sync import ImportReport, apply_calendar
from storage.database import Database
from storage.models import AuditEntry, Meeting, MeetingStatus
from tests.support.calendars import EVENT, ics
from tests.support.factories import STAMP

ADMIN = 1001
# What a meeting is, as far as a calendar file can carry it.
CARRIED = (
    "uid", "title_en", "starts_at", "ends_at", "time_known", "time_zone", "city_en",
    "country_code", "country_en", "venue_en", "summary_en", "status",
)  # fmt: skip


async def import_file(database: Database, content: bytes) -> ImportReport:
    async with database.sessions.begin() as session:
        return await apply_calendar(session, ADMIN, parse_calendar(content), STAMP)


def counts(report: ImportReport) -> tuple[int, int, int, list[str]]:
    skipped = [problem.reason for problem in report.skipped]
    return len(report.created), len(report.updated), len(report.unchanged), skipped


async def stored(database: Database, uid: str) -> Meeting:
    async with database.sessions() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.uid == uid))
    assert meeting is not None
    return meeting


async def audit_actions(database: Database) -> list[tuple[str, int | None]]:
    async with database.sessions() as session:
        entries = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(entry.action, entry.actor_id) for entry in entries]


async def test_an_import_creates_then_updates_by_uid_and_leaves_the_same_alone(
    database: Database,
) -> None:
    first = await import_file(database, ics(EVENT, {"SUMMARY": "Bad"}))
    assert counts(first) == (1, 0, 0, ["no_uid"])
    meeting = await stored(database, EVENT["UID"])
    assert (meeting.title_en, meeting.city_en) == ("Water talks", "Almaty")

    again = await import_file(database, ics(EVENT))
    assert counts(again) == (0, 0, 1, [])

    moved = await import_file(database, ics({**EVENT, "DTSTART": "20271211T100000"}))
    assert counts(moved) == (0, 1, 0, [])
    updated = await stored(database, EVENT["UID"])
    assert (updated.id, updated.starts_at) == (meeting.id, datetime(2027, 12, 11, 5, tzinfo=UTC))
    # Every change went through meeting_changes: audited with the admin; nothing for "unchanged".
    assert await audit_actions(database) == [("add", ADMIN), ("edit", ADMIN)]


async def test_cancelled_in_the_file_cancels_the_meeting(database: Database) -> None:
    await import_file(database, ics(EVENT))
    report = await import_file(database, ics({**EVENT, "STATUS": "CANCELLED"}))
    assert counts(report) == (0, 1, 0, [])
    assert (await stored(database, EVENT["UID"])).status == MeetingStatus.CANCELLED


async def test_the_same_title_and_start_under_another_uid_is_skipped_and_the_rest_imported(
    database: Database,
) -> None:
    await import_file(database, ics(EVENT))
    twin = {**EVENT, "UID": "twin@example.org"}
    other = {**EVENT, "UID": "other@example.org", "SUMMARY": "Energy talks"}
    report = await import_file(database, ics(twin, other))
    assert counts(report) == (1, 0, 0, ["duplicate"])
    meeting = await stored(database, EVENT["UID"])
    assert dict(report.skipped[0].details) == {"id": meeting.id}
    assert (await stored(database, "other@example.org")).title_en == "Energy talks"


async def test_an_export_imported_into_an_empty_database_gives_the_same_meetings(
    database: Database,
) -> None:
    await add_varied_meetings(database)
    async with database.sessions() as session:
        exported = await whole_calendar(session, STAMP)
        before = await scheduled_snapshot(database)
    # Before the sixth meeting: the fifth is past; the sixth and three added are upcoming.
    assert (exported.upcoming, exported.past, exported.cancelled) == (4, 1, 1)
    assert len(before) == 6
    async with database.sessions.begin() as session:
        await session.execute(delete(Meeting))

    report = await import_file(database, exported.content)

    assert counts(report) == (6, 0, 0, [])
    assert await scheduled_snapshot(database) == before
    # Imported again, the same file changes nothing.
    assert counts(await import_file(database, exported.content)) == (0, 0, 6, [])


async def scheduled_snapshot(database: Database) -> list[dict[str, object]]:
    async with database.sessions() as session:
        meetings = await session.scalars(select(Meeting).order_by(Meeting.uid))
        return [{key: getattr(m, key) for key in CARRIED} for m in meetings]


async def add_varied_meetings(database: Database) -> None:
    place = {"city_en": "Bishkek", "country_code": "KG", "country_en": "Kyrgyzstan"}
    async with database.sessions.begin() as session:
        session.add_all(
            [
                Meeting(
                    uid="hours@unrcca-bot",
                    title_en="Water talks",
                    starts_at=datetime(2027, 12, 10, 4, tzinfo=UTC),
                    ends_at=datetime(2027, 12, 10, 11, 30, tzinfo=UTC),
                    time_zone="Asia/Bishkek",
                    venue_en="Hall A, Ala-Archa residence",
                    summary_en="Water, energy; and the Amu Darya\nSecond line",
                    **place,
                    created_at=STAMP,
                    updated_at=STAMP,
                ),
                Meeting(
                    uid="days@unrcca-bot",
                    title_en="Energy week",
                    # Local midnights in Bishkek (UTC+6): 8 to 10 March.
                    starts_at=datetime(2028, 3, 7, 18, tzinfo=UTC),
                    ends_at=datetime(2028, 3, 9, 18, tzinfo=UTC),
                    time_known=False,
                    time_zone="Asia/Bishkek",
                    **place,
                    created_at=STAMP,
                    updated_at=STAMP,
                ),
                Meeting(
                    uid="berlin@example.org",
                    title_en="Donor conference",
                    starts_at=datetime(2028, 5, 4, 8, tzinfo=UTC),
                    time_zone="Europe/Berlin",
                    city_en="Berlin",
                    created_at=STAMP,
                    updated_at=STAMP,
                ),
                Meeting(
                    uid="cancelled@unrcca-bot",
                    title_en="Postponed talks",
                    starts_at=datetime(2028, 6, 1, 4, tzinfo=UTC),
                    time_zone="Asia/Bishkek",
                    status=MeetingStatus.CANCELLED,
                    **place,
                    created_at=STAMP,
                    updated_at=STAMP,
                ),
            ]
        )
