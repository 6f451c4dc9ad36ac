"""Who may change meetings: the `admins` table, the one list every admin command checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialects import insert_for, lock_for_write
from storage.models import Admin, Chat

# The `name` column's length.
NAME_LIMIT = 128


async def is_admin(session: AsyncSession, user_id: int) -> bool:
    return await session.get(Admin, user_id) is not None


async def get(session: AsyncSession, user_id: int) -> Admin | None:
    return await session.get(Admin, user_id)


async def add(
    session: AsyncSession,
    user_id: int,
    granted_by: int | None,
    now: datetime,
    name: str | None = None,
) -> bool:
    """Make the user an admin; False when they already were (two grants at once make one row)."""
    insert = insert_for(session)
    statement = (
        insert(Admin)
        .values(
            user_id=user_id,
            name=name[:NAME_LIMIT] if name else None,
            granted_by=granted_by,
            granted_at=now,
        )
        .on_conflict_do_nothing(index_elements=[Admin.user_id])
        .returning(Admin.user_id)
    )
    return await session.scalar(statement) is not None


async def add_all(session: AsyncSession, user_ids: Iterable[int], now: datetime) -> None:
    for user_id in sorted(user_ids):
        await add(session, user_id, None, now)


async def mark_configured(session: AsyncSession, user_ids: Iterable[int]) -> None:
    """Exactly these admins are the ones BOT_ADMIN_IDS lists now."""
    listed = sorted(user_ids)
    await session.execute(update(Admin).values(configured=Admin.user_id.in_(listed)))


async def remember_name(session: AsyncSession, user_id: int, name: str | None) -> None:
    """Keep the name Telegram shows for an admin, when it is known and has changed."""
    if name:
        await session.execute(
            update(Admin)
            .where(Admin.user_id == user_id, Admin.name.is_distinct_from(name))
            .values(name=name[:NAME_LIMIT])
        )


async def remove(session: AsyncSession, user_id: int) -> None:
    admin = await session.get(Admin, user_id)
    if admin is not None:
        await session.delete(admin)


async def locked(session: AsyncSession) -> Sequence[Admin]:
    """Every admin, each row locked until the transaction ends (PostgreSQL; on SQLite the
    database's write lock). Locked in id order, so two transactions that both lock them wait for
    each other instead of each holding a part (two admins revoking each other deadlocked)."""
    await lock_for_write(session, Admin)
    query = (
        select(Admin)
        .order_by(Admin.user_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(query)).all()


async def wrote_to_bot(session: AsyncSession, user_ids: Iterable[int]) -> set[int]:
    """Those of `user_ids` who have a private chat with the bot: people who wrote to it."""
    query = select(Chat.id).where(Chat.id.in_(sorted(user_ids)), Chat.kind == "private")
    return set((await session.scalars(query)).all())


async def listed(session: AsyncSession) -> Sequence[Admin]:
    return (await session.scalars(select(Admin).order_by(Admin.granted_at, Admin.user_id))).all()
