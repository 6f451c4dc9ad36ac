"""Each kind of question at 10, 1,000 and 10,000 meetings, called in process (no Telegram), with
the plan of every statement it runs at the largest size: a plan that scans or sorts a table
grows with it.

    python -m benchmarks.answers --per-kind [--database-url URL]
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection

from benchmarks import data
from benchmarks.questions import QUESTIONS
from benchmarks.stats import table
from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.wiring import build_runtime
from config.settings import load_settings
from storage.database import Database, open_database

SIZES = (10, 1_000, 10_000)
REPEATS = 7
# In a plan, what grows with the table: a scan of it, a sort of its rows, a count of them all.
GROWING = ("SCAN meetings", "SCAN subscriptions", "TEMP B-TREE", "Seq Scan", "Sort")


@dataclass
class Statements:
    seen: list[tuple[str, object]] = field(default_factory=list)

    def record(self, _conn: object, _cursor: object, statement: str, params: object,
               *_rest: object) -> None:  # fmt: skip
        self.seen.append((statement, params))


@dataclass
class Measured:
    timings: list[float] = field(default_factory=list)
    statements: list[tuple[str, object]] = field(default_factory=list)


async def measure(database: Database, now: datetime) -> dict[str, Measured]:
    runtime = build_runtime(database, load_settings(), clock=lambda: now)
    recorder = Statements()
    event.listen(database.engine.sync_engine, "before_cursor_execute", recorder.record)
    kinds: dict[str, Measured] = defaultdict(Measured)
    for repeat in range(REPEATS):
        for kind, language, text in QUESTIONS:
            recorder.seen.clear()
            began = time.perf_counter()
            await respond(runtime, Inquiry(text=text, telegram_language=language))
            kinds[kind].timings.append(time.perf_counter() - began)
            if repeat == 0:
                kinds[kind].statements += recorder.seen
    event.remove(database.engine.sync_engine, "before_cursor_execute", recorder.record)
    return kinds


async def plan(connection: AsyncConnection, statement: str, params: object) -> list[str]:
    sqlite = connection.dialect.name == "sqlite"
    prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
    result = await connection.exec_driver_sql(prefix + statement, params)  # type: ignore[arg-type]
    return [str(row[-1]) for row in result]


async def plans(database: Database, kinds: dict[str, Measured]) -> None:
    """Prints each kind's statements whose plan grows with the table, with that plan."""
    async with database.engine.connect() as connection:
        for kind, measured in kinds.items():
            for statement, params in dict(measured.statements).items():
                if not statement.lstrip().upper().startswith("SELECT"):
                    continue
                lines = await plan(connection, statement, params)
                if any(mark in line for line in lines for mark in GROWING):
                    print(f"\n[{kind}] {' '.join(statement.split())[:300]}")
                    print("\n".join("    " + line for line in lines))


async def at_size(url: str, size: int, show_plans: bool) -> dict[str, Measured]:
    await data.empty_database(url)
    database = open_database(url)
    try:
        now = datetime.now(UTC)
        await data.add_meetings(database, size - 2, now=now)
        kinds = await measure(database, now)
        if show_plans:
            await plans(database, kinds)
        return kinds
    finally:
        await database.dispose()


async def run(given_url: str | None) -> None:
    results = {}
    with data.database_url(given_url) as url:
        for size in SIZES:
            results[size] = await at_size(url, size, show_plans=size == SIZES[-1])
    rows = []
    for kind in results[SIZES[0]]:
        medians = [statistics.median(results[s][kind].timings) * 1000 for s in SIZES]
        statements = len(results[SIZES[-1]][kind].statements) / _questions(kind)
        rows.append([kind, f"{statements:.1f}", *(f"{m:.2f}" for m in medians),
                     f"{medians[-1] / medians[0]:.2f}"])  # fmt: skip
    header = ["kind", "SQL/question", *(f"ms at {s:,}" for s in SIZES), "ratio"]
    print(f"\nmedian of {REPEATS} calls of each question, in process")
    print(table(header, rows))


def _questions(kind: str) -> int:
    return sum(1 for k, _l, _t in QUESTIONS if k == kind)
