"""`unrcca-bot import` of a calendar of 6,000 events into an empty database, against parsing the
same file alone (the baseline: the child process that reads it within its budget), in
alternating rounds; seconds, and the import's ratio to parsing.

    python -m benchmarks.imports [--events 6000] [--rounds 3] [--database-url URL]

The file is the bot's own export of a database filled as the other benchmarks fill theirs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from benchmarks import data
from benchmarks.stats import spread, table
from bot.services.calendars.command_line import import_file
from bot.services.calendars.export import whole_calendar
from bot.services.calendars.worker import parse_within_budget
from bot.wiring import build_runtime
from config.settings import load_settings
from storage.database import open_database


async def calendar_of(url: str, events: int) -> bytes:
    await data.empty_database(url)
    database = open_database(url)
    try:
        await data.add_meetings(database, events)
        runtime = build_runtime(database, load_settings())
        async with database.sessions() as session:
            return (await whole_calendar(session, runtime.clock())).content
    finally:
        await database.dispose()


async def parse_once(content: bytes) -> float:
    began = time.perf_counter()
    parsed = await parse_within_budget(content)
    assert parsed.events, "the file holds events"
    return time.perf_counter() - began


async def import_once(url: str, content: bytes) -> float:
    await data.empty_database(url)
    database = open_database(url)
    try:
        runtime = build_runtime(database, load_settings())
        began = time.perf_counter()
        outcome = await import_file(runtime, "bench.ics", content, "en")
        seconds = time.perf_counter() - began
    finally:
        await database.dispose()
    assert outcome.succeeded, outcome.text
    return seconds


async def run(arguments: argparse.Namespace) -> None:
    taken: dict[str, list[float]] = {"parsing alone": [], "import": []}
    with data.database_url(arguments.database_url) as url:
        content = await calendar_of(url, arguments.events)
        print(f"{arguments.events:,} events, {len(content) / 1e6:.2f} MB", flush=True)
        for n in range(arguments.rounds):
            for which in list(taken) if n % 2 == 0 else list(taken)[::-1]:
                seconds = await (
                    parse_once(content) if which == "parsing alone" else import_once(url, content)
                )
                taken[which].append(seconds)
                print(f"round {n + 1} {which}: {seconds:.2f} s", flush=True)
    parsing = statistics.median(taken["parsing alone"])
    rows = [[which, spread(seconds), f"{statistics.median(seconds) / parsing:.2f}"]
            for which, seconds in taken.items()]  # fmt: skip
    print(f"\nmin / median / max over {arguments.rounds} rounds")
    print(table(["", "seconds", "ratio to parsing"], rows))


def main() -> None:
    parse = argparse.ArgumentParser(prog="python -m benchmarks.imports", description=__doc__)
    parse.add_argument("--database-url", help="default: a SQLite file in a temporary folder")
    parse.add_argument("--events", type=int, default=6_000)
    parse.add_argument("--rounds", type=int, default=3)
    asyncio.run(run(parse.parse_args()))


if __name__ == "__main__":
    main()
