"""The whole schedule as one calendar: the admin's /export file, and the feed apps subscribe to.

Every meeting is in it, past and cancelled ones too: a calendar app that holds a meeting must
learn of its cancellation, and an export imported again must give back every meeting. /export is
in English (the record carries the Russian); the feed is in the language it is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.calendars.file import MIME_TYPE, FeedHeader, calendar_bytes
from bot.services.reply import Attachment, Reply
from bot.services.request import Request
from bot.texts import Html, t
from storage.database import Database
from storage.models import Meeting, MeetingStatus
from storage.repositories import documents, meetings

EXPORT_FILE_NAME = "unrcca-meetings.ics"
# How often a subscribed calendar app should fetch the feed again.
FEED_REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class ExportedCalendar:
    content: bytes
    upcoming: int
    past: int
    cancelled: int


async def whole_calendar(
    session: AsyncSession, now: datetime, language: str = "en", header: FeedHeader | None = None
) -> ExportedCalendar:
    schedule = await meetings.every_meeting(session)
    links = await documents.links(session)
    content = calendar_bytes(schedule, language, header, links)
    return ExportedCalendar(content, *_counts(schedule, now))


async def calendar_feed(database: Database, language: str, now: datetime) -> bytes:
    header = FeedHeader(t(language, "calendar.feed.name"), FEED_REFRESH)
    async with database.sessions() as session:
        return (await whole_calendar(session, now, language, header)).content


async def export_calendar(session: AsyncSession, request: Request) -> Reply:
    exported = await whole_calendar(session, request.now)
    attachment = Attachment(EXPORT_FILE_NAME, exported.content, MIME_TYPE)
    return Reply(export_caption(exported, request.language), attachment=attachment)


def export_caption(exported: ExportedCalendar, language: str) -> Html:
    return t(
        language,
        "calendar.export.caption",
        total=exported.upcoming + exported.past + exported.cancelled,
        upcoming=exported.upcoming,
        past=exported.past,
        cancelled=exported.cancelled,
    )


def _counts(meetings: Sequence[Meeting], now: datetime) -> tuple[int, int, int]:
    cancelled = [m for m in meetings if m.status == MeetingStatus.CANCELLED]
    past = [m for m in meetings if m.status != MeetingStatus.CANCELLED and m.starts_at < now]
    return len(meetings) - len(cancelled) - len(past), len(past), len(cancelled)
