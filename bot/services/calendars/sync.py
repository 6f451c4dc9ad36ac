"""Applying a parsed calendar to the meetings, through meeting_changes like every other change.

A meeting is found by its UID: an event whose values differ updates it, an identical one is
left alone (no audit entry, no notices), and a new UID adds a meeting that keeps that UID.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.calendars.parsing import EventProblem, ImportedEvent, ParsedCalendar
from bot.services.meetings.changes import DuplicateMeeting, add_meeting, edit_meeting
from storage.models import Meeting
from storage.repositories import schedule


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[EventProblem] = field(default_factory=list)


async def apply_calendar(
    session: AsyncSession, actor_id: int | None, parsed: ParsedCalendar, now: datetime
) -> ImportReport:
    report = ImportReport(skipped=list(parsed.problems))
    for event in parsed.events:
        try:
            await _apply_event(session, actor_id, event, report, now)
        except DuplicateMeeting as duplicate:
            report.skipped.append(_duplicate(event, duplicate))
    report.skipped.sort(key=lambda problem: problem.number)
    return report


async def _apply_event(
    session: AsyncSession,
    actor_id: int | None,
    event: ImportedEvent,
    report: ImportReport,
    now: datetime,
) -> None:
    meeting = await schedule.by_uid(session, event.uid)
    if meeting is None:
        await add_meeting(session, actor_id, event.values, now)
        report.created += 1
    elif _differs(meeting, event):
        await edit_meeting(session, actor_id, meeting.id, event.values, now)
        report.updated += 1
    else:
        report.unchanged += 1


def _differs(meeting: Meeting, event: ImportedEvent) -> bool:
    return any(getattr(meeting, key) != value for key, value in event.values.items())


def _duplicate(event: ImportedEvent, duplicate: DuplicateMeeting) -> EventProblem:
    title = str(event.values.get("title_en"))
    if duplicate.other_id is None:
        return EventProblem(event.number, title, "conflict")
    return EventProblem(event.number, title, "duplicate", {"id": duplicate.other_id})
