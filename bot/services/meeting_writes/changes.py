"""Every change to a meeting, whoever makes it (an admin command, /import): one function a kind.

Each writes one audit entry with the values before and after, then runs the change hooks, where
what must follow a change (notices to subscribers, rescheduled reminders) plugs in. The hooks are
the application's (`Runtime.change_hooks`), bound to the session the runtime opens, so a job, a
command and an import all run them and two applications never see each other's. The caller owns
the transaction: a hook that fails undoes the change with it.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal
from uuid import uuid4

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.meeting_writes import additions
from bot.services.meeting_writes.additions import DuplicateMeeting
from storage.models import Meeting, MeetingStatus
from storage.repositories import audit, meetings, removals

ChangeKind = Literal["add", "edit", "cancel", "restore", "delete"]
# Columns the database keeps for itself; a change never sets them (the calendar_* ones are the
# version an import last gave the meeting, kept by bot.services.calendars.versions).
CALENDAR_VERSION = frozenset(
    {"calendar_sequence", "calendar_modified", "calendar_synced_sequence"}
)
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "rescheduled_at"} | CALENDAR_VERSION)
WRITABLE = frozenset(c.key for c in inspect(Meeting).column_attrs) - BOOKKEEPING


class MeetingNotFound(Exception):
    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"no meeting {meeting_id}")
        self.meeting_id = meeting_id


class MeetingWasReminded(Exception):
    """Subscribers were reminded of it: it can be cancelled, not deleted."""


@dataclass(frozen=True)
class MeetingChange:
    kind: ChangeKind
    meeting_id: int
    actor_id: int | None
    # JSON-safe column values: every column for add (after) and delete (before), else the changed.
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    # The meeting as it now is; None once deleted.
    meeting: Meeting | None
    at: datetime
    # The audit entry that records it: a key for what follows once per change (notices).
    change_id: int = 0
    # A delete: the chats that had heard of the meeting, read before its rows went with it.
    told: tuple[int, ...] = ()


# A hook is given every change a write made at once, in order: one change, or the meetings one
# `add_meetings` added (an import's batch), so it can write what follows in one statement.
ChangeHook = Callable[[AsyncSession, Sequence[MeetingChange]], Awaitable[None]]
# A hook that looks at one change at a time (a test's observer); `each_change` adapts it.
EachChangeHook = Callable[[AsyncSession, MeetingChange], Awaitable[None]]
_HOOKS = "meeting_change_hooks"


def bind_hooks(session: AsyncSession, hooks: tuple[ChangeHook, ...]) -> None:
    """Run `hooks` after every change made in this session (SQLAlchemy's per-session `info`)."""
    session.info[_HOOKS] = hooks


def each_change(hook: EachChangeHook) -> ChangeHook:
    """`hook` called once per change of a batch, in order."""

    async def run_each(session: AsyncSession, changes: Sequence[MeetingChange]) -> None:
        for change in changes:
            await hook(session, change)

    return run_each


def _hooks(session: AsyncSession) -> tuple[ChangeHook, ...]:
    hooks: tuple[ChangeHook, ...] = session.info.get(_HOOKS, ())
    return hooks


async def add_meeting(
    session: AsyncSession, actor_id: int | None, values: Mapping[str, object], now: datetime
) -> Meeting:
    """The meeting added; DuplicateMeeting when one with its title and start, or its uid, is
    stored."""
    (added,) = await add_meetings(session, actor_id, [values], now)
    if isinstance(added, DuplicateMeeting):
        raise added
    return added


async def add_meetings(
    session: AsyncSession,
    actor_id: int | None,
    many: Sequence[Mapping[str, object]],
    now: datetime,
    versions: Sequence[Mapping[str, object]] = (),
) -> list[Meeting | DuplicateMeeting]:
    """One result per values of `many`, in order: the meeting added, or the DuplicateMeeting that
    refused it (a stored meeting, or one earlier in `many`, has its title and start; its uid is
    taken). Written at once: one query for each check, one insert of the meetings and one of
    their audit entries, each hook given the batch. `versions`: for an import, each meeting's
    calendar version (CALENDAR_VERSION's columns, bot.services.calendars.versions), written with
    it and not a change. ValueError: keys that are not such columns."""
    kept = versions or [{}] * len(many)
    rows = [_row(values, version, now) for values, version in zip(many, kept, strict=True)]
    screened = list(zip(rows, await additions.screen(session, rows), strict=True))
    written = await additions.insert(session, [row for row, no in screened if no is None])
    added = [written[row["uid"]] for row, no in screened if no is None and row["uid"] in written]
    changes = [MeetingChange("add", m.id, actor_id, None, snapshot(m), m, now) for m in added]
    await _record_and_run_hooks(session, changes)
    return [additions.outcome(row, refusal, rows, written) for row, refusal in screened]


def _row(
    values: Mapping[str, object], version: Mapping[str, object], now: datetime
) -> dict[str, Any]:
    fields = _writable(values)
    fields.setdefault("uid", f"{uuid4()}@unrcca-bot")
    if not CALENDAR_VERSION.issuperset(version):
        raise ValueError(f"not calendar version columns: {sorted(version)}")
    return {**fields, **version, "created_at": now, "updated_at": now}


async def edit_meeting(
    session: AsyncSession,
    actor_id: int | None,
    meeting_id: int,
    values: Mapping[str, object],
    now: datetime,
) -> Meeting:
    meeting = await _get(session, meeting_id)
    wanted = _writable(values)
    # A SEQUENCE given (an imported calendar's) is a floor for the new one, not a change.
    floor = int(wanted.pop("sequence", 0) or 0)
    fields = {k: v for k, v in wanted.items() if getattr(meeting, k) != v}
    # Checked before anything is set, so a refused edit leaves nothing behind to be flushed.
    title, starts_at = fields.get("title_en", meeting.title_en), fields.get("starts_at")
    await _refuse_duplicate(session, title, starts_at or meeting.starts_at, meeting.id)
    before = {key: json_safe(getattr(meeting, key)) for key in fields}
    stamps = _touched(meeting, now, floor) | (
        {"rescheduled_at": now} if "starts_at" in fields else {}
    )
    await _write(session, lambda: _assign(meeting, {**fields, **stamps}))
    after = {key: json_safe(getattr(meeting, key)) for key in fields}
    await _changed(session, "edit", meeting, actor_id, before, after, now)
    return meeting


async def cancel_meeting(
    session: AsyncSession,
    actor_id: int | None,
    meeting_id: int,
    reason: str | None,
    now: datetime,
) -> Meeting:
    status = (MeetingStatus.CANCELLED, reason)
    return await _set_status(session, "cancel", actor_id, meeting_id, status, now)


async def restore_meeting(
    session: AsyncSession, actor_id: int | None, meeting_id: int, now: datetime
) -> Meeting:
    """A cancelled meeting is scheduled again; its cancellation reason stays in the audit."""
    status = (MeetingStatus.SCHEDULED, None)
    return await _set_status(session, "restore", actor_id, meeting_id, status, now)


async def _set_status(
    session: AsyncSession,
    kind: ChangeKind,
    actor_id: int | None,
    meeting_id: int,
    status: tuple[MeetingStatus, str | None],
    now: datetime,
) -> Meeting:
    meeting = await _get(session, meeting_id)
    before = {"status": meeting.status.value, "cancel_reason": meeting.cancel_reason}
    meeting.status, meeting.cancel_reason = status
    _assign(meeting, _touched(meeting, now))
    await session.flush()
    after = {"status": meeting.status.value, "cancel_reason": meeting.cancel_reason}
    await _changed(session, kind, meeting, actor_id, before, after, now)
    return meeting


async def delete_meeting(
    session: AsyncSession, actor_id: int | None, meeting_id: int, now: datetime
) -> None:
    meeting = await _get(session, meeting_id)
    if await meetings.was_reminded(session, meeting_id):
        raise MeetingWasReminded(meeting_id)
    before = snapshot(meeting)
    told = tuple(await removals.told_of(session, meeting_id))
    await session.delete(meeting)
    await session.flush()
    change = MeetingChange("delete", meeting_id, actor_id, before, None, None, now, told=told)
    await _record_and_run_hooks(session, [change])


def snapshot(meeting: Meeting) -> dict[str, Any]:
    return {key: json_safe(getattr(meeting, key)) for key in sorted(WRITABLE)}


def json_safe(value: object) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _writable(values: Mapping[str, object]) -> dict[str, Any]:
    unknown = set(values) - WRITABLE
    if unknown:
        raise ValueError(f"not meeting columns: {sorted(unknown)}")
    return dict(values)


async def _get(session: AsyncSession, meeting_id: int) -> Meeting:
    meeting = await meetings.get(session, meeting_id)
    if meeting is None:
        raise MeetingNotFound(meeting_id)
    return meeting


async def _refuse_duplicate(
    session: AsyncSession, title_en: str, starts_at: datetime, meeting_id: int | None
) -> None:
    other = await meetings.same_title_and_start(
        session, title_en, starts_at, other_than=meeting_id
    )
    if other is not None:
        raise DuplicateMeeting(other)


def _touched(meeting: Meeting, now: datetime, floor: int = 0) -> dict[str, object]:
    """Every change stamps the time and grows the SEQUENCE calendar apps compare versions by."""
    return {"updated_at": now, "sequence": max((meeting.sequence or 0) + 1, floor)}


def _assign(meeting: Meeting, fields: Mapping[str, object]) -> None:
    for key, value in fields.items():
        setattr(meeting, key, value)


async def _write(session: AsyncSession, change: Callable[[], None]) -> None:
    """The unique key decides when two admins save the same meeting at once.

    The change is made inside a savepoint (begin_nested flushes what is pending, so not before),
    which keeps the caller's transaction usable after a refusal: an import goes on.
    """
    try:
        async with session.begin_nested():
            change()
            await session.flush()
    except IntegrityError as error:
        raise DuplicateMeeting(None) from error


async def _changed(
    session: AsyncSession,
    kind: ChangeKind,
    meeting: Meeting,
    actor_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    now: datetime,
) -> None:
    change = MeetingChange(kind, meeting.id, actor_id, before, after, meeting, now)
    await _record_and_run_hooks(session, [change])


async def _record_and_run_hooks(session: AsyncSession, changes: list[MeetingChange]) -> None:
    """An audit entry for each change (one insert), then the hooks, each given them all. The
    changes of one call are of different meetings (a batch adds each once)."""
    if not changes:
        return
    entries = [
        {
            "at": change.at,
            "actor_id": change.actor_id,
            "action": change.kind,
            "meeting_id": change.meeting_id,
            "before": change.before,
            "after": change.after,
        }
        for change in changes
    ]
    ids = await audit.record_many(session, entries)
    recorded = [replace(change, change_id=ids[change.meeting_id]) for change in changes]
    for hook in _hooks(session):
        await hook(session, recorded)
