"""The `pg_cluster` fixture: a PostgreSQL cluster of the test's own, removed afterwards.

It skips, saying why, where the server programs are missing; with REQUIRE_POSTGRES=1 it fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator

import pytest

from tests.support.pgcluster import (
    PostgresCluster,
    cluster_folder,
    free_cluster_port,
    server_bin,
    why_no_cluster,
)


@pytest.fixture(name="pg_cluster")
async def pg_cluster_fixture() -> AsyncIterator[PostgresCluster]:
    problem = why_no_cluster()
    if problem is not None:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but {problem}")
        pytest.skip(problem)
    bin_folder = server_bin()
    assert bin_folder is not None
    cluster = PostgresCluster(bin_folder, cluster_folder(), free_cluster_port())
    try:
        await cluster.create()
        yield cluster
    finally:
        await cluster.stop_if_running()
        shutil.rmtree(cluster.folder, ignore_errors=True)
