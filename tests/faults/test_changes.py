"""Issue 17: a change committed mid fan-out stops what it makes unwanted. After a cancel, a move
or an unsubscribe commits, at most the messages already in flight go out for that meeting or
chat (no more than the worker count), never the rest of the fan-out."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi
from tests.fakebotapi.store import Json
from tests.faults.bots import ADMIN, SOON, running
from tests.faults.measures import FanOut, is_reminder, reached, reminders, sent_after, summary
from tests.faults.seeding import Due, chat_ids, seed, subscriber
from tests.support.polling import wait_until

pytestmark = [pytest.mark.faults, pytest.mark.postgres]

CHATS = 300
RATE = 30
UNSUBSCRIBING = 20
# In flight when a change commits: the sends already handed to the Bot API. With answers that
# take no time here, a sender needs no more workers than one second of its rate.
IN_FLIGHT_BOUND = RATE


def not_a_reminder(sent: Json) -> bool:
    return not is_reminder(sent)


async def cancel(api: FakeBotApi, due: Due) -> float:
    api.send_command(ADMIN, "cancelevent", f"{due.meeting_id} The venue is closed")
    done = await api.wait_for_message(ADMIN.id, timeout=30, predicate=not_a_reminder)
    assert "cancelled" in done["text"], done["text"]
    return float(done["at"])


async def move(api: FakeBotApi, due: Due) -> float:
    api.send_command(ADMIN, "editevent", f"{due.meeting_id}\nstarts: 2027-01-20 10:00")
    preview = await api.wait_for_message(ADMIN.id, timeout=30, predicate=not_a_reminder)
    [save, *_] = [b["callback_data"] for row in preview["reply_markup"]["inline_keyboard"]
                  for b in row]  # fmt: skip
    api.press_button(ADMIN, preview, save)
    saved = await api.wait_for_message(ADMIN.id, timeout=30, predicate=not_a_reminder)
    assert saved["text"].startswith("Saved the changes"), saved["text"]
    return float(saved["at"])


async def unsubscribe(api: FakeBotApi, due: Due) -> dict[int, float]:
    """The last chats still waiting unsubscribe at once; chat -> when its answer came."""
    waiting = sorted(set(chat_ids(CHATS)) - {s["chat_id"] for s in reminders(api, due)})
    leaving = waiting[-UNSUBSCRIBING:]
    for chat_id in leaving:
        api.send_command(subscriber(chat_id), "unsubscribe")
    answers = [
        await api.wait_for_message(chat_id, timeout=30, predicate=not_a_reminder)
        for chat_id in leaving
    ]
    return {answer["chat_id"]: float(answer["at"]) for answer in answers}


@pytest.mark.parametrize("change", ["cancel", "move", "unsubscribe"])
async def test_a_change_mid_fan_out_stops_the_messages_it_makes_unwanted(
    postgres_url: str, tmp_path: Path, change: str
) -> None:
    [due] = await seed(postgres_url, CHATS, [SOON])
    async with running(tmp_path, postgres_url) as (api, _):
        assert await wait_until(lambda: reached(api, due) >= CHATS // 5, 90, every=0.05)
        if change == "unsubscribe":
            committed = await unsubscribe(api, due)
        else:
            at = await (cancel if change == "cancel" else move)(api, due)
            committed = dict.fromkeys(chat_ids(CHATS), at)
        await wait_until(lambda: FanOut.of(api, due).last_at < time.time() - 3, 60)
        await asyncio.sleep(2)
    unwanted = sum(
        sent_after([s for s in reminders(api, due) if s["chat_id"] == chat_id], moment)
        for chat_id, moment in committed.items()
    )
    summary(f"{change} mid fan-out", reached=FanOut.of(api, due).reached, sent_after=unwanted)
    assert unwanted <= IN_FLIGHT_BOUND, f"{unwanted} reminders sent after the {change}"
