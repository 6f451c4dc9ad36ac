"""Real `unrcca-bot run` processes for a scenario, in compressed time, and their cleanup."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.polling import wait_until
from tests.support.processes import start_bot

ADMIN = FakeUser(9_001, "Aida")
# Compressed time: one-minute reminders, a sweep every second. The lease stays at its default
# (120 s) on purpose: taking over a dead holder's claims must not wait for it.
SETTINGS = {
    "BOT_REMINDER_OFFSETS": "1m",
    "BOT_REMINDER_SWEEP_SECONDS": "1",
    "BOT_BROADCAST_RATE": "30",
    "BOT_LOG_LEVEL": "INFO",
    "BOT_ADMIN_IDS": str(ADMIN.id),
}
# Starting a bot process (imports, migrations, first poll) takes 2-4 s on an idle machine;
# reminders are seeded due this much later than the fan-out needs, so that a loaded machine does
# not make them late before the bot runs. A start that takes longer than START_TIMEOUT fails.
STARTUP_SECONDS = 15.0
START_TIMEOUT = 60.0
# Where a scenario is about a fault, not about being on time, its reminder is due this soon:
# the fan-out is in the head-start window as the bot starts, so it begins at once, and the
# scenario does not wait for it.
SOON = 10.0


class Bots:
    """The scenario's bot processes; each logs to folder/bot-N.log."""

    def __init__(self, api: FakeBotApi, folder: Path, url: str, settings: dict[str, str]):
        self.api = api
        self.folder = folder
        self.url = url
        self.settings = {**SETTINGS, **settings}
        self.processes: list[asyncio.subprocess.Process] = []
        api.faults.identify_senders(lambda: [p.pid for p in self.processes])

    async def start(self) -> asyncio.subprocess.Process:
        """One more process; returns once it polls for updates (it is running)."""
        log_name = f"bot-{len(self.processes)}.log"
        process = await start_bot(
            self.api, self.folder, database_url=self.url, log_name=log_name, **self.settings
        )
        self.processes.append(process)
        started = await wait_until(lambda: self._polls(process.pid) > 0, START_TIMEOUT)
        assert started, f"the bot did not start: {self.log(process)[-2000:]}"
        return process

    async def kill(self, process: asyncio.subprocess.Process, how: signal.Signals) -> int:
        process.send_signal(how)
        return await asyncio.wait_for(process.wait(), timeout=60)

    def log(self, process: asyncio.subprocess.Process) -> str:
        return (self.folder / f"bot-{self.processes.index(process)}.log").read_text()

    def logs(self) -> str:
        return "".join(self.log(p) for p in self.processes)

    def _polls(self, pid: int) -> int:
        return sum(1 for c in self.api.requests if c.method == "getUpdates" and c.sender == pid)

    async def stop_all(self) -> None:
        for process in self.processes:
            if process.returncode is None:
                process.terminate()
        for process in self.processes:
            try:
                await asyncio.wait_for(process.wait(), timeout=30)
            except TimeoutError:
                process.kill()
                await process.wait()


@asynccontextmanager
async def running(
    folder: Path, url: str, count: int = 1, **settings: str
) -> AsyncIterator[tuple[FakeBotApi, Bots]]:
    """The fake Bot API and `count` bot processes on `url`; everything stopped afterwards."""
    async with FakeBotApi() as api:
        bots = Bots(api, folder, url, settings)
        try:
            for _ in range(count):
                await bots.start()
            yield api, bots
        finally:
            await bots.stop_all()
