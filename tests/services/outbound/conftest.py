from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from storage.database import Database, open_database, prepare_database
from tests.support.databases import POSTGRES_URL
from tests.support.outage import DatabaseProxy, proxied


@pytest.fixture
async def postgres_database(postgres_url: str) -> AsyncIterator[Database]:
    """A migrated PostgreSQL database, for outages (a proxy in front of it can be cut)."""
    db = open_database(postgres_url)
    await prepare_database(db)
    yield db
    await db.dispose()


@pytest.fixture
async def proxy(postgres_database: Database) -> AsyncIterator[DatabaseProxy]:
    """A proxy in front of `postgres_database`, to cut and restore."""
    async with proxied(POSTGRES_URL) as proxy:
        yield proxy


@pytest.fixture
async def cut_off(proxy: DatabaseProxy) -> AsyncIterator[Database]:
    """`postgres_database` as seen through `proxy`: down while the proxy is cut."""
    db = open_database(proxy.url)
    yield db
    await db.dispose()
