from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.database import Database, open_database, prepare_database
from tests.fakebotapi.fixtures import fake_api_fixture  # noqa: F401 - the `fake_api` fixture
from tests.support.databases import (
    POSTGRES_URL,
    require_postgres,
    reset_postgres,
    seeded_postgres,
    seeded_sqlite,
)
from tests.support.pgcluster_fixture import pg_cluster_fixture  # noqa: F401 - `pg_cluster`

# The `slow` tier, which the main command leaves out and `.ci/run` runs after it (`-m slow`):
# real-process tests and scenarios of 15 seconds or more each (their time waiting on real
# clocks, or reading whole corpora), which kept the main command over its 6 minutes on 2 cores.
SLOW_TIER = (
    "tests/process/test_reminder_restarts.py",  # sleeps 70 s: a reminder due while the bot is down
    "tests/process/test_fanout_processes.py",  # 300-chat fan-outs with two processes, a SIGKILL
    # Claims of a killed, stopped or replaced process taken over (25-30 s each: heartbeats lapse).
    "tests/process/test_claim_holders_process.py",
    "tests/e2e/test_database_outage.py",  # the database cut mid fan-out for seconds
    "tests/e2e/test_lost_leadership.py",  # the leader's lock taken away mid fan-out
    "tests/process/test_channel_processes.py",  # two processes, one channel, a leader stopped
    "tests/process/test_calendar_cli.py",  # unrcca-bot import and export as processes
    "tests/e2e/test_digests.py",  # a digest due, a restart, the next week's (40 s)
    "tests/e2e/test_big_import.py",  # 6,000 events imported while others are answered
    # Every calendar of other projects' test suites imported; the export read back (20-30 s).
    "tests/services/calendars/test_calendar_corpora.py",
    "tests/services/calendars/test_calendar_round_trip.py",
    # Fan-outs of hundreds of messages through the fake Bot API's faults (429 storms, network
    # errors, cancellations mid fan-out) and 500 chats at the rate limit (10-20 s each).
    "tests/e2e/test_outbound.py",
    "tests/e2e/test_fanout.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        if Path(str(item.path)).relative_to(root).as_posix() in SLOW_TIER:
            item.add_marker(pytest.mark.slow)


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database on each backend as the bot leaves it at its first start: migrated, holding
    the bundled knowledge and nothing else (tests/support/databases.py makes it quickly)."""
    if request.param == "sqlite":
        await seeded_sqlite(tmp_path / "bot.db")
        return f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await require_postgres()
    await seeded_postgres()
    return POSTGRES_URL


@pytest.fixture(params=BACKENDS)
async def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend: no tables, like a fresh install."""
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
