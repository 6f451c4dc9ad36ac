"""A PostgreSQL cluster of a test's own (initdb, pg_ctl), which the test may stop, restart, or
cut connections of, the way an outage or a failover does to a running bot.

The server programs come from /usr/lib/postgresql/<version>/bin (Debian's layout). PostgreSQL
refuses to run as root, so under root the programs run as the `postgres` user, in a folder it
owns. Ports come from PG_CLUSTER_PORTS ("55410-55419" by default), the first one free.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import shutil
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path

import asyncpg

BIN_GLOB = "/usr/lib/postgresql/*/bin"
SERVER_USER = "postgres"


def server_bin() -> Path | None:
    """The newest installed server's bin folder, or None."""
    found = [
        Path(p) for p in Path("/").glob(BIN_GLOB.lstrip("/")) if (Path(p) / "pg_ctl").exists()
    ]
    return max(found, key=lambda p: int(p.parent.name), default=None)


def cluster_ports() -> range:
    low, high = os.environ.get("PG_CLUSTER_PORTS", "55410-55419").split("-")
    return range(int(low), int(high) + 1)


def free_cluster_port() -> int:
    for port in cluster_ports():
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"every port in {cluster_ports()} is taken")


@dataclass
class PostgresCluster:
    """One cluster: `url` names its database `bot` for SQLAlchemy (asyncpg)."""

    bin: Path
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/bot"

    @property
    def data(self) -> Path:
        return self.folder / "data"

    async def create(self) -> None:
        await self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--no-sync", "--no-instructions")  # fmt: skip
        await self.start()
        connection = await self._connect("postgres")
        try:
            await connection.execute("CREATE DATABASE bot")
        finally:
            await connection.close()

    async def start(self) -> None:
        # fsync off: a test's data need not survive a power cut, and sync writes are slow here.
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        try:
            await self._run("pg_ctl", "-D", str(self.data), "-o", options, "-w", "-t", "60",
                            "-l", str(self.log), "start")  # fmt: skip
        except RuntimeError as error:
            # pg_ctl says only that the server did not start; its log says why.
            raise RuntimeError(f"{error}\nserver log:\n{self.server_log()}") from None

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def server_log(self) -> str:
        """The last lines the server wrote (empty when it wrote none)."""
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""

    async def stop(self, mode: str = "fast") -> None:
        """`fast` disconnects clients and shuts down cleanly; `immediate` is a crash."""
        await self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    async def stop_if_running(self) -> None:
        if (self.data / "postmaster.pid").exists():
            await self.stop("immediate")

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def terminate_backends(self) -> int:
        """pg_terminate_backend on every other connection to `bot`; how many there were."""
        connection = await self._connect("postgres")
        try:
            return int(
                await connection.fetchval(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = 'bot' AND pid <> pg_backend_pid()"
                )
            )
        finally:
            await connection.close()

    async def _connect(self, database: str) -> asyncpg.Connection:
        return await asyncpg.connect(
            host="127.0.0.1", port=self.port, user="postgres", database=database
        )

    async def _run(self, program: str, *arguments: str) -> None:
        user = SERVER_USER if os.geteuid() == 0 else None
        process = await asyncio.create_subprocess_exec(
            str(self.bin / program), *arguments, user=user,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        output, _ = await process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"{program} failed ({process.returncode}): {output.decode()}")


def cluster_folder() -> Path:
    """A fresh folder the server's user owns (pytest's tmp_path is closed to it under root)."""
    folder = Path(tempfile.mkdtemp(prefix="pgcluster-"))
    if os.geteuid() == 0:
        shutil.chown(folder, SERVER_USER, SERVER_USER)
    return folder


def why_no_cluster() -> str | None:
    if server_bin() is None:
        return f"no PostgreSQL server programs in {BIN_GLOB}"
    if os.geteuid() == 0 and not _user_exists(SERVER_USER):
        return f"running as root and there is no {SERVER_USER!r} user to run PostgreSQL as"
    return None


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
