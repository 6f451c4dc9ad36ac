"""Facts about UNRCCA itself, by key (name, inaugurated, purpose, tasks, countries, programme)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CentreFact


async def by_keys(session: AsyncSession, keys: Iterable[str]) -> dict[str, CentreFact]:
    rows = await session.scalars(select(CentreFact).where(CentreFact.key.in_(list(keys))))
    return {fact.key: fact for fact in rows}
