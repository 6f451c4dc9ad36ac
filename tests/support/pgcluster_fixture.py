"""The `pg_cluster` fixture: a PostgreSQL cluster of the test's own, removed afterwards.

It skips, saying why, where the server programs are missing; with REQUIRE_POSTGRES=1 it fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.pgcluster import (
    PostgresCluster,
    cluster_folder,
    free_cluster_port,
    server_bin,
    why_no_cluster,
)

START_ATTEMPTS = 3


@pytest.fixture(name="pg_cluster")
async def pg_cluster_fixture() -> AsyncIterator[PostgresCluster]:
    problem = why_no_cluster()
    if problem is not None:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but {problem}")
        pytest.skip(problem)
    bin_folder = server_bin()
    assert bin_folder is not None
    cluster = await created_cluster(bin_folder)
    try:
        yield cluster
    finally:
        await removed(cluster)


async def created_cluster(bin_folder: Path) -> PostgresCluster:
    """A new cluster, tried again on another port when one does not start: a port found free
    may be taken before the server binds it (every test process picks ports), and the suite
    once lost a test to a start that failed so, on a loaded machine."""
    failures = []
    for _ in range(START_ATTEMPTS):
        cluster = PostgresCluster(bin_folder, cluster_folder(), free_cluster_port())
        try:
            await cluster.create()
        except RuntimeError as error:
            failures.append(str(error))
            await removed(cluster)
            continue
        return cluster
    raise RuntimeError("no test cluster started:\n" + "\n\n".join(failures))


async def removed(cluster: PostgresCluster) -> None:
    await cluster.stop_if_running()
    shutil.rmtree(cluster.folder, ignore_errors=True)
