"""Meetings admins are adding or editing, kept in the database between messages and processes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AdminDraft

# A draft no one saved in a week is forgotten when its admin starts another.
KEPT_FOR = timedelta(days=7)


async def create(
    session: AsyncSession,
    admin_id: int,
    kind: str,
    values: dict[str, Any],
    *,
    meeting_id: int | None = None,
    step: str | None = None,
    meeting_version: int | None = None,
    now: datetime,
) -> AdminDraft:
    await session.execute(
        delete(AdminDraft).where(
            AdminDraft.admin_id == admin_id, AdminDraft.created_at < now - KEPT_FOR
        )
    )
    draft = AdminDraft(
        admin_id=admin_id,
        kind=kind,
        values=values,
        meeting_id=meeting_id,
        step=step,
        meeting_version=meeting_version,
        created_at=now,
    )
    session.add(draft)
    await session.flush()
    return draft


async def get(session: AsyncSession, draft_id: int) -> AdminDraft | None:
    return await session.get(AdminDraft, draft_id)


async def dialog_of(session: AsyncSession, admin_id: int) -> AdminDraft | None:
    """The guided dialog the admin is in, if any (the newest, should two have been started)."""
    return await _newest(session, admin_id, AdminDraft.step.is_not(None))


async def previewed_by(session: AsyncSession, admin_id: int) -> AdminDraft | None:
    """The admin's newest draft that waits for Save or Cancel, if any."""
    return await _newest(session, admin_id, AdminDraft.step.is_(None))


async def _newest(
    session: AsyncSession, admin_id: int, which: ColumnElement[bool]
) -> AdminDraft | None:
    query = (
        select(AdminDraft)
        .where(AdminDraft.admin_id == admin_id, which)
        .order_by(AdminDraft.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def end_dialogs(session: AsyncSession, admin_id: int) -> None:
    await session.execute(
        delete(AdminDraft).where(AdminDraft.admin_id == admin_id, AdminDraft.step.is_not(None))
    )


async def remove(session: AsyncSession, draft: AdminDraft) -> None:
    await session.delete(draft)
