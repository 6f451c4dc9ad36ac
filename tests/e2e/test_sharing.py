"""A meeting shared inside Telegram (issue 25): deep links into the bot, the share button on
every card, inline mode in any chat, and the bot's profile set at start; English and Russian,
private chats and groups."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from sqlalchemy import select

from storage.database import Database
from storage.models import Subscription
from tests.e2e.users import DILNOZA, TOM, ask, buttons, links
from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser

GROUP = FakeChat(-100925, title="Press corps")
GROUP_ADMIN = FakeUser(3101, "Aigul", language_code="en")
GROUP_MEMBER = FakeUser(3102, "Murat", language_code="ru")
LINK = "https://t.me/unrcca_test_bot?start=event_2"


async def followers(database: Database) -> list[tuple[int, int | None]]:
    async with database.sessions() as session:
        rows = (await session.scalars(select(Subscription))).all()
    return sorted((row.chat_id, row.meeting_id) for row in rows)


def shared_link(sent: dict[str, object]) -> str:
    """The deep link the card's share button hands to Telegram's share dialog."""
    [share] = links(sent)
    query = parse_qs(urlparse(share).query)
    assert urlparse(share).netloc == "t.me" and urlparse(share).path == "/share/url"
    return query["url"][0]


async def test_a_deep_link_opens_the_card_with_its_share_button(bot_api: FakeBotApi) -> None:
    card = await ask(bot_api, TOM, "start", "event_2")
    assert "Sixth annual Meeting" in card["text"]
    assert buttons(card) == ["rm:2", "ics:2"]
    assert shared_link(card) == LINK

    russian = await ask(bot_api, DILNOZA, "start", "event_2")
    assert "Шестая ежегодная встреча" in russian["text"]
    assert russian["reply_markup"]["inline_keyboard"][-1][0]["text"] == "↗️ Поделиться"
    assert shared_link(russian) == LINK


async def test_a_question_answered_by_one_card_carries_the_cards_buttons(
    bot_api: FakeBotApi,
) -> None:
    bot_api.send_text(TOM, "Tell me about the Dushanbe meeting")
    card = await bot_api.wait_for_message(chat_id=TOM.id)
    assert "Sixth annual Meeting" in card["text"]
    assert buttons(card) == ["rm:2", "ics:2"] and shared_link(card) == LINK
    bot_api.send_text(DILNOZA, "расскажи о шестой встрече")
    russian = await bot_api.wait_for_message(chat_id=DILNOZA.id)
    assert buttons(russian) == ["rm:2", "ics:2"] and shared_link(russian) == LINK
    # An answer that is a sentence, not a card, has no card buttons.
    bot_api.send_text(TOM, "When was the sixth meeting?")
    sentence = await bot_api.wait_for_message(chat_id=TOM.id)
    assert "27 November 2015" in sentence["text"] and "rm:2" not in buttons(sentence)


async def test_an_unknown_or_odd_payload_is_answered_politely(bot_api: FakeBotApi) -> None:
    unknown = await ask(bot_api, TOM, "start", "event_999")
    assert "999" in unknown["text"] and "/upcoming" in unknown["text"]
    odd = await ask(bot_api, DILNOZA, "start", "promo-2024")
    # A payload the bot does not know is a plain /start: the greeting.
    assert "Dilnoza" in odd["text"] and buttons(odd) == []


async def test_the_subscribe_link_subscribes_a_private_chat(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    reply = await ask(bot_api, DILNOZA, "start", "subscribe")
    assert "всех" in reply["text"]
    assert await followers(bot_database) == [(DILNOZA.id, None)]


async def test_in_a_group_only_an_administrator_subscribes_by_link(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    bot_api.make_admin(GROUP.id, GROUP_ADMIN.id)
    bot_api.send_command(GROUP_MEMBER, "start", "subscribe", chat=GROUP)
    refused = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "администратор" in refused["text"]
    assert await followers(bot_database) == []

    bot_api.send_command(GROUP_ADMIN, "start", "subscribe", chat=GROUP)
    done = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "every scheduled meeting" in done["text"]
    assert await followers(bot_database) == [(GROUP.id, None)]


async def test_a_card_in_a_group_carries_the_share_button(bot_api: FakeBotApi) -> None:
    bot_api.send_command(GROUP_MEMBER, "event", "2", chat=GROUP)
    card = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert shared_link(card) == LINK
    # A deep link opened in a group (`?startgroup=event_2`) opens the card there too.
    bot_api.send_command(GROUP_MEMBER, "start", "event_2", chat=GROUP)
    linked = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "Шестая ежегодная встреча" in linked["text"]
    assert shared_link(linked) == LINK


async def test_an_empty_inline_query_offers_the_upcoming_meetings(bot_api: FakeBotApi) -> None:
    query_id = bot_api.send_inline_query(TOM, "")
    answer = await bot_api.wait_for_inline_answer(query_id)
    [result] = answer["results"]
    assert result["type"] == "article" and result["id"] == "meeting-2"
    assert result["title"].startswith("Sixth annual Meeting")
    assert "Dushanbe" in result["description"]
    message = result["input_message_content"]
    assert "Sixth annual Meeting" in message["message_text"]
    assert LINK in message["message_text"]
    assert message["parse_mode"] == "HTML"
    assert result["reply_markup"]["inline_keyboard"] == [
        [{"text": "🤖 Open in the bot", "url": LINK}]
    ]
    assert answer["is_personal"] is True
    assert 0 < answer["cache_time"] <= 3600


async def test_an_inline_question_in_a_group_is_read_as_a_private_one(
    bot_api: FakeBotApi,
) -> None:
    query_id = bot_api.send_inline_query(GROUP_MEMBER, "встреча в Ашхабаде", "supergroup")
    answer = await bot_api.wait_for_inline_answer(query_id)
    titles = [result["title"] for result in answer["results"]]
    assert titles and all("Ашхабад" in r["description"] for r in answer["results"])
    assert "Пятая" in titles[0]
    text = answer["results"][0]["input_message_content"]["message_text"]
    assert "https://t.me/unrcca_test_bot?start=event_1" in text

    english = bot_api.send_inline_query(TOM, "fifth meeting", "group")
    found = await bot_api.wait_for_inline_answer(english)
    assert [result["id"] for result in found["results"]] == ["meeting-1"]


async def test_an_inline_query_that_matches_nothing_offers_nothing(bot_api: FakeBotApi) -> None:
    query_id = bot_api.send_inline_query(TOM, "quantum chromodynamics")
    answer = await bot_api.wait_for_inline_answer(query_id)
    assert answer["results"] == []


async def test_the_profile_is_set_in_every_language_at_start(bot_api: FakeBotApi) -> None:
    await ask(bot_api, TOM, "help")
    assert "UNRCCA" in (bot_api.description() or "")
    assert "Central Asia" in (bot_api.description("en") or "")
    assert "Центральной Азии" in (bot_api.description("ru") or "")
    assert bot_api.description("kk") and bot_api.description("uz")
    for code in ("", "en", "ru", "kk", "uz"):
        short = bot_api.short_description(code)
        assert short and len(short) <= 120
