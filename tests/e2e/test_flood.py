"""One user's flood is slowed down without slowing anyone else (issue 20, per-chat admission).

Before, 500 messages from one user took all 256 shared slots while they waited for their own
chat's turn: every one of them was answered, and another user's first answer waited 8.9 s.
"""

from __future__ import annotations

import asyncio

from bot.handlers.ordering import MAX_WAITING_PER_CHAT
from tests.e2e.users import DILNOZA, TOM
from tests.fakebotapi import FakeBotApi

FLOOD = 500


def to_tom(bot_api: FakeBotApi) -> list[str]:
    return [sent["text"] for sent in bot_api.sent if sent["chat_id"] == TOM.id]


async def quiet(bot_api: FakeBotApi, seconds: float = 1.0) -> None:
    """Until nothing more was sent for `seconds` (the flood's last answers)."""
    count = -1
    while count != len(bot_api.sent):
        count = len(bot_api.sent)
        await asyncio.sleep(seconds)


async def test_a_flood_is_coalesced_and_another_user_is_answered(bot_api: FakeBotApi) -> None:
    for number in range(FLOOD):
        bot_api.send_text(TOM, f"hello {number}")
    bot_api.send_command(DILNOZA, "about")
    # A bound loose enough for a loaded machine: what the test judges is the counts below.
    about = await bot_api.wait_for_message(chat_id=DILNOZA.id, timeout=60)
    assert "РЦПДЦА" in about["text"]
    await quiet(bot_api)
    answers = to_tom(bot_api)
    slow_downs = [text for text in answers if text.startswith("You are sending messages faster")]
    # getUpdates hands over 100 at a time: at most 5 bursts (fewer when they overlap), each
    # with its first update and MAX_WAITING_PER_CHAT behind it answered, and one "slow down".
    bursts = FLOOD // 100
    assert 1 <= len(slow_downs) <= bursts
    assert len(answers) <= bursts * (MAX_WAITING_PER_CHAT + 2) < FLOOD // 5


async def test_the_slow_down_reply_is_in_the_senders_language(bot_api: FakeBotApi) -> None:
    for number in range(40):
        bot_api.send_text(DILNOZA, f"привет {number}")
    reply = await bot_api.wait_for_message(
        chat_id=DILNOZA.id, timeout=60, predicate=lambda sent: "быстрее" in sent["text"]
    )
    assert reply["text"].startswith("Вы присылаете сообщения быстрее, чем я успеваю отвечать")
    await quiet(bot_api)
