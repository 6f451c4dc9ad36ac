"""How answering a question scales with the size of the archive.

Fills a SQLite database with N meetings (N = 10, 1,000, 10,000), asks the same mix of questions
at each size, and prints per question: SQL statements run and the median time. A bounded
number of indexed queries means neither grows with N; the ratio column says so.

    python benchmarks/answering.py
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import event

from bot.services.inquiry import Inquiry
from bot.services.router import respond
from bot.services.runtime import Runtime
from storage.database import Database, open_database, prepare_database
from storage.models import Meeting

QUESTIONS = [
    "Where will the sixth meeting be held?",
    "When was the fifth meeting?",
    "What was discussed at the Ashgabat meeting?",
    "Was there a meeting in 2014?",
    "Where was the fourth meeting held?",
    "Кто организует встречу?",
    "Когда встреча в Душанбе?",
    "list past meetings",
    "What is UNRCCA?",
    "when is the next meeting?",
]
SIZES = (10, 1_000, 10_000)
CITIES = ("Almaty", "Bishkek", "Tashkent", "Astana", "Osh", "Khujand")


async def fill(database: Database, count: int) -> None:
    start = datetime(2000, 1, 1, 6, tzinfo=UTC)
    async with database.sessions.begin() as session:
        session.add_all(
            Meeting(
                uid=f"bench-{i}",
                title_en=f"Consultation {i}",
                starts_at=start + timedelta(days=3 * i),
                time_zone="Asia/Almaty",
                city_en=CITIES[i % len(CITIES)],
                ordinal=100 + i,
                created_at=start,
                updated_at=start,
            )
            for i in range(count)
        )


class Counter:
    def __init__(self) -> None:
        self.statements = 0

    def attach(self, database: Database) -> None:
        event.listen(database.engine.sync_engine, "before_cursor_execute", self._statement)

    def _statement(self, *args: object) -> None:
        self.statements += 1


async def measure(size: int, folder: Path) -> tuple[float, float]:
    database = open_database(f"sqlite+aiosqlite:///{folder / f'bench-{size}.db'}")
    await prepare_database(database)
    await fill(database, size - 2)
    runtime = Runtime(database, clock=lambda: datetime(2026, 11, 29, tzinfo=UTC))
    counter = Counter()
    counter.attach(database)
    timings = []
    for question in QUESTIONS * 5:
        began = time.perf_counter()
        await respond(runtime, Inquiry(text=question))
        timings.append(time.perf_counter() - began)
    await database.dispose()
    asked = len(QUESTIONS) * 5
    return counter.statements / asked, statistics.median(timings) * 1000


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        results = {size: await measure(size, Path(folder)) for size in SIZES}
    base = results[SIZES[0]]
    print(f"{'meetings':>9} {'SQL/question':>13} {'median ms':>10} {'ms ratio':>9}")
    for size, (statements, ms) in results.items():
        print(f"{size:>9} {statements:>13.1f} {ms:>10.2f} {ms / base[1]:>9.2f}")


if __name__ == "__main__":
    asyncio.run(main())
