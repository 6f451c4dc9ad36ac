"""Importing calendars in service tests the way /import does: through the runtime, with hooks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.services.calendars.entry import import_parsed
from bot.services.calendars.export import whole_calendar
from bot.services.calendars.parsing import parse_calendar
from bot.services.calendars.sync import ImportReport
from bot.services.meeting_writes.changes import WRITABLE, MeetingChange
from bot.services.runtime import Runtime
from storage.database import Database
from storage.models import Meeting
from tests.support.factories import STAMP
from tests.support.runtimes import runtime_at

ADMIN = 1001
COLUMNS = sorted(WRITABLE)


def runtime(database: Database, changes: list[str] | None = None) -> Runtime:
    async def remember(session: Any, change: MeetingChange) -> None:
        if changes is not None:
            changes.append(change.kind)

    return runtime_at(database, STAMP, observers=(remember,))


async def import_file(
    database: Database, content: bytes, changes: list[str] | None = None
) -> ImportReport:
    return await import_parsed(runtime(database, changes), ADMIN, parse_calendar(content))


def counts(report: ImportReport) -> tuple[int, int, int, list[str]]:
    skipped = [problem.reason for problem in report.skipped]
    return len(report.created), len(report.updated), len(report.unchanged), skipped


async def export(database: Database) -> bytes:
    async with database.sessions() as session:
        return (await whole_calendar(session, STAMP)).content


async def every_meeting(database: Database) -> dict[str, dict[str, object]]:
    async with database.sessions() as session:
        meetings = await session.scalars(select(Meeting))
        return {m.uid: {key: getattr(m, key) for key in COLUMNS} for m in meetings}


async def by_uid(database: Database, uid: str) -> Meeting:
    async with database.sessions() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.uid == uid))
    assert meeting is not None
    return meeting
