"""Admins of the end-to-end tests, one per language, and what they do beyond asking."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from storage.database import Database
from tests.e2e.conftest import Clock
from tests.e2e.users import Json
from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser
from tests.fakebotapi.updates import (
    chat_json,
    command_text,
    incoming_message,
    now,
    private_chat_json,
    text_content,
)

# The e2e admin tests' time: 29 November 2026, 09:00 UTC (both bundled meetings are past).
NOW = datetime(2026, 11, 29, 9, tzinfo=UTC)
LANGUAGES = pytest.mark.parametrize("language", ["en", "ru"])
AIDA = FakeUser(1001, "Aida", language_code="en")
BAKHTIYOR = FakeUser(1002, "Бахтиёр", language_code="ru")
ADMINS = {"en": AIDA, "ru": BAKHTIYOR}


@pytest.fixture
def clock() -> Clock:
    return lambda: NOW


@pytest.fixture
def admin_ids() -> frozenset[int]:
    """Both admins are in BOT_ADMIN_IDS."""
    return frozenset({AIDA.id, BAKHTIYOR.id})


async def press(api: FakeBotApi, user: FakeUser, sent: Json, data: str) -> Json:
    api.press_button(user, sent, data)
    return await api.wait_for_message(chat_id=user.id)


async def count(database: Database, model: type) -> int:
    async with database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def forwarded_from(api: FakeBotApi, user: FakeUser, author: Json, text: str) -> Json:
    """A message `user` forwarded to the bot from `author` (an origin as Telegram sends it).

    Kept in the chat but not delivered as an update: the test is about the reply to it.
    """
    state = api._state
    chat = private_chat_json(user)
    origin = {"type": "user", "date": now(), "sender_user": author}
    if "id" not in author:
        origin = {"type": "hidden_user", "date": now(), "sender_user_name": author["first_name"]}
    message_id = state.chats.next_message_id(chat["id"])
    message = incoming_message(message_id, user, chat, text=text, forward_origin=origin)
    return state.chats.store(message)


def written_in(api: FakeBotApi, user: FakeUser, chat: FakeChat, text: str) -> Json:
    """A message `user` wrote in a group, kept but not delivered (the bot is not addressed)."""
    state = api._state
    state.chats.remember_chat(chat.to_json())
    message_id = state.chats.next_message_id(chat.id)
    return state.chats.store(incoming_message(message_id, user, chat.to_json(), text=text))


def reply_with_command(
    api: FakeBotApi, user: FakeUser, command: str, replied: Json, chat: FakeChat | None = None
) -> Json:
    """`/command` sent as a reply to `replied`, as Telegram quotes the replied-to message."""
    state = api._state
    chat_data = chat_json(user, chat)
    username = state.bot["username"] if chat else None
    text = command_text(command, "", username)
    state.chats.remember_chat(chat_data)
    message_id = state.chats.next_message_id(chat_data["id"])
    content = {**text_content(text), "reply_to_message": replied}
    message = state.chats.store(incoming_message(message_id, user, chat_data, **content))
    return api.push_update({"message": message})
