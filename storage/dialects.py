"""What differs between the two databases the bot runs on, in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, inspect, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def insert_for(session: AsyncSession) -> Any:
    """The dialect's INSERT, which has ON CONFLICT DO NOTHING / DO UPDATE on both databases."""
    return insert_of(session.get_bind().dialect.name)


def insert_of(dialect: str) -> Any:
    """`insert_for` by the dialect's name ("postgresql", "sqlite")."""
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def is_postgresql(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


async def lock_for_write(session: AsyncSession, model: type[Any]) -> None:
    """Before reads whose result decides a write: on SQLite, take the database's write lock now.

    SQLite has no row locks (FOR UPDATE is ignored) and its reads take none, so two transactions
    could both read, then both write. The driver begins a transaction IMMEDIATE before its first
    write (storage/database.py), waiting out another writer: a write that changes nothing (to
    `model`'s table) takes the lock here, and what is read after it is what the writers before
    committed. PostgreSQL: nothing; the caller's SELECT ... FOR UPDATE locks its rows.
    """
    if is_postgresql(session):
        return
    key = inspect(model).primary_key[0]
    await session.execute(update(model).where(false()).values({key.name: key}))
