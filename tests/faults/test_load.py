"""Issue 17: ordinary work does not make reminders late. An import of 20 meetings is announced
to 300 chats in one message each and a reminder due soon after is on time; 10 reminders due
together reach the same chats on time at 28 a second or more; a question every 100 ms during a
600-chat fan-out is answered in under a second (p99) and the last reminder is on time."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.store import Json
from tests.faults.bots import ADMIN, STARTUP_SECONDS, running
from tests.faults.measures import FanOut, percentile, reached, reminders, summary
from tests.faults.seeding import seed
from tests.support.calendars import ics
from tests.support.polling import wait_until

pytestmark = [pytest.mark.faults, pytest.mark.postgres]

RATE = 30
# "On time" with room for a loaded 2-core machine, which can starve a process for a second or
# two; what the issue measured failing was 100 s and 365 s late.
ON_TIME = 3.0
# The 28 a second, less 10% for a loaded machine (4.8 a second was measured failing).
LEAST_RATE = 25.0
IMPORTED = 20


def calendar_of(count: int) -> bytes:
    events = [
        {
            "UID": f"import-{n}@faults",
            "SUMMARY": f"Imported talks No{n:03d}",
            "DTSTART": f"20270{3 + n // 10}{10 + n % 10:02d}T100000",
            "LOCATION": "Almaty\\, Kazakhstan",
        }
        for n in range(1, count + 1)
    ]
    return ics(*events)


def announcements(api: FakeBotApi) -> list[Json]:
    """What subscribers were told of the imported meetings (not the admin's import report);
    a message may tell it together with a reminder due at once (issue 17, item 3)."""
    told = [s for s in api.sent if s["chat_id"] != ADMIN.id]
    return [s for s in told if "Imported talks" in (s["text"] or "")]


async def test_an_import_of_20_meetings_is_one_message_per_chat_and_a_reminder_stays_on_time(
    postgres_url: str, tmp_path: Path
) -> None:
    chats = 300
    # 300 announcements take 10 s at the rate, the reminders 10 s more: due 30 s after the import.
    [due] = await seed(postgres_url, chats, [STARTUP_SECONDS + 30])
    async with running(tmp_path, postgres_url) as (api, _):
        api.send_document(ADMIN, "meetings.ics", calendar_of(IMPORTED), caption="/import")
        report = await api.wait_for_message(chat_id=ADMIN.id, timeout=30)
        done = await wait_until(lambda: reached(api, due) >= chats, due.at - time.time() + 30)
        await wait_until(lambda: len({s["chat_id"] for s in announcements(api)}) >= chats, 60)
        await asyncio.sleep(2)
    per_chat = Counter(s["chat_id"] for s in announcements(api))
    titles = [s["text"].count("Imported talks") for s in announcements(api)]
    fan_out = FanOut.of(api, due)
    summary(
        "import of 20 to 300 chats",
        announcement_messages=sum(per_chat.values()),
        chats_told=len(per_chat),
        reminders=fan_out.reached,
        reminder_late=fan_out.late,
    )
    assert "20" in report["text"], report["text"]
    assert done and fan_out.reached == chats
    assert len(per_chat) == chats and set(per_chat.values()) == {1}
    assert set(titles) == {IMPORTED}, "each announcement lists the 20 meetings"
    assert fan_out.late <= ON_TIME


async def test_10_reminders_due_together_are_on_time_at_28_a_second(
    postgres_url: str, tmp_path: Path
) -> None:
    # The 10 reminders to the same 300 chats: 3,000 reminders, one message per chat
    # (a chat's reminders due together are coalesced), 300 messages: 10 s at the rate.
    chats, meetings = 300, 10
    dues = await seed(postgres_url, chats, [STARTUP_SECONDS + 40] * meetings)
    async with running(tmp_path, postgres_url) as (api, _):
        everyone = lambda: all(reached(api, due) >= chats for due in dues)  # noqa: E731
        await wait_until(everyone, dues[0].at - time.time() + 60)
        await asyncio.sleep(2)
    fan_outs = [FanOut.of(api, due) for due in dues]
    times = sorted(s["at"] for s in reminders(api))
    rate = (len(times) - 1) / max(times[-1] - times[0], 0.001)
    late = max(f.late for f in fan_outs)
    summary("10 reminders due together", messages=len(times), rate=rate, last_late=late)
    assert all(f.reached == chats and f.duplicates == 0 for f in fan_outs)
    assert late <= ON_TIME
    # Coalesced (issue 17, item 3) or not, 300 messages are a backlog: sent at the rate.
    assert rate >= LEAST_RATE, f"{rate:.1f} messages a second"


async def test_a_question_every_100_ms_during_a_600_chat_fan_out(
    postgres_url: str, tmp_path: Path
) -> None:
    chats, askers = 600, [FakeUser(70_000 + n, f"Asker {n}") for n in range(20)]
    # The answers take 10 of the 30 messages a second, so the fan-out needs 30 s of the rest.
    [due] = await seed(postgres_url, chats, [STARTUP_SECONDS + chats / (RATE - 10) + 5])
    asked: list[tuple[int, float]] = []
    async with running(tmp_path, postgres_url) as (api, _):
        # Asked from the start: a steady load the scheduler can measure before the fan-out.
        while reached(api, due) < chats and time.time() < due.at + 30:
            asker = askers[len(asked) % len(askers)]
            asked.append((asker.id, time.time()))
            api.send_command(asker, "next")
            await asyncio.sleep(0.1)
        await wait_until(lambda: reached(api, due) >= chats, due.at - time.time() + 60)
        await asyncio.sleep(3)  # The last answers.
    latencies = reply_latencies(api, asked)
    fan_out = FanOut.of(api, due)
    p99 = percentile(latencies, 0.99)
    summary(
        "a question every 100 ms, 600-chat fan-out",
        questions=len(asked),
        answered=len(latencies),
        reply_p99=p99,
        reminder_late=fan_out.late,
        reminders_a_second=(fan_out.reached - 1) / max(fan_out.last_at - fan_out.first_at, 0.001),
    )
    assert fan_out.reached == chats
    assert len(latencies) == len(asked), "every question is answered"
    # The 1 s, doubled for a loaded machine; a reply queued behind the fan-out waits
    # tens of seconds.
    assert p99 < 2.0
    assert fan_out.late <= ON_TIME


def reply_latencies(api: FakeBotApi, asked: list[tuple[int, float]]) -> list[float]:
    """Each question's answer is the next message to its asker's chat, in order."""
    answers: dict[int, list[float]] = {}
    for sent in api.sent:
        answers.setdefault(sent["chat_id"], []).append(sent["at"])
    taken: Counter[int] = Counter()
    latencies = []
    for chat_id, at in asked:
        replies = answers.get(chat_id, [])
        if taken[chat_id] < len(replies):
            latencies.append(replies[taken[chat_id]] - at)
            taken[chat_id] += 1
    return latencies
