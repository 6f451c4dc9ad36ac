"""SIGTERM while the bot starts: it ends at once, whichever check it is waiting on (issue 24:
`docker stop` used to end in SIGKILL while a start-up check waited on a server)."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi
from tests.support.processes import start_bot

# What the issue asks: `docker stop` waits 10 s; well within that, and a bound a loaded machine
# still meets (the process only has to unwind one call).
STOPS_WITHIN = 2.0


@asynccontextmanager
async def silent_server() -> AsyncIterator[tuple[int, asyncio.Event]]:
    """A server that accepts connections and never answers: a check waits on it."""
    connected = asyncio.Event()
    held: list[asyncio.StreamWriter] = []

    async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        connected.set()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1], connected
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()


async def exit_time(process: asyncio.subprocess.Process) -> float:
    """Seconds until `process` ends, from now."""
    started = asyncio.get_running_loop().time()
    await asyncio.wait_for(process.wait(), timeout=60)
    return asyncio.get_running_loop().time() - started


async def bare_start_and_exit() -> float:
    """Seconds a Python process takes to import the bot's entry point and exit, from now: how
    slow processes are on this machine at this moment."""
    started = asyncio.get_running_loop().time()
    reference = await asyncio.create_subprocess_exec(sys.executable, "-c", "import bot.cli")
    await asyncio.wait_for(reference.wait(), timeout=60)
    return asyncio.get_running_loop().time() - started


@pytest.mark.parametrize("stage", ["database", "bot api"])
async def test_sigterm_during_a_start_up_check_ends_the_process_at_once(
    tmp_path: Path, stage: str
) -> None:
    async with FakeBotApi() as api, silent_server() as (port, connected):
        if stage == "database":
            settings = {"DATABASE_URL": f"postgresql+asyncpg://postgres@127.0.0.1:{port}/bot"}
        else:
            settings = {"BOT_API_BASE_URL": f"http://127.0.0.1:{port}/bot"}
        process = await start_bot(api, tmp_path, **settings)
        await asyncio.wait_for(connected.wait(), timeout=60)
        process.send_signal(signal.SIGTERM)
        took, reference = await asyncio.gather(exit_time(process), bare_start_and_exit())
    log = (tmp_path / "bot.log").read_text()
    assert process.returncode == 0, log[-3000:]
    # On a starved machine every process is slow: the bound stretches as far as a bare Python
    # start and exit, begun at the same moment, was stretched (idle, that takes under 1 s).
    bound = max(STOPS_WITHIN, 2 * reference)
    assert took < bound, f"{took:.1f} s (a bare start and exit took {reference:.1f} s)"
    assert "Traceback" not in log
    assert "stopped during start-up" in log
