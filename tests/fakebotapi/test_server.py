"""The fake Bot API server carries a plain PTB Application through what our bot will do."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram import InlineKeyboardMarkup as Keyboard
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser
from tests.fakebotapi.fixtures import fake_api_fixture  # noqa: F401 - provides `fake_api`

DILNOZA = FakeUser(1001, "Dilnoza", language_code="ru", username="dilnoza")
TOM = FakeUser(1002, "Tom")
GROUP = FakeChat(-100500, "Peace talks")
ICS = "BEGIN:VCALENDAR\r\nSUMMARY:Встреча\r\nEND:VCALENDAR\r\n".encode()


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_user and update.effective_message
    buttons = Keyboard([[InlineKeyboardButton("Subscribe", callback_data="subscribe")]])
    name = update.effective_user.first_name
    await update.effective_message.reply_text(f"Hello, {name}!", reply_markup=buttons)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.callback_query
    await update.callback_query.answer("Subscribed")
    await update.callback_query.edit_message_text("You are subscribed.")


async def echo_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message and update.message.document
    upload = await update.message.document.get_file()
    content = bytes(await upload.download_as_bytearray())
    await update.message.reply_document(content, filename="копия.ics", caption=f"{len(content)}")


async def remember_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    context.bot_data.setdefault("errors", []).append(context.error)


def build_app(api: FakeBotApi) -> Application:
    app = (
        ApplicationBuilder()
        .token(api.token)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(subscribe, pattern="^subscribe$"))
    app.add_handler(MessageHandler(filters.Document.ALL, echo_document))
    app.add_error_handler(remember_error)
    return app


@asynccontextmanager
async def polling(api: FakeBotApi, long_poll: int = 1) -> AsyncIterator[Application]:
    app = build_app(api)
    async with app:
        await app.start()
        assert app.updater
        await app.updater.start_polling(poll_interval=0, timeout=long_poll)
        yield app
        await app.updater.stop()
        await app.stop()


async def test_start_is_answered_in_a_private_chat(fake_api: FakeBotApi) -> None:
    async with polling(fake_api):
        fake_api.send_command(DILNOZA, "start")
        reply = await fake_api.wait_for_message(chat_id=DILNOZA.id)

    assert reply["text"] == "Hello, Dilnoza!"
    assert reply["reply_markup"] == {
        "inline_keyboard": [[{"text": "Subscribe", "callback_data": "subscribe"}]]
    }
    assert reply["message"]["from"]["username"] == "unrcca_test_bot"


async def test_group_command_names_the_bot(fake_api: FakeBotApi) -> None:
    async with polling(fake_api):
        update = fake_api.send_command(TOM, "start", chat=GROUP)
        reply = await fake_api.wait_for_message(chat_id=GROUP.id)

    assert update["message"]["text"] == "/start@unrcca_test_bot"
    assert reply["text"] == "Hello, Tom!"
    assert reply["message"]["reply_to_message"]["message_id"] == update["message"]["message_id"]


async def test_button_press_is_answered_and_edits_the_message(fake_api: FakeBotApi) -> None:
    async with polling(fake_api):
        fake_api.send_command(DILNOZA, "start")
        greeting = await fake_api.wait_for_message(chat_id=DILNOZA.id)
        fake_api.press_button(DILNOZA, greeting, "subscribe")
        answer = await fake_api.wait_for_request("answerCallbackQuery")
        edited = await fake_api.wait_for_message(chat_id=DILNOZA.id)

    assert answer.params["text"] == "Subscribed"
    assert answer.error_code is None
    assert (edited["method"], edited["message_id"]) == ("editMessageText", greeting["message_id"])
    assert edited["text"] == "You are subscribed."
    assert edited["reply_markup"] is None


async def test_a_document_is_downloaded_and_sent_back(fake_api: FakeBotApi) -> None:
    async with polling(fake_api):
        fake_api.send_document(TOM, "встречи 2025.ics", ICS)
        reply = await fake_api.wait_for_message(chat_id=TOM.id)

    assert reply["caption"] == str(len(ICS))
    assert reply["document"]["file_name"] == "копия.ics"
    assert reply["document"]["content"] == ICS
    assert reply["message"]["document"]["file_size"] == len(ICS)


@pytest.mark.parametrize(
    ("error_code", "retry_after", "raised"),
    [(429, 7, RetryAfter), (403, None, Forbidden), (400, None, BadRequest)],
)
async def test_an_api_error_reaches_the_handler_and_the_bot_goes_on(
    fake_api: FakeBotApi,
    error_code: int,
    retry_after: int | None,
    raised: type[TelegramError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PTB 22.8 builds RetryAfter with a deprecation warning (an error here) unless opted in.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    fake_api.fail_next("sendMessage", error_code=error_code, retry_after=retry_after)
    async with polling(fake_api) as app:
        fake_api.send_command(DILNOZA, "start")
        failed = await fake_api.wait_for_request("sendMessage")
        fake_api.send_command(DILNOZA, "start")
        reply = await fake_api.wait_for_message(chat_id=DILNOZA.id)

    [error] = app.bot_data["errors"]
    assert isinstance(error, raised)
    assert failed.error_code == error_code
    assert failed.response.get("parameters", {}).get("retry_after") == retry_after
    assert reply["text"] == "Hello, Dilnoza!"


async def test_commands_are_kept_per_language_and_scope(fake_api: FakeBotApi) -> None:
    app = build_app(fake_api)
    private = BotCommandScopeAllPrivateChats()
    async with app:
        await app.bot.set_my_commands([BotCommand("start", "Начать")], private, "ru")
        await app.bot.set_my_commands([BotCommand("start", "Start")])
        commands = await app.bot.get_my_commands(private, "ru")

    assert [(c.command, c.description) for c in commands] == [("start", "Начать")]
    assert fake_api.my_commands() == [{"command": "start", "description": "Start"}]
    assert fake_api.my_commands("ru", {"type": "all_private_chats"})[0]["description"] == "Начать"


async def test_a_wrong_token_is_unauthorized(fake_api: FakeBotApi) -> None:
    bot = Bot("42:" + "x" * 35, base_url=fake_api.base_url)

    # A Bot, not an Application: a failed Application.initialize() leaves its HTTP clients open.
    with pytest.raises(InvalidToken):
        async with bot:
            pass

    assert fake_api.requests[0].response == {
        "ok": False,
        "error_code": 401,
        "description": "Unauthorized",
    }


async def test_an_unknown_method_is_not_found(fake_api: FakeBotApi) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{fake_api.base_url}{fake_api.token}/sendTelepathy")

    assert response.status_code == 404
    assert response.json()["description"] == "Not Found: method not found"


async def test_stopping_the_bot_does_not_wait_for_its_long_poll(fake_api: FakeBotApi) -> None:
    async with polling(fake_api, long_poll=30):
        long_poll = await fake_api.wait_for_request("getUpdates")
        began = time.monotonic()

    assert long_poll.params["timeout"] == 30
    assert time.monotonic() - began < 5


async def test_stopping_the_server_answers_pending_long_polls() -> None:
    api = await FakeBotApi().start()
    async with httpx.AsyncClient() as client:
        url = f"{api.base_url}{api.token}/getUpdates"
        poll = asyncio.create_task(client.post(url, json={"timeout": 30}))
        await api.wait_for_request("getUpdates")
        began = time.monotonic()
        await api.stop()
        response = await poll

    assert response.json() == {"ok": True, "result": []}
    assert time.monotonic() - began < 5


async def test_an_inline_query_is_answered_once_with_articles(fake_api: FakeBotApi) -> None:
    async def offer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.inline_query
        text = InputTextMessageContent(f"<b>{update.inline_query.query}</b>", parse_mode="HTML")
        article = InlineQueryResultArticle("1", "Water", text, description="Almaty")
        await update.inline_query.answer([article], cache_time=30, is_personal=True)
        with pytest.raises(BadRequest, match="Query is too old"):
            await update.inline_query.answer([article])

    app = build_app(fake_api)
    app.add_handler(InlineQueryHandler(offer))
    async with app:
        await app.start()
        assert app.updater
        await app.updater.start_polling(poll_interval=0, timeout=1)
        query_id = fake_api.send_inline_query(TOM, "water", chat_type="supergroup")
        answer = await fake_api.wait_for_inline_answer(query_id)
        await fake_api.wait_for_request("answerInlineQuery")
        await app.updater.stop()
        await app.stop()

    [result] = answer["results"]
    assert (result["type"], result["title"], result["description"]) == (
        "article",
        "Water",
        "Almaty",
    )
    assert result["input_message_content"]["message_text"] == "<b>water</b>"
    assert (answer["cache_time"], answer["is_personal"]) == (30, True)
    assert app.bot_data.get("errors") is None


async def test_descriptions_are_kept_per_language_within_their_limits(
    fake_api: FakeBotApi,
) -> None:
    async with build_app(fake_api) as app:
        await app.bot.set_my_description("Встречи", language_code="ru")
        await app.bot.set_my_short_description("Meetings")
        with pytest.raises(BadRequest, match="too long"):
            await app.bot.set_my_short_description("x" * 121)

    assert fake_api.description("ru") == "Встречи"
    assert fake_api.description() is None
    assert fake_api.short_description() == "Meetings"
