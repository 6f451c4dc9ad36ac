"""Bots in their own processes, and what the kernel says they used (/proc: Linux only)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.fakebotapi import FakeBotApi

TICKS = os.sysconf("SC_CLK_TCK")


def bot_environment(api: FakeBotApi, database_url: str, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(
        BOT_TOKEN=api.token,
        BOT_API_BASE_URL=api.base_url,
        BOT_API_BASE_FILE_URL=api.base_file_url,
        BOT_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        **settings,
    )
    return env


async def start(
    arguments: list[str], env: dict[str, str], log: Path
) -> asyncio.subprocess.Process:
    """`python -m ARGUMENTS`, logging to `log` (a full pipe would stall it)."""
    with log.open("ab") as output:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", *arguments, env=env, stdout=output, stderr=output
        )


async def stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.terminate()
    await asyncio.wait_for(process.wait(), timeout=60)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def peak_memory_mb(pid: int) -> float:
    """VmHWM: the most resident memory the process ever had."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class ServerCpu:
    """CPU time of the PostgreSQL backends serving one database (SQLite: none, always 0)."""

    def __init__(self, database_url: str) -> None:
        self._url = database_url
        self._start: dict[int, float] = {}

    async def _backends(self) -> list[int]:
        if not self._url.startswith("postgresql"):
            return []
        engine = create_async_engine(self._url)
        try:
            async with engine.connect() as connection:
                query = text(
                    "SELECT pid FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                return list((await connection.scalars(query)).all())
        finally:
            await engine.dispose()

    async def begin(self) -> None:
        self._start = {pid: cpu_seconds(pid) for pid in await self._backends()}

    async def used(self) -> float:
        pids = set(self._start) | set(await self._backends())
        return sum(cpu_seconds(pid) - self._start.get(pid, 0.0) for pid in pids)


@asynccontextmanager
async def sampled(pid: int, output: str | None) -> AsyncIterator[None]:
    """py-spy samples the process's CPU while the block runs, into `output` as collapsed stacks
    (pip install '.[bench]'); nothing when `output` is None."""
    if output is None:
        yield
        return
    spy = await asyncio.create_subprocess_exec(
        "py-spy", "record", "--pid", str(pid), "--format", "raw", "--output", output,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        await spy.wait()
