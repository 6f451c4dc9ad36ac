"""Linked channels end to end: /channel over the fake Bot API (getChat, getChatMember), then every
change to a meeting posted there once, its original post edited, a lost channel reported."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.services.meeting_writes.changes import (
    cancel_meeting,
    delete_meeting,
    edit_meeting,
    restore_meeting,
)
from bot.services.runtime import utc_now
from storage.database import Database
from storage.models import ChannelLink, ChannelPost, DeliveryStatus
from tests.e2e.test_reminders import change, meeting_in
from tests.e2e.users import TOM, ask
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.fakebotapi.store import Json
from tests.support.polling import wait_until_async

AIDA = FakeUser(1001, "Aida", language_code="en")
CHANNEL = -1001500
IN_TWO_DAYS = timedelta(days=2)


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return utc_now


@pytest.fixture
def admin_ids() -> frozenset[int]:
    return frozenset({AIDA.id})


@pytest.fixture
def bot_settings() -> dict[str, object]:
    return {"reminder_sweep_seconds": 1, "reminder_offsets": (1,)}


def posts(api: FakeBotApi, method: str = "sendMessage") -> list[Json]:
    return [s for s in api.sent if s["chat_id"] == CHANNEL and s["method"] == method]


async def next_post(api: FakeBotApi, word: str) -> Json:
    return await api.wait_for_message(
        chat_id=CHANNEL, predicate=lambda s: s["method"] == "sendMessage" and word in s["text"]
    )


async def next_edit(api: FakeBotApi, word: str) -> Json:
    return await api.wait_for_message(
        chat_id=CHANNEL,
        predicate=lambda s: s["method"] == "editMessageText" and word in s["text"],
    )


async def linked(api: FakeBotApi, language: str = "") -> Json:
    api.add_channel(CHANNEL, "unrcca_news", "UNRCCA news")
    reply = await ask(api, AIDA, "channel", f"@unrcca_news {language}".strip())
    assert "Linked UNRCCA news (@unrcca_news)" in reply["text"], reply["text"]
    return reply


async def test_a_channel_receives_one_post_per_change_and_its_original_post_is_edited(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    reply = await linked(bot_api)
    assert "English + Русский" in reply["text"]
    meeting_id = await meeting_in(bot_database, IN_TWO_DAYS)
    original = await next_post(bot_api, "Water talks")
    # English and Russian in one post, each the meeting's card.
    assert "Almaty" in original["text"]
    assert "On the agenda" in original["text"] and "Повестка" in original["text"]
    await change(bot_database, edit_meeting, meeting_id, {"venue_en": "Rixos hotel"})
    moved = await next_post(bot_api, "Rixos hotel")
    assert moved["message"]["reply_to_message"]["message_id"] == original["message_id"]
    assert "Venue" in moved["text"] and "Площадка" in moved["text"]
    edited = await next_edit(bot_api, "Rixos hotel")
    assert edited["message_id"] == original["message_id"]
    await change(bot_database, cancel_meeting, meeting_id, "The hall is closed")
    cancelled = await next_post(bot_api, "Cancelled")
    assert cancelled["message"]["reply_to_message"]["message_id"] == original["message_id"]
    shown_cancelled = await next_edit(bot_api, "The hall is closed")
    assert shown_cancelled["message_id"] == original["message_id"]
    await change(bot_database, restore_meeting, meeting_id)
    await next_post(bot_api, "Back on schedule")
    # Given a few more sweeps, nothing is posted twice.
    await asyncio.sleep(3)
    assert len(posts(bot_api)) == 4
    assert len(posts(bot_api, "editMessageText")) == 3

    async def statuses() -> list[DeliveryStatus]:
        async with bot_database.sessions() as session:
            return list((await session.scalars(select(ChannelPost.status))).all())

    # How sends ended is written a moment after them (bot.outbound.results).
    assert await wait_until_async(lambda: _equal(statuses(), [DeliveryStatus.SENT] * 4), 10)


async def test_a_channel_in_one_language_and_its_state_and_unlinking(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await linked(bot_api, "ru")
    state = await ask(bot_api, AIDA, "channel")
    assert "UNRCCA news (@unrcca_news): posts in Русский" in state["text"]
    await meeting_in(bot_database, IN_TWO_DAYS, title="Встреча по воде")
    post = await next_post(bot_api, "Встреча по воде")
    assert "Повестка" in post["text"] and "On the agenda" not in post["text"]
    unlinked = await ask(bot_api, AIDA, "channel", "off")
    assert "Unlinked: UNRCCA news (@unrcca_news)" in unlinked["text"]
    await meeting_in(bot_database, IN_TWO_DAYS, title="Second talks")
    assert "No channel is linked" in (await ask(bot_api, AIDA, "channel"))["text"]
    async with bot_database.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ChannelPost)) == 1


async def test_a_forwarded_post_links_its_channel(bot_api: FakeBotApi) -> None:
    bot_api.add_channel(CHANNEL, None, "Private desk")
    bot_api.forward_post(AIDA, CHANNEL, "Our first post")
    reply = await bot_api.wait_for_message(chat_id=AIDA.id)
    assert f"Linked Private desk ({CHANNEL})" in reply["text"]


async def test_linking_names_what_is_wrong(bot_api: FakeBotApi) -> None:
    bot_api.add_channel(CHANNEL, "unrcca_news", "UNRCCA news", can_edit=False)
    no_edit = await ask(bot_api, AIDA, "channel", "@unrcca_news")
    assert "I may not edit messages" in no_edit["text"]
    unknown = await ask(bot_api, AIDA, "channel", "@nobody_here")
    assert "I cannot see @nobody_here" in unknown["text"]
    unreadable = await ask(bot_api, AIDA, "channel", "news!")
    assert "“news!”" in unreadable["text"] and "/channel @unrcca_news ru" in unreadable["text"]
    bad_language = await ask(bot_api, AIDA, "channel", "@unrcca_news fr")
    assert "“fr”" in bad_language["text"]
    refused = await ask(bot_api, TOM, "channel", "@unrcca_news")
    assert "admin" in refused["text"].lower()


async def test_a_channel_that_took_the_bots_rights_is_reported_once_and_not_retried(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await linked(bot_api)
    bot_api.set_channel_rights(CHANNEL, admin=False)
    await meeting_in(bot_database, IN_TWO_DAYS)
    report = await bot_api.wait_for_message(
        chat_id=AIDA.id, predicate=lambda s: "could not post" in s["text"]
    )
    assert "UNRCCA news (@unrcca_news)" in report["text"]
    await meeting_in(bot_database, IN_TWO_DAYS, title="Later talks")
    state = await ask(bot_api, AIDA, "channel")
    assert "Stopped" in state["text"]

    async def statuses() -> list[DeliveryStatus]:
        async with bot_database.sessions() as session:
            return list((await session.scalars(select(ChannelPost.status))).all())

    # The later meeting wrote no post for the broken link; the failed one is not retried.
    assert await wait_until_async(lambda: _equal(statuses(), [DeliveryStatus.FAILED]), 10)
    async with bot_database.sessions() as session:
        link = await session.get(ChannelLink, CHANNEL)
    assert link is not None and link.broken_at is not None
    assert not posts(bot_api)
    reports = [
        s for s in bot_api.sent if s["chat_id"] == AIDA.id and "could not post" in s["text"]
    ]
    assert len(reports) == 1


async def test_a_notice_of_an_edited_venue_names_the_old_and_the_new_venue(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    meeting_id = await meeting_in(bot_database, IN_TWO_DAYS)
    await change(bot_database, edit_meeting, meeting_id, {"venue_en": "Old hall"})
    await ask(bot_api, TOM, "subscribe", str(meeting_id))
    await change(bot_database, edit_meeting, meeting_id, {"venue_en": "New hall"})
    notice = await bot_api.wait_for_message(
        chat_id=TOM.id, predicate=lambda s: "Moved" in (s["text"] or "")
    )
    assert "Venue" in notice["text"]
    assert "Was: <s>Old hall</s>" in notice["text"] or "Old hall" in notice["text"]
    assert "New hall" in notice["text"]


async def _equal(found: Awaitable[list[DeliveryStatus]], expected: list[DeliveryStatus]) -> bool:
    return await found == expected


async def test_deleting_an_announced_meeting_tells_those_who_heard_and_marks_the_post(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await linked(bot_api)
    await ask(bot_api, TOM, "subscribe")
    meeting_id = await meeting_in(bot_database, IN_TWO_DAYS)
    await bot_api.wait_for_message(chat_id=TOM.id, predicate=lambda s: "New meeting" in s["text"])
    original = await next_post(bot_api, "Water talks")
    await change(bot_database, delete_meeting, meeting_id)
    told = await bot_api.wait_for_message(
        chat_id=TOM.id, predicate=lambda s: "Removed from the schedule" in s["text"]
    )
    assert "Water talks" in told["text"] and "Almaty" in told["text"]
    note = await next_post(bot_api, "Removed from the schedule: Water talks")
    assert note["message"]["reply_to_message"]["message_id"] == original["message_id"]
    marked = await next_edit(bot_api, "Removed from the schedule")
    assert marked["message_id"] == original["message_id"]


async def test_an_outcome_reaches_the_linked_channel_once(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await linked(bot_api)
    meeting_id = await meeting_in(bot_database, IN_TWO_DAYS)
    await next_post(bot_api, "Water talks")  # the new meeting's post
    reply = await ask(bot_api, AIDA, "outcome", f"{meeting_id} The participants agreed on a plan")
    assert "goes to 1 chat(s) or linked channel(s)" in reply["text"], reply["text"]
    outcome = await next_post(bot_api, "agreed on a plan")
    assert outcome["chat_id"] == CHANNEL
    # A second sweep sends nothing more (the row is SENT): wait for two sweeps.
    await asyncio.sleep(2.5)
    assert len([p for p in posts(bot_api) if "agreed on a plan" in p["text"]]) == 1
