"""What reminder deliveries and notices share: a claimed row names its holder (the process that
took it), ends (sent, failed, missed), or has its lease renewed while its holder works on it.

A claim is free again when its lease ran out or, at once, when its holder is gone (expired or
released: storage.repositories.holders)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    CTE,
    JSON,
    ColumnElement,
    Integer,
    Select,
    String,
    cast,
    column,
    literal,
    null,
    or_,
    select,
    true,
    update,
    values,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for, is_postgresql
from storage.models import DeliveryStatus
from storage.repositories.holders import held_by_nobody
from storage.types import UTCDateTime

Finisher = Callable[
    [AsyncSession, Sequence[int], DeliveryStatus, datetime, str | None], Awaitable[None]
]
Renewer = Callable[[AsyncSession, Sequence[int], datetime], Awaitable[None]]
# SQLite takes a bounded number of parameters a statement.
CHUNK = 500
# Changes told in one statement (five parameters each).
CHANGES_PER_STATEMENT = 500


# The columns of a row that tells one change to one chat (notices, channel posts), in the order
# of the `select` that `add_for_change` inserts.
CHANGE_COLUMNS = ("change_id", "kind", "meeting_id", "chat_id", "before", "status", "created_at")


@dataclass(frozen=True)
class Told:
    """One change to tell: its audit entry, what it is, its meeting, the values it shows as
    before (JSON-safe) and when it happened."""

    change_id: int
    kind: str
    meeting_id: int
    before: dict[str, Any] | None
    now: datetime


def change_rows(told: Told, chat_id: Any) -> Select[Any]:
    """CHANGE_COLUMNS' values for each chat `chat_id` (a column) ranges over, pending: the
    caller adds the FROM and WHERE that choose the chats, and `add_for_change` inserts them."""
    return select(
        literal(told.change_id),
        literal(told.kind),
        literal(told.meeting_id),
        chat_id,
        literal(told.before, JSON(none_as_null=True)),
        literal(DeliveryStatus.PENDING.value),
        literal(told.now, UTCDateTime()),
    )


def told_rows(told: Sequence[Told]) -> CTE:
    """The changes as rows of a FROM (change_id, kind, meeting_id, before, created_at): one
    VALUES list, however many (a UNION of a SELECT each cost 0.3 ms a change to build)."""
    columns = (
        column("change_id", Integer),
        column("kind", String),
        column("meeting_id", Integer),
        column("before", JSON(none_as_null=True)),
        column("created_at", UTCDateTime()),
    )
    rows = [(one.change_id, one.kind, one.meeting_id, _json(one.before), one.now) for one in told]
    return values(*columns, name="told").data(rows).cte("told")


def _json(value: dict[str, Any] | None) -> object:
    # A NULL typed as JSON: PostgreSQL reads a column of VALUES that are all untyped NULLs as
    # text, which it will not insert into a JSON column.
    return cast(null(), JSON) if value is None else value


async def add_for_changes(
    session: AsyncSession,
    model: type[Any],
    told: Sequence[Told],
    chat_id: Any,
    chosen: Callable[[CTE], ColumnElement[bool]],
) -> int:
    """For each change of `told`, a pending row for every chat `chat_id` (a column) ranges over
    where `chosen(changes)` holds (`changes`: told_rows' columns), skipping a chat already told;
    one statement per CHANGES_PER_STATEMENT changes. The number written."""
    written = 0
    for start in range(0, len(told), CHANGES_PER_STATEMENT):
        changes = told_rows(told[start : start + CHANGES_PER_STATEMENT])
        rows = (
            select(
                changes.c.change_id,
                changes.c.kind,
                changes.c.meeting_id,
                chat_id,
                changes.c.before,
                literal(DeliveryStatus.PENDING.value),
                changes.c.created_at,
            )
            # Every change with every chat; `chosen` keeps those to tell.
            .select_from(changes.join(chat_id.table, true()))
            .where(chosen(changes))
        )
        written += await add_for_change(session, model, rows)
    return written


async def add_for_change(
    session: AsyncSession, model: type[Any], rows: Select[*tuple[Any, ...]]
) -> int:
    """Insert `rows` (CHANGE_COLUMNS' values, one per chat), skipping a chat already told of
    the change; the number written."""
    statement = (
        insert_for(session)(model)
        .from_select(list(CHANGE_COLUMNS), rows)
        .on_conflict_do_nothing()
        .returning(model.id)
    )
    return len((await session.execute(statement)).all())


def finisher(model: type[Any]) -> Finisher:
    """`finish` for `model`'s rows, as the registry of delivery kinds takes it."""

    async def finish_rows(
        session: AsyncSession,
        ids: Sequence[int],
        status: DeliveryStatus,
        now: datetime,
        error: str | None = None,
    ) -> None:
        await finish(session, model, ids, status, now, error)

    return finish_rows


def renewer(model: type[Any]) -> Renewer:
    """`renew` for `model`'s rows, as the registry of delivery kinds takes it."""

    async def renew_rows(session: AsyncSession, ids: Sequence[int], now: datetime) -> None:
        await renew(session, model, ids, now)

    return renew_rows


async def take(
    session: AsyncSession,
    model: type[Any],
    free: ColumnElement[bool],
    now: datetime,
    limit: int,
    columns: Sequence[Any],
    *,
    holder: str,
) -> list[tuple[Any, ...]]:
    """Stamp `claimed_at` and `holder` on up to `limit` PENDING rows matching `free` (oldest
    first) and return their `columns`. On PostgreSQL rows another process is taking are skipped
    (FOR UPDATE SKIP LOCKED), so two processes never take the same row."""
    chosen = (
        select(model.id)
        .where(model.status == DeliveryStatus.PENDING, free)
        .order_by(model.id)
        .limit(limit)
    )
    if is_postgresql(session):
        chosen = chosen.with_for_update(skip_locked=True)
    statement = (
        update(model)
        .where(model.id.in_(chosen.scalar_subquery()))
        .values(claimed_at=now, holder_id=holder)
        .returning(*columns)
    )
    return [tuple(row) for row in (await session.execute(statement)).all()]


def abandoned(
    model: type[Any], now: datetime, lease: timedelta, holder: str
) -> ColumnElement[bool]:
    """Claims `holder` may take over at `now`: older than `lease`, or held by a process that is
    gone (its heartbeat expired, or it released them)."""
    return or_(
        model.claimed_at < now - lease,
        held_by_nobody(model.holder_id, now, holder),
    )


async def finish(
    session: AsyncSession,
    model: type[Any],
    ids: Sequence[int],
    status: DeliveryStatus,
    now: datetime,
    error: str | None = None,
) -> None:
    """Mark the rows SENT, FAILED (with the reason, at most 500 characters) or MISSED."""
    sent_at = now if status == DeliveryStatus.SENT else None
    for start in range(0, len(ids), CHUNK):
        await session.execute(
            update(model)
            .where(model.id.in_(ids[start : start + CHUNK]))
            .values(status=status, sent_at=sent_at, error=error[:500] if error else None)
        )


async def renew(
    session: AsyncSession, model: type[Any], ids: Sequence[int], now: datetime
) -> None:
    """The lease of rows still being worked on (queued or in flight) starts again at `now`."""
    for start in range(0, len(ids), CHUNK):
        await session.execute(
            update(model)
            .where(
                model.id.in_(ids[start : start + CHUNK]), model.status == DeliveryStatus.PENDING
            )
            .values(claimed_at=now)
        )


def ender(model: type[Any]) -> tuple[Finisher, Renewer]:
    """The finish and renew of a claimed table, for its entry in the registry of delivery kinds."""
    return finisher(model), renewer(model)
