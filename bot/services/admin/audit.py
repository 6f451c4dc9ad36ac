"""/audit [N]: the latest changes to meetings, who made them and what changed."""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import locale_for
from bot.formatting.fitting import fit
from bot.services.admin.audit_values import changed_lines, clock_now, value_lines
from bot.services.numbers import parse_number
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, t
from storage.models import AuditEntry, Meeting
from storage.repositories import audit, meetings

DEFAULT_COUNT = 10
MAX_COUNT = 50
# An added or deleted meeting is named by these, not by all its columns.
NAMING_COLUMNS = ("title_en", "starts_at", "city_en")
UTC = ZoneInfo("UTC")


async def show_audit(session: AsyncSession, request: Request) -> Reply:
    count = parse_number(request.args, high=MAX_COUNT) if request.args.strip() else DEFAULT_COUNT
    if count is None:
        return Reply(t(request.language, "admin.error.bad_count", limit=MAX_COUNT))
    entries = await audit.latest(session, count)
    if not entries:
        return Reply(t(request.language, "admin.audit.empty"))
    ids = {entry.meeting_id for entry in entries if entry.meeting_id is not None}
    named = {meeting.id: meeting for meeting in await meetings.by_ids(session, ids)}
    head = [t(request.language, "admin.audit.header", count=len(entries))]
    items = [entry_text(entry, named, request.language) for entry in entries]
    return Reply(fit(head, items, [], t(request.language, "admin.audit.too_long")))


def entry_text(entry: AuditEntry, meetings: Mapping[int, Meeting], language: str) -> Html:
    when = format_datetime(entry.at, "d MMM y, HH:mm", tzinfo=UTC, locale=locale_for(language))
    lines = [
        t(
            language,
            "admin.audit.item",
            when=when,
            # No user: the change came from `unrcca-bot import` on the command line.
            actor=entry.actor_id
            if entry.actor_id is not None
            else t(language, "admin.audit.command_line"),
            action=t(language, f"admin.audit.action.{entry.action}"),
            id=entry.meeting_id if entry.meeting_id is not None else "—",
        )
    ]
    clock = clock_now(meetings.get(entry.meeting_id) if entry.meeting_id else None)
    before, after = entry.before or {}, entry.after or {}
    if entry.action.startswith("doc_"):
        lines.append(_document_line(before, after, language))
    elif entry.action in ("add", "delete"):
        lines += value_lines(after or before, NAMING_COLUMNS, clock, language)
    else:
        lines += changed_lines(before, after, clock, language)
    return Html("\n".join(lines))


def _document_line(
    before: Mapping[str, object], after: Mapping[str, object], language: str
) -> Html:
    """A document attached, replaced, removed, restored or published (bot.services.documents)."""
    was, now = before.get("document") or "—", after.get("document") or "—"
    return t(language, "admin.audit.document", before=was, after=now)
