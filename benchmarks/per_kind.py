"""Each kind of question at 10, 1,000 and 10,000 meetings, called in process (no Telegram), with
the plan of every statement it runs at the largest size: a plan that scans or sorts a table
grows with it.

Every store holds the same neighbourhood, the meetings the questions name (benchmarks/data.py
`neighbourhood_rows`), and an archive that no question names (other cities, another subject,
before 2014): so a store of 10,000 differs from one of 10 only by what should cost nothing, and
each kind's answer names the same meetings at every size (the last column shows it).

The three stores are filled first and then asked in turn, question by question, so that a
moment of load on the machine falls on every size alike; a round asks every question CALLS
times at each size, and a kind's ratio is taken per round (its median at 10,000 over its median
at 10), then shown as min / median / max over the rounds.

    python -m benchmarks.answers --per-kind [--rounds 5] [--database-url URL]
"""

from __future__ import annotations

import re
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection

from benchmarks import data
from benchmarks.questions import QUESTIONS
from benchmarks.stats import spread, table
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.services.runtime import Runtime
from bot.wiring import build_runtime
from config.settings import load_settings
from storage.database import Database, open_database

SIZES = (10, 1_000, 10_000)
CALLS = 5
# In a plan, what grows with the table: a scan of it, a sort of its rows (an incremental sort
# of rows read in date order sorts only equal dates: it does not).
GROWING = re.compile(
    r"SCAN (meetings|subscriptions)\b|TEMP B-TREE|Seq Scan on (meetings|subscriptions|chats)\b"
    r"|^(->)?\s*Sort\s+\(cost"
)


@dataclass
class Statements:
    seen: list[tuple[str, object]] = field(default_factory=list)

    def record(self, _conn: object, _cursor: object, statement: str, params: object,
               *_rest: object) -> None:  # fmt: skip
        self.seen.append((statement, params))


@dataclass
class Store:
    size: int
    database: Database
    runtime: Runtime
    recorder: Statements = field(default_factory=Statements)


# Seconds of each call: by kind, size and round.
Timings = dict[str, dict[int, list[list[float]]]]
# Each kind's statements (with their parameters), and the meetings its replies name, by size.
Statements_ = dict[str, list[tuple[str, object]]]
Shown = dict[str, dict[int, int]]


async def open_store(url: str, size: int, now: datetime, all_match: bool = False) -> Store:
    own = await data.database_of_its_own(url, str(size))
    await data.empty_database(own)
    database = open_database(own)
    ids = await data.insert_meetings(database, data.neighbourhood_rows(size - 2, now))
    await data.add_documents(database, ids, now, all_match)
    store = Store(size, database, build_runtime(database, load_settings(), clock=lambda: now))
    event.listen(database.engine.sync_engine, "before_cursor_execute", store.recorder.record)
    return store


async def ask(store: Store, language: str, text: str) -> float:
    began = time.perf_counter()
    await respond(store.runtime, Inquiry(text=text, telegram_language=language))
    return time.perf_counter() - began


async def shown(store: Store, language: str, text: str) -> int:
    """How many meetings the reply names (their /event_N links): what an answer holds grows
    from a store of 10 to one of 1,000, whatever the queries cost."""
    reply = await respond(store.runtime, Inquiry(text=text, telegram_language=language))
    return reply.text.count("/event_")


async def warm_up(stores: list[Store]) -> tuple[Statements_, Shown]:
    """Asks everything once everywhere (first-use costs stay out of the timings); the
    statements of each kind at the largest size, as a first question runs them, and how many
    meetings each kind's replies name at each size."""
    statements: Statements_ = defaultdict(list)
    named: Shown = defaultdict(lambda: defaultdict(int))
    for kind, language, text in QUESTIONS:
        for store in stores:
            store.recorder.seen.clear()
            named[kind][store.size] += await shown(store, language, text)
        statements[kind] += stores[-1].recorder.seen
    return statements, named


async def measure(stores: list[Store], rounds: int) -> Timings:
    timings: Timings = defaultdict(lambda: {s.size: [[] for _ in range(rounds)] for s in stores})
    for round_ in range(rounds):
        order = stores if round_ % 2 == 0 else stores[::-1]
        for kind, language, text in QUESTIONS:
            for _call in range(CALLS):
                for store in order:
                    timings[kind][store.size][round_].append(await ask(store, language, text))
        print(f"round {round_ + 1} of {rounds}", flush=True)
    return timings


async def plan(connection: AsyncConnection, statement: str, params: object) -> list[str]:
    sqlite = connection.dialect.name == "sqlite"
    prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
    result = await connection.exec_driver_sql(prefix + statement, params)  # type: ignore[arg-type]
    return [str(row[-1]) for row in result]


async def plans(database: Database, statements: Statements_) -> None:
    """Prints each kind's statements whose plan grows with the table, with that plan."""
    async with database.engine.connect() as connection:
        for kind, seen in statements.items():
            for statement, params in dict(seen).items():
                if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                lines = await plan(connection, statement, params)
                if any(_grows(line) for line in lines):
                    print(f"\n[{kind}] {' '.join(statement.split())[:300]}")
                    print("\n".join("    " + line for line in lines))
                    if _in_order_to_a_limit(statement, lines):
                        print("    (read in index order until the LIMIT: more only as matches"
                              " thin out, not as the table grows)")  # fmt: skip


def _in_order_to_a_limit(statement: str, lines: list[str]) -> bool:
    growing = [line for line in lines if _grows(line)]
    ordered = all(line.startswith("SCAN meetings USING INDEX") for line in growing)
    return " LIMIT " in statement and ordered


def _grows(line: str) -> bool:
    return GROWING.search(line.strip()) is not None


def report(timings: Timings, statements: Statements_, named: Shown) -> None:
    rows = []
    for kind, by_size in timings.items():
        medians = [statistics.median(_every(by_size[s])) * 1000 for s in SIZES]
        ratios = [
            statistics.median(largest) / statistics.median(smallest)
            for smallest, largest in zip(by_size[SIZES[0]], by_size[SIZES[-1]], strict=True)
        ]
        per_question = len(statements[kind]) / _questions(kind)
        rows.append([kind, f"{per_question:.1f}", *(f"{m:.2f}" for m in medians), spread(ratios),
                     f"{medians[-1] / medians[1]:.2f}",
                     " / ".join(str(named[kind][s]) for s in SIZES)])  # fmt: skip
    header = ["kind", "SQL/question", *(f"ms at {s:,}" for s in SIZES),
              f"ratio {SIZES[-1]:,} to {SIZES[0]:,} (min / median / max)",
              f"ratio {SIZES[-1]:,} to {SIZES[1]:,}", "meetings named at each size"]  # fmt: skip
    rounds = len(next(iter(timings.values()))[SIZES[0]])
    print(f"\nmedian ms of each kind's calls; ratio per round, over {rounds} alternating rounds")
    print(table(header, rows))


async def run(given_url: str | None, rounds: int = 5, all_match: bool = False) -> None:
    now = datetime.now(UTC)
    with data.database_url(given_url) as url:
        stores = [await open_store(url, size, now, all_match) for size in SIZES]
        try:
            statements, named = await warm_up(stores)
            timings = await measure(stores, max(3, rounds))
            await plans(stores[-1].database, statements)
            report(timings, statements, named)
        finally:
            for store in stores:
                await store.database.dispose()


def _every(rounds: list[list[float]]) -> list[float]:
    return [seconds for taken in rounds for seconds in taken]


def _questions(kind: str) -> int:
    return sum(1 for k, _l, _t in QUESTIONS if k == kind)
