"""A chat's settings by buttons, its data under its control, and the truth about following every
meeting (issue 25); English and Russian, private chats and groups."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from storage.database import Database
from storage.models import AuditEntry, Chat, Document, Subscription
from tests.e2e.users import DILNOZA, TOM, Json, ask, buttons
from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser

GROUP = FakeChat(-100926, title="Ministry desk")
GROUP_ADMIN = FakeUser(3201, "Aigul", language_code="en")
GROUP_MEMBER = FakeUser(3202, "Murat", language_code="ru")


async def press(api: FakeBotApi, user: FakeUser, sent: Json, data: str) -> Json:
    api.press_button(user, sent, data)
    return await api.wait_for_message(chat_id=sent["chat_id"])


async def chat_row(database: Database, chat_id: int) -> Chat | None:
    async with database.sessions() as session:
        return await session.get(Chat, chat_id)


async def rows_of(database: Database, chat_id: int) -> int:
    async with database.sessions() as session:
        query = (
            select(func.count()).select_from(Subscription).where(Subscription.chat_id == chat_id)
        )
        return int(await session.scalar(query) or 0)


async def test_remind_offers_common_choices_read_as_a_list(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    offered = await ask(bot_api, TOM, "remind")
    assert "offs:1440,60" in buttons(offered)
    labels = [b["text"] for row in offered["reply_markup"]["inline_keyboard"] for b in row]
    assert "1 day and 1 hour" in labels
    chosen = await press(bot_api, TOM, offered, "offs:10080,1440")
    assert chosen["method"] == "editMessageText"
    assert "7 days and 1 day before each meeting" in chosen["text"]
    chat = await chat_row(bot_database, TOM.id)
    assert chat is not None and chat.reminder_offsets == "10080,1440"

    russian = await ask(bot_api, DILNOZA, "subscriptions")
    assert "1 день и 1 час" in russian["text"]


async def test_timezone_offers_the_venues_and_the_readers_zones(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    offered = await ask(bot_api, DILNOZA, "timezone")
    data = buttons(offered)
    assert data[:2] == ["tz:Asia/Dushanbe", "tz:Asia/Ashgabat"]
    assert "tz:Europe/Moscow" in data and data[-1] == "tz:off"
    labels = [b["text"] for row in offered["reply_markup"]["inline_keyboard"] for b in row]
    assert "Душанбе (Asia/Dushanbe)" in labels
    chosen = await press(bot_api, DILNOZA, offered, "tz:Europe/Moscow")
    assert "Europe/Moscow" in chosen["text"]
    chat = await chat_row(bot_database, DILNOZA.id)
    assert chat is not None and chat.time_zone == "Europe/Moscow"


async def test_timezone_reads_any_city_babel_names_in_russian_or_english(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    for city, zone in (("Токио", "Asia/Tokyo"), ("Берлин", "Europe/Berlin"),
                       ("Лондон", "Europe/London"), ("Tokyo", "Asia/Tokyo"),
                       ("America/New_York", "America/New_York")):  # fmt: skip
        reply = await ask(bot_api, DILNOZA, "timezone", city)
        assert zone in reply["text"], city
    refused = await ask(bot_api, TOM, "timezone", "Atlantis")
    assert "Atlantis" in refused["text"] and "Asia/Almaty" in refused["text"]


async def test_in_a_group_only_administrators_press_the_setting_buttons(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    bot_api.make_admin(GROUP.id, GROUP_ADMIN.id)
    bot_api.send_command(GROUP_ADMIN, "remind", chat=GROUP)
    offered = await bot_api.wait_for_message(chat_id=GROUP.id)
    bot_api.press_button(GROUP_MEMBER, offered, "offs:60")
    answer = await bot_api.wait_for_request("answerCallbackQuery")
    assert "администратор" in answer.params["text"]
    chosen = await press(bot_api, GROUP_ADMIN, offered, "offs:60")
    assert "1 hour before" in chosen["text"]
    chat = await chat_row(bot_database, GROUP.id)
    assert chat is not None and chat.reminder_offsets == "60"


async def test_stop_reminding_tells_the_truth_to_a_chat_that_follows_everything(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await ask(bot_api, TOM, "subscribe")
    card = await ask(bot_api, TOM, "event", "2")
    assert buttons(card)[:2] == ["stop:2", "ics:2"]
    explained = await press(bot_api, TOM, card, "stop:2")
    assert "follows every meeting" in explained["text"]
    assert "still reminded" in explained["text"]
    assert buttons(explained) == ["stop:every"]
    stopped = await press(bot_api, TOM, explained, "stop:every")
    assert "no more reminders" in stopped["text"]
    assert await rows_of(bot_database, TOM.id) == 0
    again = await ask(bot_api, TOM, "event", "2")
    assert buttons(again)[:2] == ["rm:2", "ics:2"]


async def test_stop_reminding_tells_a_chat_that_follows_a_filter_which_one(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await ask(bot_api, TOM, "subscribe", "Tajikistan")
    card = await ask(bot_api, TOM, "event", "2")  # the sixth meeting, in Dushanbe
    assert buttons(card)[0] == "stop:2"
    explained = await press(bot_api, TOM, card, "stop:2")
    assert "still gets reminders" in explained["text"]
    assert "Tajikistan" in explained["text"] and "/unsubscribe Tajikistan" in explained["text"]
    stats = await ask(bot_api, TOM, "event", "1")  # the fifth, in Ashgabat: not followed
    assert buttons(stats)[0] in ("rm:1", "ics:1")


async def test_remind_me_in_a_chat_that_follows_everything_says_so(bot_api: FakeBotApi) -> None:
    await ask(bot_api, DILNOZA, "subscribe")
    await ask(bot_api, DILNOZA, "language", "ru")
    card = await ask(bot_api, DILNOZA, "start", "event_2")
    assert buttons(card)[0] == "stop:2"
    bot_api.press_button(DILNOZA, card, "stop:2")
    explained = await bot_api.wait_for_message(chat_id=DILNOZA.id)
    assert "следит за всеми встречами" in explained["text"]


async def test_mydata_shows_what_is_stored_and_forget_deletes_it(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    await ask(bot_api, TOM, "subscribe", "2")
    await ask(bot_api, TOM, "timezone", "Berlin")
    shown = await ask(bot_api, TOM, "mydata")
    text = shown["text"]
    assert "<b>chats</b> (1)" in text and "time_zone: Europe/Berlin" in text
    assert "<b>subscriptions</b> (1)" in text and "meeting_id: 2" in text
    assert "not an administrator" in text and "/forget" in text

    asked = await ask(bot_api, TOM, "forget")
    assert "cannot be undone" in asked["text"]
    assert await rows_of(bot_database, TOM.id) == 1
    done = await press(bot_api, TOM, asked, "forget:yes")
    assert "records about this chat were deleted" in done["text"]
    assert await rows_of(bot_database, TOM.id) == 0
    assert await chat_row(bot_database, TOM.id) is None

    russian = await ask(bot_api, DILNOZA, "mydata")
    assert "Что бот хранит об этом чате" in russian["text"]
    asked_in_russian = await ask(bot_api, DILNOZA, "forget")
    assert "Это нельзя отменить" in asked_in_russian["text"]
    forgotten = await press(bot_api, DILNOZA, asked_in_russian, "forget:yes")
    assert "Готово: удален" in forgotten["text"]
    assert await chat_row(bot_database, DILNOZA.id) is None


async def test_in_a_group_mydata_and_forget_are_for_its_administrators(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    bot_api.make_admin(GROUP.id, GROUP_ADMIN.id)
    bot_api.send_command(GROUP_ADMIN, "subscribe", chat=GROUP)
    await bot_api.wait_for_message(chat_id=GROUP.id)
    bot_api.send_command(GROUP_MEMBER, "mydata", chat=GROUP)
    refused = await bot_api.wait_for_message(chat_id=GROUP.id)
    assert "администратор" in refused["text"]
    bot_api.send_command(GROUP_ADMIN, "forget", chat=GROUP)
    asked = await bot_api.wait_for_message(chat_id=GROUP.id)
    bot_api.press_button(GROUP_MEMBER, asked, "forget:yes")
    await bot_api.wait_for_request("answerCallbackQuery")
    assert await rows_of(bot_database, GROUP.id) == 1
    await press(bot_api, GROUP_ADMIN, asked, "forget:yes")
    assert await rows_of(bot_database, GROUP.id) == 0
    async with bot_database.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(AuditEntry)) is not None


async def test_the_reminder_button_keeps_the_cards_document_buttons(
    bot_api: FakeBotApi, bot_database: Database
) -> None:
    async with bot_database.sessions.begin() as session:
        agenda = Document(
            meeting_id=2, kind="agenda", language="en", title="agenda.pdf",
            url="https://example.org/agenda.pdf", has_text=False, added_at=datetime.now(UTC),
        )  # fmt: skip
        session.add(agenda)
    card = await ask(bot_api, TOM, "event", "2")
    document = f"doc:{agenda.id}"
    assert buttons(card)[0] == "rm:2" and document in buttons(card)
    subscribed = await press(bot_api, TOM, card, "rm:2")  # a message of its own
    assert "stop:2" in buttons(subscribed)
    # Pressed again on the card: its own button turns into "Stop reminding", in place.
    again = await press(bot_api, TOM, card, "rm:2")
    assert buttons(again)[0] == "stop:2" and document in buttons(again)
    stopped = await press(bot_api, TOM, again, "stop:2")
    assert buttons(stopped)[0] == "rm:2" and document in buttons(stopped)
