"""/audit [N]: the latest changes to meetings, who made them and what changed."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from sqlalchemy.ext.asyncio import AsyncSession

from bot.formatting.dates import locale_for
from bot.formatting.fitting import fit, shorten
from bot.services.numbers import parse_number
from bot.services.reply import Reply
from bot.services.request import Request
from bot.texts import Html, t
from storage.models import AuditEntry
from storage.repositories import audit

DEFAULT_COUNT = 10
MAX_COUNT = 50
VALUE_LIMIT = 60
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
    head = [t(request.language, "admin.audit.header", count=len(entries))]
    items = [entry_text(entry, request.language) for entry in entries]
    return Reply(fit(head, items, [], t(request.language, "admin.audit.too_long")))


def entry_text(entry: AuditEntry, language: str) -> Html:
    """One change: when, who, what, and each column before and after."""
    when = format_datetime(entry.at, "d MMM y, HH:mm", tzinfo=UTC, locale=locale_for(language))
    lines = [
        t(
            language,
            "admin.audit.item",
            when=when,
            actor=entry.actor_id if entry.actor_id is not None else "—",
            action=t(language, f"admin.audit.action.{entry.action}"),
            id=entry.meeting_id if entry.meeting_id is not None else "—",
        )
    ]
    lines += [t(language, "admin.audit.change", **change) for change in _changes(entry)]
    return Html("\n".join(lines))


def _changes(entry: AuditEntry) -> list[dict[str, str]]:
    before, after = entry.before or {}, entry.after or {}
    if entry.action in ("add", "delete"):
        keys: tuple[str, ...] = NAMING_COLUMNS
    else:
        keys = tuple(dict.fromkeys([*before, *after]))
    return [
        {"column": key, "before": _value(before.get(key)), "after": _value(after.get(key))}
        for key in keys
        if key in before or key in after
    ]


def _value(value: Any) -> str:
    return "—" if value is None else shorten(str(value), VALUE_LIMIT)
