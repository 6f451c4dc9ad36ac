"""Adding many meetings at once, below the write path (meeting_writes.changes.add_meetings):
which would be duplicates, of a stored meeting (the same title and start, or the same uid) or of
one earlier in the batch, one query for each check however many the batch holds (an import's
hundreds); the one INSERT of the others; and what became of each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert as sql_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Meeting
from storage.repositories import meetings


class DuplicateMeeting(Exception):
    """Another meeting has the same title and start (or the same uid)."""

    def __init__(self, other_id: int | None) -> None:
        super().__init__(f"the same meeting exists: {other_id}")
        self.other_id = other_id


@dataclass(frozen=True)
class Refusal:
    """Why a draft is not added: `stored`, the id of a stored meeting with its title and start;
    `earlier`, the position in the batch of one before it with them; neither: its uid is taken
    (stored, or earlier in the batch)."""

    stored: int | None = None
    earlier: int | None = None


async def screen(session: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> list[Refusal | None]:
    """One entry per row (a meeting's columns), in order: None for one that may be added, else
    its Refusal. The same precedence as one meeting added at a time: title and start, then uid."""
    keys = [(row["title_en"], row["starts_at"]) for row in rows]
    stored = await meetings.same_titles_and_starts(session, keys)
    taken = await meetings.uids_taken(session, [row["uid"] for row in rows])
    first: dict[tuple[str, datetime], int] = {}
    screened: list[Refusal | None] = []
    for position, (row, key) in enumerate(zip(rows, keys, strict=True)):
        screened.append(_refusal(key, row["uid"], stored, first, taken))
        if screened[-1] is None:
            first[key] = position
            taken.add(row["uid"])
    return screened


def _refusal(
    key: tuple[str, datetime],
    uid: str,
    stored: dict[tuple[str, datetime], int],
    first: dict[tuple[str, datetime], int],
    taken: set[str],
) -> Refusal | None:
    if key in stored:
        return Refusal(stored=stored[key])
    if key in first:
        return Refusal(earlier=first[key])
    return Refusal() if uid in taken else None


async def insert(session: AsyncSession, rows: list[dict[str, Any]]) -> dict[str, Meeting]:
    """The meetings of `rows` (their columns) written, by uid. Another writer may take a title
    and start or a uid between the checks and the insert (the unique keys refuse it): then one
    by one, so only those fail."""
    try:
        return await _inserted(session, rows)
    except DuplicateMeeting:
        if len(rows) == 1:
            return {}
    written: dict[str, Meeting] = {}
    for row in rows:
        with suppress(DuplicateMeeting):
            written |= await _inserted(session, [row])
    return written


async def _inserted(session: AsyncSession, rows: list[dict[str, Any]]) -> dict[str, Meeting]:
    """One INSERT of many rows (SQLAlchemy's "insertmanyvalues"; the ORM's flush would insert
    them one by one to return their ids in order), in a savepoint, which keeps the caller's
    transaction usable after a refusal: an import goes on."""
    if not rows:
        return {}
    try:
        async with session.begin_nested():
            inserted = await session.scalars(sql_insert(Meeting).returning(Meeting), rows)
            return {meeting.uid: meeting for meeting in inserted}
    except IntegrityError as error:
        raise DuplicateMeeting(None) from error


def outcome(
    row: Mapping[str, Any],
    refusal: Refusal | None,
    rows: list[dict[str, Any]],
    written: Mapping[str, Meeting],
) -> Meeting | DuplicateMeeting:
    """What became of `row` (one of `rows`, as `screen` judged it): its meeting, or why not."""
    if refusal is None:
        return written.get(row["uid"]) or DuplicateMeeting(None)
    if refusal.earlier is not None:
        earlier = written.get(rows[refusal.earlier]["uid"])
        return DuplicateMeeting(earlier.id if earlier is not None else None)
    return DuplicateMeeting(refusal.stored)
