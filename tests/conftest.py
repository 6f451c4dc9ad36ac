from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.database import Database, open_database, prepare_database
from tests.fakebotapi.fixtures import fake_api_fixture  # noqa: F401 - the `fake_api` fixture
from tests.support.databases import POSTGRES_URL, require_postgres, reset_postgres
from tests.support.pgcluster_fixture import pg_cluster_fixture  # noqa: F401 - `pg_cluster`

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await require_postgres()
    await reset_postgres()
    return POSTGRES_URL


@pytest.fixture
async def postgres_url() -> str:
    """An empty PostgreSQL database, for what only PostgreSQL deployments do."""
    await require_postgres()
    await reset_postgres()
    return POSTGRES_URL


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """A migrated database holding the bundled knowledge."""
    db = open_database(database_url)
    await prepare_database(db)
    yield db
    await db.dispose()
