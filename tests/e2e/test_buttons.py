"""Buttons pressed in the chat: turning pages, the calendar file, Remind me, forged presses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import select

from storage.database import Database
from storage.models import Subscription
from tests.e2e.users import DILNOZA, TOM, ask, buttons, press_forged
from tests.fakebotapi import FakeBotApi
from tests.support.factories import add_meetings


async def test_pages_turn_forward_and_back_in_the_same_message(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await add_meetings(bot_database, 11, datetime(2016, 1, 4, tzinfo=UTC))
    first = await ask(bot_api, TOM, "upcoming")
    assert "Page 1 of 3" in first["text"]
    bot_api.press_button(TOM, first, "pg:up:2")
    second = await bot_api.wait_for_message(chat_id=TOM.id)
    assert (second["method"], second["message_id"]) == ("editMessageText", first["message_id"])
    assert "Page 2 of 3" in second["text"]
    assert buttons(second) == ["pg:up:1", "pg:up:3"]
    bot_api.press_button(TOM, second, "pg:up:1")
    back = await bot_api.wait_for_message(chat_id=TOM.id)
    assert back["message_id"] == first["message_id"]
    assert back["text"] == first["text"]
    answers = [c for c in bot_api.requests if c.method == "answerCallbackQuery"]
    assert len(answers) == 2 and all(c.error_code is None for c in answers)


async def test_add_to_calendar_sends_an_ics_file(bot_api: FakeBotApi) -> None:
    card = await ask(bot_api, TOM, "next")
    bot_api.press_button(TOM, card, "ics:2")
    sent = await bot_api.wait_for_message(chat_id=TOM.id)
    assert sent["method"] == "sendDocument"
    assert sent["document"]["file_name"] == "unrcca-meeting-2.ics"
    event = Calendar.from_ical(sent["document"]["content"]).walk("VEVENT")[0]
    assert str(event["uid"]) == "deputy-fm-2015-dushanbe@unrcca-bot"
    assert "Sixth annual Meeting" in sent["caption"]
    answer = await bot_api.wait_for_request("answerCallbackQuery")
    assert answer.params["text"] == "Calendar file sent"


async def test_remind_me_subscribes_the_chat(bot_api: FakeBotApi, bot_database: Database) -> None:
    card = await ask(bot_api, DILNOZA, "next")
    bot_api.press_button(DILNOZA, card, "rm:2")
    sent = await bot_api.wait_for_message(chat_id=DILNOZA.id)
    assert "Этот чат подписан на встречу" in sent["text"]
    # Reminders are switched on: the reply says one will come, and offers to stop it.
    assert "получит напоминание" in sent["text"]
    assert "stop:2" in str(sent["reply_markup"])
    async with bot_database.sessions() as session:
        rows = (await session.scalars(select(Subscription))).all()
    assert [(row.chat_id, row.meeting_id) for row in rows] == [(DILNOZA.id, 2)]


@pytest.mark.parametrize(
    ("data", "notice"),
    [
        ("ics:999999", "Sorry, I no longer have that meeting."),
        ("garbage", "Sorry, this button no longer works."),
        ("rm:" + "9" * 20, "Sorry, this button no longer works."),
    ],
)
async def test_a_forged_button_is_answered_and_the_bot_goes_on(
    bot_api: FakeBotApi, data: str, notice: str
) -> None:
    card = await ask(bot_api, TOM, "next")
    press_forged(bot_api, TOM, card, data)
    answer = await bot_api.wait_for_request("answerCallbackQuery")
    assert answer.params["text"].startswith(notice)
    assert answer.error_code is None
    reply = await ask(bot_api, TOM, "help")
    assert "/search" in reply["text"]
    # Nothing was sent for the forged press itself: the help is the next message.
    assert [s["method"] for s in bot_api.sent] == ["sendMessage", "sendMessage"]
