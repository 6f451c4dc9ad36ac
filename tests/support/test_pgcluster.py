"""The test's own PostgreSQL cluster can be stopped, restarted and have its connections cut."""

from __future__ import annotations

import asyncpg
import pytest

from tests.support.pgcluster import PostgresCluster


async def connect(cluster: PostgresCluster) -> asyncpg.Connection:
    return await asyncpg.connect(host="127.0.0.1", port=cluster.port, user="postgres",
                                 database="bot")  # fmt: skip


async def test_a_cluster_stops_restarts_and_cuts_connections(pg_cluster: PostgresCluster) -> None:
    cut = await connect(pg_cluster)
    assert await pg_cluster.terminate_backends() == 1
    watcher = await connect(pg_cluster)
    try:
        others = "SELECT count(*) FROM pg_stat_activity WHERE datname = 'bot'"
        assert await watcher.fetchval(others) == 1
    finally:
        await watcher.close()
    cut.terminate()
    await pg_cluster.stop()
    with pytest.raises(OSError):
        await connect(pg_cluster)
    await pg_cluster.start()
    connection = await connect(pg_cluster)
    try:
        assert await connection.fetchval("SELECT current_database()") == "bot"
    finally:
        await connection.close()
    assert pg_cluster.url.endswith(f":{pg_cluster.port}/bot")
