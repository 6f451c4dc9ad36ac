"""The admin's /import and /export: the sender is checked against the `admins` table first.

`unrcca-bot import` and `export` (bot.services.calendars.command_line) use the same functions.

A file is downloaded only after the sender and its size have passed, and outside any database
transaction (a slow download must not hold one open). A big file must not stall everyone else:
it is parsed in a worker process within a time and memory budget (bot.services.calendars.worker),
and its events applied in batches, one short transaction each,
with the admin told how far it got after each batch.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from bot.services.admin.access import is_admin
from bot.services.calendars.export import export_calendar
from bot.services.calendars.parsing import (
    BrokenCalendar,
    NotACalendar,
    ParsedCalendar,
    UnknownEncoding,
)
from bot.services.calendars.report import report_reply
from bot.services.calendars.sync import ImportReport, apply_calendar
from bot.services.calendars.worker import OverBudget, parse_within_budget
from bot.services.entry import opened, refused_unless_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import Runtime
from bot.texts import Html, InterfaceLanguage, t

log = logging.getLogger(__name__)

MAX_FILE_SIZE = 1024 * 1024
CALENDAR_TYPES = frozenset({"text/calendar", "application/ics"})
# Events per transaction: short enough that a SQLite writer never waits long behind one (the
# new meetings of 500 are added in a few statements, sync.apply_calendar: 0.1 to 0.3 s on a busy
# machine), long enough that 6,000 events take 12 transactions, not 60.
BATCH_SIZE = 500
# What tells the admin how far an import got; the handler shows it (a message, then edits).
Progress = Callable[[Html], Awaitable[None]]


@dataclass(frozen=True)
class Upload:
    file_name: str
    mime_type: str | None
    # What Telegram says the file weighs; None when it does not say.
    file_size: int | None
    fetch: Callable[[], Awaitable[bytes]]


async def run_export(runtime: Runtime, inquiry: Inquiry) -> Reply:
    async with opened(runtime, inquiry) as (session, request):
        if refusal := await refused_unless_admin(session, request, "/export"):
            return refusal
        return await export_calendar(session, request)


async def run_import(
    runtime: Runtime, inquiry: Inquiry, upload: Upload | None, progress: Progress | None = None
) -> Reply:
    async with opened(runtime, inquiry) as (session, request):
        if refusal := await refused_unless_admin(session, request, "/import"):
            return refusal
    parsed = await _read(request, upload)
    if isinstance(parsed, Reply):
        return parsed
    report = await import_parsed(runtime, request.user_id, parsed, progress, request.language)
    return report_reply(report, request.language)


async def import_parsed(
    runtime: Runtime,
    actor_id: int | None,
    parsed: ParsedCalendar,
    progress: Progress | None = None,
    language: InterfaceLanguage = "en",
) -> ImportReport:
    """The changes, BATCH_SIZE events a transaction (a big file must not hold the database or
    the others' answers), `progress` told after each batch; `actor_id` None is the command
    line."""
    report = await _apply_in_batches(runtime, actor_id, parsed, progress, language)
    log.info(
        "%s imported a calendar: created %d, updated %d, unchanged %d, skipped %d",
        _actor(actor_id),
        len(report.created),
        len(report.updated),
        len(report.unchanged),
        len(report.skipped),
    )
    return report


async def run_calendar_hint(runtime: Runtime, inquiry: Inquiry, file_name: str) -> Reply | None:
    """An .ics sent without /import: an admin is told how to import it; others get no answer."""
    async with opened(runtime, inquiry) as (session, request):
        if not await is_admin(session, request.user_id):
            return None
    return Reply(t(request.language, "calendar.import.hint", name=file_name))


def not_a_calendar(language: InterfaceLanguage, name: str, error: NotACalendar) -> Html:
    if isinstance(error, OverBudget):
        return t(language, "calendar.import.over_budget", name=name, reason=_over(language, error))
    if isinstance(error, UnknownEncoding):
        return t(language, "calendar.import.unknown_encoding", name=name, encoding=error.encoding)
    if isinstance(error, BrokenCalendar):
        problem = t(language, f"calendar.broken.{error.problem}")
        return t(
            language,
            "calendar.import.broken",
            name=name,
            line=error.line,
            content=error.content,
            problem=problem,
        )
    return t(language, "calendar.import.not_calendar", name=name)


async def _apply_in_batches(
    runtime: Runtime,
    actor_id: int | None,
    parsed: ParsedCalendar,
    progress: Progress | None,
    language: InterfaceLanguage,
) -> ImportReport:
    events, total = parsed.events, len(parsed.events)
    report = ImportReport(skipped=list(parsed.problems), notes=list(parsed.notes))
    tell = progress if progress is not None and total > BATCH_SIZE else None
    if tell is not None:
        await tell(t(language, "calendar.import.progress", done=0, total=total))
    for first in range(0, total, BATCH_SIZE):
        batch = replace(parsed, events=events[first : first + BATCH_SIZE], problems=(), notes=())
        async with runtime.transaction() as session:
            done = await apply_calendar(session, actor_id, batch, runtime.clock())
        _add(report, done)
        if tell is not None:
            done_count = min(first + BATCH_SIZE, total)
            await tell(t(language, "calendar.import.progress", done=done_count, total=total))
    report.skipped.sort(key=lambda problem: problem.number)
    return report


def _add(report: ImportReport, batch: ImportReport) -> None:
    report.created += batch.created
    report.updated += batch.updated
    report.unchanged += batch.unchanged
    report.skipped += batch.skipped


async def _read(request: Request, upload: Upload | None) -> ParsedCalendar | Reply:
    language = request.language
    if upload is None:
        return Reply(t(language, "calendar.import.usage"))
    if not _is_ics(upload):
        return Reply(t(language, "calendar.import.not_ics", name=upload.file_name))
    if (upload.file_size or 0) > MAX_FILE_SIZE:
        return _too_big(language, upload.file_name, upload.file_size or 0)
    content = await upload.fetch()
    if len(content) > MAX_FILE_SIZE:
        return _too_big(language, upload.file_name, len(content))
    try:
        # Parsing takes seconds of CPU, and a hostile file could take minutes or gigabytes: in
        # a worker process within its budgets, while the event loop answers others.
        return await parse_within_budget(content)
    except NotACalendar as error:
        log.info("user %s sent %r, not a calendar: %s", request.user_id, upload.file_name, error)
        return Reply(not_a_calendar(language, upload.file_name, error))


def _over(language: InterfaceLanguage, error: OverBudget) -> Html:
    if error.budget == "time":
        return t(language, "calendar.budget.time", seconds=f"{error.limit:g}")
    return t(language, "calendar.budget.memory", megabytes=f"{error.limit:g}")


def _is_ics(upload: Upload) -> bool:
    return upload.file_name.lower().endswith(".ics") or upload.mime_type in CALENDAR_TYPES


def _too_big(language: InterfaceLanguage, name: str, size: int) -> Reply:
    limit = MAX_FILE_SIZE // 1024
    return Reply(
        t(language, "calendar.import.too_big", name=name, size=-(-size // 1024), limit=limit)
    )


def _actor(actor_id: int | None) -> str:
    return f"user {actor_id}" if actor_id is not None else "the command line"
