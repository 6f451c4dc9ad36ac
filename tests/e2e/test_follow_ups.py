"""Follow-up questions in a chat, replies to the bot's messages, and answers quoting questions
in groups, through the real application and the fake Bot API."""

from __future__ import annotations

from tests.e2e.users import DILNOZA, TOM, reply_to
from tests.fakebotapi import FakeBotApi, FakeChat

GROUP = FakeChat(-100777, title="Regional desk")


async def say(api: FakeBotApi, text: str, chat_id: int = TOM.id) -> str:
    api.send_text(TOM, text) if chat_id == TOM.id else api.send_text(DILNOZA, text)
    return str((await api.wait_for_message(chat_id=chat_id))["text"])


async def test_a_short_follow_up_refers_to_the_meeting_just_shown(bot_api: FakeBotApi) -> None:
    assert "Ashgabat" in await say(bot_api, "where was the fifth meeting?")
    after = await say(bot_api, "and the one after?")
    assert "Sixth annual" in after and "27 November 2015" in after
    organizer = await say(bot_api, "who organizes it?")
    assert "organized by" in organizer and organizer.rstrip().endswith("/event_2")


async def test_a_russian_follow_up_keeps_the_chat_s_meeting(bot_api: FakeBotApi) -> None:
    assert "Ашхабад" in await say(bot_api, "Когда прошла пятая встреча?", DILNOZA.id)
    assert "Ашхабад, Туркменистан" in await say(bot_api, "а где?", DILNOZA.id)
    # Another chat's question does not move Dilnoza's context.
    assert "Dushanbe" in await say(bot_api, "where is the sixth meeting?")
    assert "Афганистан" in await say(bot_api, "а что там обсуждали?", DILNOZA.id)


async def test_a_reply_to_an_older_answer_refers_to_that_answer_s_meeting(
    bot_api: FakeBotApi,
) -> None:
    bot_api.send_text(TOM, "when was the fifth meeting?")
    fifth = await bot_api.wait_for_message(chat_id=TOM.id)
    assert "Dushanbe" in await say(bot_api, "where is the sixth meeting?")
    reply_to(bot_api, TOM, "and what was discussed there?", fifth)
    answer = await bot_api.wait_for_message(chat_id=TOM.id)
    assert "Afghanistan" in answer["text"] and "/event_1" in answer["text"]


async def test_in_a_group_the_answer_quotes_the_question(bot_api: FakeBotApi) -> None:
    question = bot_api.send_text(TOM, f"@{bot_api.username} where was the fifth meeting?", GROUP)
    answer = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "Ashgabat" in answer["text"]
    assert answer["message"]["reply_to_message"]["message_id"] == question["message"]["message_id"]
    follow_up = reply_to(bot_api, DILNOZA, "а что там обсуждали?", answer, GROUP)
    second = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "Афганистан" in second["text"]
    quoted = second["message"]["reply_to_message"]["message_id"]
    assert quoted == follow_up["message"]["message_id"]


async def test_a_follow_up_with_nothing_before_it_asks_which_meeting(bot_api: FakeBotApi) -> None:
    answer = await say(bot_api, "and the one before?")
    assert answer.startswith("Which meeting do you mean?")
