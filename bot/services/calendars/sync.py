"""Applying a parsed calendar to the meetings, through meeting_writes.changes like every change.

A meeting is found by its UID: an event whose values differ updates it, an identical one is
left alone (no audit entry, no notices), and a new UID adds a meeting that keeps that UID (the
new meetings of a batch added at once, `add_meetings`, in the file's order among the updates). A
cancellation goes through `cancel_meeting` and an un-cancellation through `restore_meeting`, so
what follows those (notices) follows an import too. A version older than the meeting's, by
SEQUENCE and LAST-MODIFIED, is refused and named: an old export must not undo a cancellation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.calendars.parsing import EventProblem, ImportedEvent, ParsedCalendar
from bot.services.calendars.reading import FileNote
from bot.services.calendars.versions import (
    imported_version,
    is_older,
    remember_imported_version,
    without_stale_russian,
)
from bot.services.meeting_writes.changes import (
    DuplicateMeeting,
    add_meetings,
    cancel_meeting,
    edit_meeting,
    restore_meeting,
)
from storage.models import Meeting, MeetingStatus
from storage.repositories import meetings

STATUS_COLUMNS = ("status", "cancel_reason")


@dataclass(frozen=True)
class ImportedMeeting:
    """One event that is a meeting now: where it stood in the file, and what changed."""

    number: int
    meeting_id: int
    title: str
    changed: tuple[str, ...] = ()


@dataclass
class ImportReport:
    created: list[ImportedMeeting] = field(default_factory=list)
    updated: list[ImportedMeeting] = field(default_factory=list)
    unchanged: list[ImportedMeeting] = field(default_factory=list)
    skipped: list[EventProblem] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)


async def apply_calendar(
    session: AsyncSession, actor_id: int | None, parsed: ParsedCalendar, now: datetime
) -> ImportReport:
    """`actor_id` None: the command line (`unrcca-bot import`), as the audit log shows it."""
    report = ImportReport(skipped=list(parsed.problems), notes=list(parsed.notes))
    await meetings.plan_each_statement(session)
    # Every meeting the file names, read at once (a file of 6,000 events: 6 queries, not 6,000).
    known = await meetings.by_uids(session, [event.uid for event in parsed.events])
    # New meetings wait to be added together (add_meetings), until an event would write to a
    # meeting or name one of them again: the file's order decides as if added one by one.
    new: dict[str, ImportedEvent] = {}
    for event in parsed.events:
        if event.uid in new:
            await _add_new(session, actor_id, new, report, now, known)
        meeting = known.get(event.uid)
        if meeting is None:
            new[event.uid] = event
        elif (newer := _newer(meeting, event, report)) is not None:
            await _add_new(session, actor_id, new, report, now, known)
            await _apply_newer(session, actor_id, meeting, event, newer, report, now)
    await _add_new(session, actor_id, new, report, now, known)
    report.skipped.sort(key=lambda problem: problem.number)
    return report


async def _add_new(
    session: AsyncSession,
    actor_id: int | None,
    new: dict[str, ImportedEvent],
    report: ImportReport,
    now: datetime,
    known: dict[str, Meeting],
) -> None:
    """The waiting events added at once; `known`, the meetings by uid, gets those added."""
    events = list(new.values())
    new.clear()
    if not events:
        return
    many, versions = [e.values for e in events], [imported_version(e) for e in events]
    added = await add_meetings(session, actor_id, many, now, versions)
    for event, outcome in zip(events, added, strict=True):
        if isinstance(outcome, DuplicateMeeting):
            report.skipped.append(_duplicate(event, outcome))
            continue
        known[event.uid] = outcome
        report.created.append(_imported(event, outcome))


def _newer(
    meeting: Meeting, event: ImportedEvent, report: ImportReport
) -> tuple[dict[str, object], tuple[str, ...]] | None:
    """The event's values and the columns they change, when it changes the meeting; None after
    reporting it older (which never becomes the one held) or unchanged."""
    values = without_stale_russian(meeting, event.values)
    changed = tuple(key for key, value in values.items() if _differs(meeting, key, value))
    if is_older(meeting, event):
        if changed:
            report.skipped.append(_older(event, meeting))
        else:
            report.unchanged.append(_imported(event, meeting))
        return None
    if not changed:
        remember_imported_version(meeting, event)
        report.unchanged.append(_imported(event, meeting))
        return None
    return values, changed


async def _apply_newer(
    session: AsyncSession,
    actor_id: int | None,
    meeting: Meeting,
    event: ImportedEvent,
    newer: tuple[dict[str, object], tuple[str, ...]],
    report: ImportReport,
    now: datetime,
) -> None:
    values, changed = newer
    try:
        await _update(session, actor_id, meeting, values, now)
    except DuplicateMeeting as duplicate:
        report.skipped.append(_duplicate(event, duplicate))
        return
    remember_imported_version(meeting, event)
    report.updated.append(_imported(event, meeting, changed))


async def _update(
    session: AsyncSession,
    actor_id: int | None,
    meeting: Meeting,
    values: dict[str, object],
    now: datetime,
) -> None:
    status, reason = values["status"], values.get("cancel_reason")
    fields = {key: value for key, value in values.items() if key not in STATUS_COLUMNS}
    if status == MeetingStatus.SCHEDULED and meeting.status == MeetingStatus.CANCELLED:
        await restore_meeting(session, actor_id, meeting.id, now)
    if any(_differs(meeting, key, value) for key, value in fields.items()):
        await edit_meeting(session, actor_id, meeting.id, fields, now)
    if status == MeetingStatus.CANCELLED and meeting.status != MeetingStatus.CANCELLED:
        await cancel_meeting(session, actor_id, meeting.id, _text(reason), now)
    elif status == MeetingStatus.CANCELLED and reason != meeting.cancel_reason:
        # Still cancelled, for another reason: a correction, not a second cancellation.
        await edit_meeting(session, actor_id, meeting.id, {"cancel_reason": reason}, now)


def _differs(meeting: Meeting, key: str, value: object) -> bool:
    # SEQUENCE is the file's version, not a fact about the meeting.
    return key != "sequence" and getattr(meeting, key) != value


def _text(value: object) -> str | None:
    return str(value) if value is not None else None


def _imported(
    event: ImportedEvent, meeting: Meeting, changed: tuple[str, ...] = ()
) -> ImportedMeeting:
    return ImportedMeeting(event.number, meeting.id, meeting.title_en, changed)


def _older(event: ImportedEvent, meeting: Meeting) -> EventProblem:
    details = {"id": meeting.id, "file": event.values.get("sequence", 0), "ours": meeting.sequence}
    title = str(event.values.get("title_en"))
    return EventProblem(event.number, title, "older", details, event.line)


def _duplicate(event: ImportedEvent, duplicate: DuplicateMeeting) -> EventProblem:
    title = str(event.values.get("title_en"))
    if duplicate.other_id is None:
        return EventProblem(event.number, title, "conflict", line=event.line)
    return EventProblem(event.number, title, "duplicate", {"id": duplicate.other_id}, event.line)
