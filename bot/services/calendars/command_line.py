"""`unrcca-bot import FILE.ics` and `unrcca-bot export [FILE]`: what /import and /export do, for
whoever runs the bot, without Telegram.

The audit log records the command line's changes with no user (actor_id NULL); /audit shows
them as made by the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.formatting.plain import html_to_text
from bot.services.calendars.entry import import_parsed, not_a_calendar
from bot.services.calendars.export import ExportedCalendar, export_caption, whole_calendar
from bot.services.calendars.parsing import NotACalendar
from bot.services.calendars.report import full_report
from bot.services.calendars.worker import parse_within_budget
from bot.services.runtime import Runtime
from bot.texts import InterfaceLanguage

# Whoever runs the bot is the actor; no Telegram user is.
COMMAND_LINE_ACTOR = None


@dataclass(frozen=True)
class CommandResult:
    """What to print, and whether the command did what it was asked (exit status 0)."""

    text: str
    succeeded: bool
    content: bytes = b""


async def import_file(
    runtime: Runtime, name: str, content: bytes, language: InterfaceLanguage
) -> CommandResult:
    try:
        parsed = await parse_within_budget(content)
    except NotACalendar as error:
        return CommandResult(html_to_text(not_a_calendar(language, name, error)), succeeded=False)
    report = await import_parsed(runtime, COMMAND_LINE_ACTOR, parsed)
    return CommandResult(html_to_text(full_report(report, language)), succeeded=True)


async def export_file(runtime: Runtime, language: InterfaceLanguage) -> CommandResult:
    async with runtime.database.sessions() as session:
        exported: ExportedCalendar = await whole_calendar(session, runtime.clock())
    caption = html_to_text(export_caption(exported, language))
    return CommandResult(caption, succeeded=True, content=exported.content)
