"""Reminders at scale, end to end: 500 chats at a throttled rate with the fake Bot API answering
429 above it, a question answered during the fan-out, and a group that became a supergroup."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from itertools import pairwise

import pytest
from sqlalchemy import select

from bot.services.runtime import utc_now
from storage.database import Database
from storage.models import Chat, Subscription
from tests.e2e.fan_outs import meeting_due_in, reminders, subscribe_chats
from tests.e2e.users import TOM
from tests.fakebotapi import FakeBotApi
from tests.support.polling import wait_until

RATE = 100
# Longer than any gap a starved process leaves between two sends, shorter than a wait for a
# sweep or a lease (60 s).
PAUSE = 15.0
CHATS = 500
GROUP, SUPERGROUP = -100555, -1001234567


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return utc_now


@pytest.fixture
def bot_settings() -> dict[str, object]:
    return {"reminder_sweep_seconds": 1, "reminder_offsets": (1,), "broadcast_rate": RATE}


async def test_500_chats_are_reached_once_within_the_rate_without_a_pause(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    limiter = bot_api.limit_sends(RATE)
    chat_ids = list(range(10_001, 10_001 + CHATS))
    await subscribe_chats(bot_database, chat_ids)
    due = await meeting_due_in(bot_database, 12)
    await wait_until(lambda: len(reminders(bot_api)) >= CHATS // 2, 30)
    # Halfway through the fan-out a user asks something: the answer does not wait for it.
    asked = time.time()
    bot_api.send_command(TOM, "next")
    answer = await bot_api.wait_for_message(chat_id=TOM.id)
    reply_latency = answer["at"] - asked
    await wait_until(lambda: len(reminders(bot_api)) >= CHATS, 120)
    sent = reminders(bot_api)
    times = sorted(s["at"] for s in sent)
    per_chat = Counter(s["chat_id"] for s in sent)
    assert set(per_chat) == set(chat_ids) and set(per_chat.values()) == {1}
    achieved = (len(times) - 1) / (times[-1] - times[0])
    assert achieved <= RATE * 1.05, f"{achieved:.1f} messages a second"
    assert max(_per_second(times)) <= RATE
    # Being on time to the second is a timing goal: benchmarks/fanout.py and the faults tier
    # measure it. On a busy 2-core machine this process may be starved for many seconds (35 s
    # late at seven runnable processes a core), so the test asks only what load cannot excuse:
    # the fan-out began before its due time (its head start, not the next sweep) and never
    # paused as a wait for a sweep or a lease would (60 s); starved, sends slow but go on.
    lateness = times[-1] - due.timestamp()
    print(f"{achieved:.1f} messages a second, the last {lateness:+.2f} s from its due time")
    assert times[0] <= due.timestamp(), f"began {times[0] - due.timestamp():.1f} s after due"
    longest_pause = max(later - earlier for earlier, later in pairwise(times))
    assert longest_pause < PAUSE, f"a pause of {longest_pause:.1f} s between two reminders"
    # ... and an answer that did not queue behind the other 250 reminders (2.5 s at the rate).
    assert answer["at"] < times[-1], f"the answer took {reply_latency:.2f} s, after the fan-out"
    assert limiter.refused == 0


async def test_a_group_that_became_a_supergroup_is_reminded_there_and_moved(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await subscribe_chats(bot_database, [GROUP])
    bot_api.refuse_chat(GROUP, migrate_to_chat_id=SUPERGROUP)
    await meeting_due_in(bot_database, 3)
    reminder = await bot_api.wait_for_message(
        chat_id=SUPERGROUP, timeout=20, predicate=lambda s: "Reminder" in (s["text"] or "")
    )
    assert "Regional water talks" in reminder["text"]
    async with bot_database.sessions() as session:
        assert await session.get(Chat, GROUP) is None
        moved = await session.scalar(
            select(Subscription).where(Subscription.chat_id == SUPERGROUP)
        )
    assert moved is not None and moved.meeting_id is None


def _per_second(times: list[float]) -> list[int]:
    """The most messages in any one-second window starting at a message."""
    counts, start = [], 0
    for end, moment in enumerate(times):
        while times[start] <= moment - 1.0:
            start += 1
        counts.append(end - start + 1)
    return counts
