"""Answers per second and CPU per update: this bot against a bare PTB echo bot.

Both run in their own process, polling the same fake Bot API server (tests/fakebotapi) over
HTTP, with Telegram's rate limits left out. A round starts one of them, lets it answer a warm-up,
then releases all the questions at once and waits for every chat's answer; the bot and the echo
bot alternate, round after round. The bot's database holds 10,000 meetings and 100,000
subscriptions (--meetings, --subscriptions) and is filled by this script.

    python -m benchmarks.answers [--database-url URL] [--questions 2000] [--rounds 3] [--quick]
    python -m benchmarks.answers --per-kind [--rounds 5]   each kind at 10, 1,000, 10,000
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import data, per_kind
from benchmarks.processes import ServerCpu, bot_environment, cpu_seconds, sampled, start, stop
from benchmarks.questions import QUESTIONS
from benchmarks.stats import percentile, spread, table
from storage.database import open_database
from tests.fakebotapi import FakeBotApi, FakeUser

WARM_UP = 60
FIRST_USER = 1_000


@dataclass(frozen=True)
class Round:
    answers_per_second: float
    latencies: list[float]
    bot_cpu: float
    server_cpu: float
    updates: int

    def cpu_ms(self) -> float:
        return (self.bot_cpu + self.server_cpu) / self.updates * 1000


def ask(api: FakeBotApi, users: range, offset: int = 0) -> dict[int, float]:
    """Every user sends one message of the mix at once; when each was sent, by chat."""
    asked = {}
    for n, user_id in enumerate(users):
        _kind, language, text = QUESTIONS[(n + offset) % len(QUESTIONS)]
        user = FakeUser(user_id, f"Reader {user_id}", language)
        command, _, args = text.partition(" ")
        asked[user_id] = time.time()
        if text.startswith("/"):
            api.send_command(user, command, args)
        else:
            api.send_text(user, text)
    return asked


async def answered(api: FakeBotApi, asked: dict[int, float], seconds: float) -> dict[int, float]:
    """Each chat's first answer time, once every chat has one."""
    first: dict[int, float] = {}
    seen, deadline = 0, time.monotonic() + seconds
    while len(first) < len(asked) and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
        sent = api.sent
        for record in sent[seen:]:
            if record["chat_id"] in asked:
                first.setdefault(record["chat_id"], record["at"])
        seen = len(sent)
    if len(first) < len(asked):
        raise RuntimeError(f"{len(asked) - len(first)} questions unanswered in {seconds} s")
    return first


async def wait_for_polling(api: FakeBotApi) -> None:
    await api.wait_for_request("getUpdates", timeout=120)
    await asyncio.sleep(1.0)  # The first reminder sweep and the menus run as polling starts.


async def one_round(
    which: str, url: str, questions: int, folder: Path, spy: str | None = None
) -> Round:
    async with FakeBotApi() as api:
        env = bot_environment(api, url)
        process = await start(["benchmarks.serve", which], env, folder / f"{which}.log")
        try:
            await wait_for_polling(api)
            await answered(api, ask(api, range(1, WARM_UP + 1)), 120)
            server = ServerCpu(url if which == "bot" else "")
            await server.begin()
            cpu_before = cpu_seconds(process.pid)
            async with sampled(process.pid, f"{spy}.{which}" if spy else None):
                asked = ask(api, range(FIRST_USER, FIRST_USER + questions), offset=7)
                first = await answered(api, asked, 600)
            bot_cpu = cpu_seconds(process.pid) - cpu_before
            server_cpu = await server.used()
        finally:
            await stop(process)
    latencies = [first[chat] - asked[chat] for chat in asked]
    elapsed = max(first.values()) - min(asked.values())
    return Round(questions / elapsed, latencies, bot_cpu, server_cpu, questions)


async def fill(url: str, meetings: int, subscriptions: int) -> None:
    await data.empty_database(url)
    database = open_database(url)
    try:
        ids = await data.add_meetings(database, meetings)
        await data.add_subscriptions(database, ids, subscriptions)
    finally:
        await database.dispose()


def report(rounds: dict[str, list[Round]]) -> None:
    echo_cpu = statistics.median(r.cpu_ms() for r in rounds["echo"])
    rows = []
    for which, taken in rounds.items():
        latencies = [[percentile(r.latencies, p) * 1000 for r in taken] for p in (0.5, 0.99)]
        cpu = [r.cpu_ms() for r in taken]
        rows.append([
            which, spread([r.answers_per_second for r in taken], 0),
            spread(latencies[0], 0), spread(latencies[1], 0),
            spread([r.bot_cpu / r.updates * 1000 for r in taken]),
            spread([r.server_cpu / r.updates * 1000 for r in taken]),
            f"{statistics.median(cpu) / echo_cpu:.2f}",
        ])  # fmt: skip
    header = ["bot", "answers/s", "p50 ms", "p99 ms", "CPU ms/update (bot)",
              "CPU ms/update (db server)", "CPU ratio to echo"]  # fmt: skip
    print("min / median / max over rounds")
    print(table(header, rows))


async def compare(arguments: argparse.Namespace) -> None:
    with data.database_url(arguments.database_url) as url, tempfile.TemporaryDirectory() as logs:
        await fill(url, arguments.meetings, arguments.subscriptions)
        rounds: dict[str, list[Round]] = {"echo": [], "bot": []}
        for n in range(arguments.rounds):
            for which in ("bot", "echo") if n % 2 == 0 else ("echo", "bot"):
                taken = await one_round(
                    which, url, arguments.questions, Path(logs), arguments.py_spy
                )
                rounds[which].append(taken)
                print(f"round {n + 1} {which}: {taken.answers_per_second:.0f} answers/s, "
                      f"{taken.cpu_ms():.2f} ms CPU/update", flush=True)  # fmt: skip
        report(rounds)


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(prog="python -m benchmarks.answers", description=__doc__)
    parse.add_argument("--database-url", help="default: SQLite in a temporary folder")
    parse.add_argument("--questions", type=int, default=2000)
    parse.add_argument("--meetings", type=int, default=10_000)
    parse.add_argument("--subscriptions", type=int, default=100_000)
    parse.add_argument("--rounds", type=int, default=3)
    parse.add_argument("--quick", action="store_true", help="500 questions, 3 rounds")
    parse.add_argument(
        "--py-spy", metavar="FILE", help="sample each bot's CPU into FILE.bot/.echo"
    )
    parse.add_argument("--per-kind", action="store_true", help="each kind at 10/1,000/10,000")
    parse.add_argument(
        "--documents-all-match",
        action="store_true",
        help="--per-kind: every document holds the questions' words (the search ranks them all)",
    )
    return parse


def main() -> None:
    arguments = parser().parse_args()
    if arguments.quick:
        arguments.questions = 500
    if arguments.per_kind:
        asyncio.run(
            per_kind.run(arguments.database_url, arguments.rounds, arguments.documents_all_match)
        )
    else:
        asyncio.run(compare(arguments))


if __name__ == "__main__":
    main()
