"""One reminder to N subscribed chats, measured from outside at the fake Bot API server.

Unthrottled (BOT_BROADCAST_RATE=1000, the most the bot allows, and no limit at the server): the
time from the first reminder to the last, against a plain loop of PTB send_message calls to the
same chats with the best of a few concurrencies, in alternating rounds. Throttled (30 a second,
the server answering 429 above that): the achieved rate, every chat reached exactly once, the
last message's lateness against the due time, and the latency of replies to a user who asks a
question every 100 ms meanwhile. The bot is `unrcca-bot run`, in its own process.

    python -m benchmarks.fanout [--chats 10000] [--throttled-chats 600] [--rounds 3] [--quick]
                                [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from benchmarks import data
from benchmarks.processes import bot_environment, cpu_seconds, start, stop
from benchmarks.stats import percentile, spread, table
from bot.services.meeting_writes.changes import add_meeting
from bot.services.runtime import utc_now
from storage.database import open_database
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.store import Json

CONCURRENCIES = (4, 16, 64)
ASKING_USER = 5_000


@dataclass(frozen=True)
class FanOut:
    seconds: float
    cpu: float
    times: list[float]
    chats: Counter[int]
    due: float
    # Throttled rounds: each question's reply latency (seconds) during the fan-out.
    replies: tuple[float, ...] = ()


def to_subscribers(api: FakeBotApi, first_chat: int = data.FIRST_CHAT) -> list[Json]:
    return [s for s in api.sent if s["chat_id"] >= first_chat]


async def wait_for(api: FakeBotApi, count: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while len(to_subscribers(api)) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{len(to_subscribers(api))} of {count} chats reached")
        await asyncio.sleep(0.1)


async def meeting_due_in(url: str, seconds: float) -> float:
    """A meeting whose reminder (a minute before) falls due in `seconds`; its due time."""
    database = open_database(url)
    starts_at = utc_now() + timedelta(seconds=seconds + 60)
    values = {"title_en": "Regional water talks", "starts_at": starts_at,
              "time_zone": "Asia/Almaty", "city_en": "Almaty", "time_known": True}  # fmt: skip
    try:
        async with database.sessions.begin() as session:
            await add_meeting(session, None, values, utc_now() - timedelta(hours=2))
    finally:
        await database.dispose()
    return starts_at.timestamp() - 60


def lead(chats: int, rate: float) -> float:
    return chats / rate * 1.1 + 1  # as bot.services.reminders.sweep starts a fan-out


async def bot_fan_out(url: str, chats: int, rate: float, folder: Path, ask: bool) -> FanOut:
    async with FakeBotApi() as api:
        if rate < 1000:
            api.limit_sends(rate)
        settings = {"BOT_REMINDER_OFFSETS": "1m", "BOT_REMINDER_SWEEP_SECONDS": "1"}
        env = bot_environment(api, url, BOT_BROADCAST_RATE=str(rate), **settings)
        process = await start(["bot", "run"], env, folder / "bot.log")
        try:
            await api.wait_for_request("getUpdates", timeout=120)
            cpu = cpu_seconds(process.pid)
            due = await meeting_due_in(url, lead(chats, rate) + 3)
            asking = asyncio.create_task(keep_asking(api)) if ask else None
            await wait_for(api, chats, lead(chats, rate) + 3 + chats / rate * 3 + 60)
            cpu = cpu_seconds(process.pid) - cpu
            latencies = await stop_asking(api, asking) if asking else []
        finally:
            await stop(process)
    times = sorted(s["at"] for s in to_subscribers(api))
    reached = Counter(s["chat_id"] for s in to_subscribers(api))
    return FanOut(times[-1] - times[0], cpu, times, reached, due, tuple(latencies))


async def keep_asking(api: FakeBotApi) -> dict[int, float]:
    """A user asks a question every 100 ms until cancelled: when each chat asked."""
    asked: dict[int, float] = {}
    await wait_for(api, 1, 600)  # From the first reminder on.
    try:
        for n in range(10**6):
            user = FakeUser(ASKING_USER + n, "Reader")
            asked[user.id] = time.time()
            api.send_text(user, "when is the next meeting?")
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        pass
    return asked


async def stop_asking(api: FakeBotApi, asking: asyncio.Task[dict[int, float]]) -> list[float]:
    asking.cancel()
    asked = await asking
    await asyncio.sleep(2)  # The last questions' answers.
    first: dict[int, float] = {}
    for record in api.sent:
        if record["chat_id"] in asked:
            first.setdefault(record["chat_id"], record["at"])
    return [first.get(chat, float("inf")) - at for chat, at in asked.items()]


async def loop_fan_out(chats: int, concurrency: int, folder: Path) -> FanOut:
    async with FakeBotApi() as api:
        env = bot_environment(api, "sqlite+aiosqlite://")
        arguments = [
            "benchmarks.serve",
            "loop",
            str(chats),
            str(concurrency),
            str(data.FIRST_CHAT),
        ]
        process = await start(arguments, env, folder / "loop.log")
        cpu = 0.0
        while process.returncode is None:
            cpu = max(cpu, cpu_seconds(process.pid))
            await asyncio.sleep(0.05)
        await wait_for(api, chats, 10)
    times = sorted(s["at"] for s in to_subscribers(api))
    reached = Counter(s["chat_id"] for s in to_subscribers(api))
    return FanOut(times[-1] - times[0], cpu, times, reached, times[-1])


async def subscribers(url: str, chats: int) -> None:
    await data.empty_database(url)
    database = open_database(url)
    try:
        await data.add_chats(database, list(range(data.FIRST_CHAT, data.FIRST_CHAT + chats)))
    finally:
        await database.dispose()


async def best_concurrency(chats: int, folder: Path) -> int:
    timed = {c: (await loop_fan_out(chats, c, folder)).seconds for c in CONCURRENCIES}
    print("plain loop, seconds by concurrency: "
          + ", ".join(f"{c}: {s:.2f}" for c, s in timed.items()), flush=True)  # fmt: skip
    return min(timed, key=lambda c: timed[c])


async def unthrottled(url: str, chats: int, rounds: int, folder: Path) -> None:
    await subscribers(url, chats)
    concurrency = await best_concurrency(chats, folder)
    taken: dict[str, list[FanOut]] = {"bot": [], f"loop x{concurrency}": []}
    for n in range(rounds):
        for which in ("bot", "loop") if n % 2 == 0 else ("loop", "bot"):
            if which == "bot":
                result = await bot_fan_out(url, chats, 1000, folder, ask=False)
                taken["bot"].append(result)
            else:
                result = await loop_fan_out(chats, concurrency, folder)
                taken[f"loop x{concurrency}"].append(result)
            print(f"round {n + 1} {which}: {result.seconds:.2f} s", flush=True)
    loop = statistics.median(r.seconds for r in taken[f"loop x{concurrency}"])
    rows = [
        [which, spread([r.seconds for r in results]),
         spread([chats / r.seconds for r in results], 0),
         spread([r.cpu / chats * 1000 for r in results], 3),
         f"{statistics.median(r.seconds for r in results) / loop:.2f}"]
        for which, results in taken.items()
    ]  # fmt: skip
    print(f"\nunthrottled, {chats:,} chats (min / median / max over {rounds} rounds)")
    header = ["sender", "seconds first to last", "messages/s", "CPU ms/message", "time ratio"]
    print(table(header, rows))


async def throttled(url: str, chats: int, rounds: int, folder: Path) -> None:
    """Rounds alternate: the fan-out alone (its rate and lateness), and with a user asking a
    question every 100 ms (the replies' latency; they also take their share of the 30/s)."""
    await subscribers(url, chats)
    taken: dict[str, list[FanOut]] = {"alone": [], "with questions": []}
    for n in range(rounds):
        for asking in (False, True) if n % 2 == 0 else (True, False):
            result = await bot_fan_out(url, chats, 30, folder, ask=asking)
            taken["with questions" if asking else "alone"].append(result)
            print(f"throttled round {n + 1}, asking={asking}: {rate(result):.2f} a second")
    print(f"\nthrottled at 30/s, 429 above it, {chats:,} chats (min / median / max)")
    header = ["fan-out", "messages/s", "each chat once", "last message late by s",
              "reply p50 ms", "reply p99 ms"]  # fmt: skip
    print(
        table(header, [_throttled_row(which, results, chats) for which, results in taken.items()])
    )


def _throttled_row(which: str, results: list[FanOut], chats: int) -> list[str]:
    once = all(set(r.chats.values()) == {1} and len(r.chats) == chats for r in results)
    replies = [r for r in results if r.replies]
    return [
        which,
        spread([rate(r) for r in results]),
        "yes" if once else "NO",
        spread([r.times[-1] - r.due for r in results]),
        spread([percentile(r.replies, 0.5) * 1000 for r in replies], 0) if replies else "-",
        spread([percentile(r.replies, 0.99) * 1000 for r in replies], 0) if replies else "-",
    ]


def rate(result: FanOut) -> float:
    return (len(result.times) - 1) / (result.times[-1] - result.times[0])


async def run(arguments: argparse.Namespace) -> None:
    with data.database_url(arguments.database_url) as url, tempfile.TemporaryDirectory() as logs:
        await unthrottled(url, arguments.chats, arguments.rounds, Path(logs))
        await throttled(url, arguments.throttled_chats, arguments.rounds, Path(logs))


def main() -> None:
    parse = argparse.ArgumentParser(prog="python -m benchmarks.fanout", description=__doc__)
    parse.add_argument("--database-url", help="default: SQLite in a temporary folder")
    parse.add_argument("--chats", type=int, default=10_000)
    parse.add_argument("--throttled-chats", type=int, default=600)
    parse.add_argument("--rounds", type=int, default=3)
    parse.add_argument("--quick", action="store_true", help="2,000 chats, 300 throttled")
    arguments = parse.parse_args()
    if arguments.quick:
        arguments.chats, arguments.throttled_chats = 2000, 300
    asyncio.run(run(arguments))


if __name__ == "__main__":
    main()
