"""From process start to the first getUpdates: `unrcca-bot run` on a database with 10,000
scheduled meetings and 100,000 subscriptions (the reminder jobs derived from them), the same on
an empty database, and a bare PTB echo bot (the baseline), in alternating rounds; seconds, their
ratio to the echo bot's, and peak memory (VmHWM).

    python -m benchmarks.startup [--meetings 10000] [--subscriptions 100000] [--rounds 3]
                                 [--database-url URL]

The empty database is migrated and seeded before its rounds, as the full one is, so both
measure a start on a database already up to date. With --database-url (PostgreSQL) the two
databases take turns in it, refilled between rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import data
from benchmarks.processes import bot_environment, peak_memory_mb, start, stop
from benchmarks.stats import spread, table
from storage.database import open_database
from tests.fakebotapi import FakeBotApi


async def fill(url: str, meetings: int, subscriptions: int) -> None:
    await data.empty_database(url)
    if not meetings:
        return
    database = open_database(url)
    try:
        ids = await data.add_meetings(database, meetings, past_share=0.0)
        await data.add_subscriptions(database, ids, subscriptions)
    finally:
        await database.dispose()


async def start_once(url: str, folder: Path, which: str) -> tuple[float, float]:
    """Seconds from process start to its first getUpdates, and its peak memory then (MB)."""
    command = ["benchmarks.serve", "echo"] if which == "echo" else ["bot", "run"]
    async with FakeBotApi() as api:
        began = time.perf_counter()
        process = await start(command, bot_environment(api, url), folder / f"{which}.log")
        try:
            await api.wait_for_request("getUpdates", timeout=120)
            seconds = time.perf_counter() - began
            await asyncio.sleep(1.0)  # The first reminder sweep runs as polling starts.
            memory = peak_memory_mb(process.pid)
        finally:
            await stop(process)
    return seconds, memory


async def run(arguments: argparse.Namespace) -> None:
    taken: dict[str, list[tuple[float, float]]] = {"echo": [], "empty": [], "full": []}
    with tempfile.TemporaryDirectory() as folder, data.database_url(arguments.database_url) as url:
        shared = arguments.database_url is not None
        urls = {"echo": url, "empty": url if shared else url + "-empty", "full": url}
        sizes = {"empty": (0, 0), "full": (arguments.meetings, arguments.subscriptions)}
        if not shared:
            for which, size in sizes.items():
                await fill(urls[which], *size)
        for n in range(arguments.rounds):
            order = list(taken) if n % 2 == 0 else list(taken)[::-1]
            for which in order:
                if shared and which != "echo":
                    await fill(url, *sizes[which])
                taken[which].append(await start_once(urls[which], Path(folder), which))
                print(f"round {n + 1} {which}: {taken[which][-1][0]:.2f} s", flush=True)
    echo = statistics.median(s for s, _m in taken["echo"])
    rows = [[which, spread([s for s, _m in results]),
             f"{statistics.median(s for s, _m in results) / echo:.2f}",
             spread([m for _s, m in results], 0)]
            for which, results in taken.items()]  # fmt: skip
    print(f"\nmin / median / max over {arguments.rounds} rounds")
    header = ["process", "seconds to first getUpdates", "ratio to echo", "VmHWM MB"]
    print(table(header, rows))


def main() -> None:
    parse = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=__doc__)
    parse.add_argument("--database-url", help="default: SQLite files in a temporary folder")
    parse.add_argument("--meetings", type=int, default=10_000)
    parse.add_argument("--subscriptions", type=int, default=100_000)
    parse.add_argument("--rounds", type=int, default=3)
    arguments = parse.parse_args()
    asyncio.run(run(arguments))


if __name__ == "__main__":
    main()
