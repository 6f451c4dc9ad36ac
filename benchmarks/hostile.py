"""Hostile load on one bot process (issue 20): another user's first answer while one user
floods the bot, and the calendar feed at thousands of meetings.

The bot runs as `unrcca-bot run` (long polling, the feed on BOT_FEED_PORT) against the fake Bot
API over HTTP, its database holding --meetings meetings (5,002 as in the issue's trial).

    python -m benchmarks.hostile [--database-url URL] [--meetings 5002] [--floods 500 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks import data
from benchmarks.processes import bot_environment, start, stop
from storage.database import open_database
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.support.network import free_port

FLOODER = FakeUser(3001, "Flooder", "en")
READER = FakeUser(3002, "Reader", "en")


async def first_answer(api: FakeBotApi, user: FakeUser) -> float:
    """Seconds from /about sent to the reader's answer."""
    began = time.perf_counter()
    api.send_command(user, "about")
    await api.wait_for_message(chat_id=user.id, timeout=300)
    return time.perf_counter() - began


async def flood(api: FakeBotApi, messages: int, reader: FakeUser) -> tuple[float, int]:
    """The reader's first answer behind `messages` from one user; how many that user got."""
    before = len(api.sent)
    for number in range(messages):
        api.send_text(FLOODER, f"hello {number}")
    seconds = await first_answer(api, reader)
    await asyncio.sleep(2)
    return seconds, sum(1 for s in api.sent[before:] if s["chat_id"] == FLOODER.id)


# Cached requests of each kind; with the 8 at first and the 304, within the 30 a client address
# may make at once (bot.feed.FEED_REQUESTS_PER_MINUTE).
CACHED_REQUESTS = 10
IDENTITY = {"Accept-Encoding": "identity"}
GZIP = {"Accept-Encoding": "gzip"}


async def feed(api: FakeBotApi, feed_url: str) -> list[tuple[str, float]]:
    """8 requests at once while nothing is cached, and a user's /about among them; then cached
    requests as text and gzipped (the client decoding it included), and one the client
    already holds (304)."""
    async with httpx.AsyncClient(timeout=300) as client:

        async def timed_get(headers: dict[str, str]) -> tuple[httpx.Response, float]:
            began = time.perf_counter()
            return await client.get(feed_url, headers=headers), time.perf_counter() - began

        reader = FakeUser(READER.id + 100, "Reader 2", "en")
        about, *built = await asyncio.gather(
            first_answer(api, reader), *(timed_get(IDENTITY) for _ in range(8))
        )
        first, _ = built[0]
        rows: list[tuple[str, float]] = []
        for name, headers in (("as text", IDENTITY), ("gzipped", GZIP)):
            answers = [await timed_get(headers) for _ in range(CACHED_REQUESTS)]
            seconds = [taken for _, taken in answers]
            wire = answers[0][0].num_bytes_downloaded
            label = f"the feed cached, {name} ({wire:,} B), median of {CACHED_REQUESTS}"
            rows.append((f"{label} ({1000 * min(seconds):.1f} / {1000 * max(seconds):.1f} ms)",
                         statistics.median(seconds)))  # fmt: skip
        unchanged, not_modified = await timed_get(
            {**GZIP, "If-None-Match": answers[0][0].headers["etag"]}
        )
        assert unchanged.status_code == 304
    slowest = max(seconds for _, seconds in built)
    return [
        (f"8 feed requests at once, nothing cached ({len(first.content):,} B), slowest", slowest),
        ("a user's /about while those 8 are served", float(about)),  # type: ignore[arg-type]
        *rows,
        ("the feed with If-None-Match (304)", not_modified),
    ]


async def main(arguments: argparse.Namespace) -> None:
    with data.database_url(arguments.database_url) as url, tempfile.TemporaryDirectory() as tmp:
        await data.empty_database(url)
        database = open_database(url)
        await data.add_meetings(database, arguments.meetings)
        await database.dispose()
        port = free_port()
        async with FakeBotApi() as api:
            env = bot_environment(api, url, BOT_FEED_PORT=str(port), BOT_FEED_LISTEN="127.0.0.1")
            process = await start(["bot", "run"], env, Path(tmp) / "bot.log")
            try:
                await api.wait_for_request("getUpdates", timeout=120)
                rows = await measure(api, f"http://127.0.0.1:{port}/calendar.ics", arguments)
            finally:
                await stop(process)
    print(f"{arguments.meetings:,} meetings, {url.split(':')[0]}")
    for name, seconds in rows:
        print(f"  {name:<62} {seconds:8.3f} s")


async def measure(
    api: FakeBotApi, feed_url: str, arguments: argparse.Namespace
) -> list[tuple[str, float]]:
    rows = [("a user's /about, nothing else going on", await first_answer(api, READER))]
    for number, messages in enumerate(arguments.floods):
        reader = FakeUser(READER.id + 10 + number, f"Reader {number}", "en")
        seconds, answered = await flood(api, messages, reader)
        rows.append(
            (f"a user's /about behind {messages:,} from one user ({answered} answered)", seconds)
        )
    return rows + await feed(api, feed_url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--meetings", type=int, default=5002)
    parser.add_argument("--floods", type=int, nargs="+", default=[500, 2000])
    asyncio.run(main(parser.parse_args()))
