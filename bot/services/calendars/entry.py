"""The admin's /import and /export: the sender is checked against the `admins` table first.

`unrcca-bot import` and `export` (bot.services.calendars.command_line) use the same functions.

A file is downloaded only after the sender and its size have passed, and outside any database
transaction (a slow download must not hold one open); the changes are then made in one.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.services.admin.access import is_admin
from bot.services.calendars.export import export_calendar
from bot.services.calendars.parsing import (
    BrokenCalendar,
    NotACalendar,
    ParsedCalendar,
    parse_calendar,
)
from bot.services.calendars.report import report_reply
from bot.services.calendars.sync import ImportReport, apply_calendar
from bot.services.entry import opened, refused_unless_admin
from bot.services.inquiry import Inquiry
from bot.services.reply import Reply
from bot.services.request import Request
from bot.services.runtime import Runtime
from bot.texts import Html, Language, t

log = logging.getLogger(__name__)

MAX_FILE_SIZE = 1024 * 1024
CALENDAR_TYPES = frozenset({"text/calendar", "application/ics"})


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


async def run_import(runtime: Runtime, inquiry: Inquiry, upload: Upload | None) -> Reply:
    async with opened(runtime, inquiry) as (session, request):
        if refusal := await refused_unless_admin(session, request, "/import"):
            return refusal
    parsed = await _read(request, upload)
    if isinstance(parsed, Reply):
        return parsed
    report = await import_parsed(runtime, request.user_id, parsed)
    return report_reply(report, request.language)


async def import_parsed(
    runtime: Runtime, actor_id: int | None, parsed: ParsedCalendar
) -> ImportReport:
    """The changes, in one transaction; `actor_id` None is the command line."""
    async with runtime.transaction() as session:
        report = await apply_calendar(session, actor_id, parsed, runtime.clock())
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


def not_a_calendar(language: Language, name: str, error: NotACalendar) -> Html:
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
        return parse_calendar(content)
    except NotACalendar as error:
        log.info("user %s sent %r, not a calendar: %s", request.user_id, upload.file_name, error)
        return Reply(not_a_calendar(language, upload.file_name, error))


def _is_ics(upload: Upload) -> bool:
    return upload.file_name.lower().endswith(".ics") or upload.mime_type in CALENDAR_TYPES


def _too_big(language: Language, name: str, size: int) -> Reply:
    limit = MAX_FILE_SIZE // 1024
    return Reply(
        t(language, "calendar.import.too_big", name=name, size=-(-size // 1024), limit=limit)
    )


def _actor(actor_id: int | None) -> str:
    return f"user {actor_id}" if actor_id is not None else "the command line"
