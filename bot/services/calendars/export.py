"""The schedule as one calendar: the admin's /export file, and the feed calendar apps subscribe to.

Both are in English whatever the reader's language: an import reads SUMMARY and DESCRIPTION
back into the English columns, so an exported file imported again changes nothing.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.calendars.file import MIME_TYPE, calendar_bytes
from bot.services.reply import Attachment, Reply
from bot.services.request import Request
from bot.texts import t
from storage.database import Database
from storage.repositories import schedule

EXPORT_FILE_NAME = "unrcca-meetings.ics"


async def scheduled_calendar(session: AsyncSession) -> tuple[int, bytes]:
    meetings = await schedule.scheduled(session)
    return len(meetings), calendar_bytes(meetings, "en")


async def calendar_feed(database: Database) -> bytes:
    async with database.sessions() as session:
        _, content = await scheduled_calendar(session)
    return content


async def export_calendar(session: AsyncSession, request: Request) -> Reply:
    count, content = await scheduled_calendar(session)
    attachment = Attachment(EXPORT_FILE_NAME, content, MIME_TYPE)
    return Reply(
        t(request.language, "calendar.export.caption", count=count), attachment=attachment
    )
