"""Every change to a meeting, whoever makes it (an admin command, /import): one function a kind.

Each writes one audit entry with the values before and after, then runs the change hooks, where
what must follow a change (notices to subscribers, rescheduled reminders) plugs in. The hooks are
the application's (`Runtime.change_hooks`), bound to the session the runtime opens, so a job, a
command and an import all run them and two applications never see each other's. The caller owns
the transaction: a hook that fails undoes the change with it.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal
from uuid import uuid4

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Meeting, MeetingStatus
from storage.repositories import audit, meetings, removals

ChangeKind = Literal["add", "edit", "cancel", "restore", "delete"]
# Columns the database keeps for itself; a change never sets them (the calendar_* ones are the
# version an import last gave the meeting, kept by bot.services.calendars.versions).
BOOKKEEPING = frozenset(
    {"id", "created_at", "updated_at", "rescheduled_at"}
    | {"calendar_sequence", "calendar_modified", "calendar_synced_sequence"}
)
WRITABLE = frozenset(c.key for c in inspect(Meeting).column_attrs) - BOOKKEEPING


class MeetingNotFound(Exception):
    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"no meeting {meeting_id}")
        self.meeting_id = meeting_id


class DuplicateMeeting(Exception):
    """Another meeting has the same title and start (or the same uid)."""

    def __init__(self, other_id: int | None) -> None:
        super().__init__(f"the same meeting exists: {other_id}")
        self.other_id = other_id


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


ChangeHook = Callable[[AsyncSession, MeetingChange], Awaitable[None]]
_HOOKS = "meeting_change_hooks"


def bind_hooks(session: AsyncSession, hooks: tuple[ChangeHook, ...]) -> None:
    """Run `hooks` after every change made in this session (SQLAlchemy's per-session `info`)."""
    session.info[_HOOKS] = hooks


def _hooks(session: AsyncSession) -> tuple[ChangeHook, ...]:
    hooks: tuple[ChangeHook, ...] = session.info.get(_HOOKS, ())
    return hooks


async def add_meeting(
    session: AsyncSession, actor_id: int | None, values: Mapping[str, object], now: datetime
) -> Meeting:
    fields = _writable(values)
    fields.setdefault("uid", f"{uuid4()}@unrcca-bot")
    meeting = Meeting(**fields, created_at=now, updated_at=now)
    await _refuse_duplicate(session, meeting.title_en, meeting.starts_at, None)
    if await meetings.uid_taken(session, str(fields["uid"])):
        raise DuplicateMeeting(None)
    await _write(session, lambda: session.add(meeting))
    await _changed(session, "add", meeting, actor_id, None, snapshot(meeting), now)
    return meeting


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
    await _record_and_run_hooks(session, change)


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
    await _record_and_run_hooks(session, change)


async def _record_and_run_hooks(session: AsyncSession, change: MeetingChange) -> None:
    entry = audit.record(
        session,
        at=change.at,
        actor_id=change.actor_id,
        action=change.kind,
        meeting_id=change.meeting_id,
        before=change.before,
        after=change.after,
    )
    await session.flush()
    recorded = replace(change, change_id=entry.id)
    for hook in _hooks(session):
        await hook(session, recorded)
