"""Issue 20: an uploaded file is parsed in a worker process within a wall-time and a memory
budget; a file over either is refused with the reason, and the bot itself never pays for it."""

from __future__ import annotations

import pytest

from bot.services.calendars.entry import not_a_calendar
from bot.services.calendars.parsing import BrokenCalendar, UnknownEncoding, parse_calendar
from bot.services.calendars.worker import Budget, OverBudget, parse_within_budget
from tests.support.calendars import EVENT, ics

MANY = ics(*({**EVENT, "UID": f"e{n}@x", "SUMMARY": f"Talks {n}"} for n in range(6000)))


async def test_the_worker_gives_what_parsing_here_gives() -> None:
    content = ics(EVENT, {**EVENT, "UID": "late@x", "DTSTART": "tomorrow"}).replace(
        b"END:VEVENT", b"LAST-MODIFIED:yesterday\r\nEND:VEVENT", 1
    )
    assert await parse_within_budget(content) == parse_calendar(content)


async def test_a_broken_or_foreign_file_is_refused_with_its_reason_through_the_worker() -> None:
    with pytest.raises(BrokenCalendar) as broken:
        await parse_within_budget(b"BEGIN:VCALENDAR\r\nnot a property\r\nEND:VCALENDAR\r\n")
    assert (broken.value.line, broken.value.problem) == (2, "bad_line")
    japanese = "会議 東京 水資源の協議 について話し合います。日本の水"
    with pytest.raises(UnknownEncoding):
        await parse_within_budget(ics({**EVENT, "SUMMARY": japanese}).decode().encode("euc_jp"))


async def test_a_file_over_the_time_budget_is_refused_saying_so() -> None:
    # 6,000 events take seconds to parse on any machine, and starting the worker alone takes
    # longer than this budget: the bound holds however fast or loaded the machine is.
    with pytest.raises(OverBudget) as over:
        await parse_within_budget(MANY, Budget(seconds=0.2))
    assert over.value.budget == "time"
    text = not_a_calendar("en", "big.ics", over.value)
    assert "took longer than 0.2 seconds" in text and "Nothing was imported" in text


async def test_a_file_over_the_memory_budget_is_refused_saying_so() -> None:
    # Below what the interpreter already holds, the worker's next allocations fail, as a
    # hostile file's would under the real budget; the bot reports it and carries on.
    with pytest.raises(OverBudget) as over:
        await parse_within_budget(MANY, Budget(megabytes=30))
    assert over.value.budget == "memory"
    assert "more than 30 MB" in not_a_calendar("en", "big.ics", over.value)
    assert "МБ" in not_a_calendar("ru", "big.ics", over.value)
