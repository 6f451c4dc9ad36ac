"""Who talks to the bot, and the Bot API JSON their actions turn into."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from tests.fakebotapi.store import Json

# Telegram clients mark every "/word" or "/word@bot" that starts a word as a bot_command.
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")


@dataclass(frozen=True)
class FakeUser:
    id: int
    first_name: str
    language_code: str = "en"
    username: str | None = None

    def to_json(self) -> Json:
        user: Json = {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }
        if self.username:
            user["username"] = self.username
        return user


@dataclass(frozen=True)
class FakeChat:
    """A group the users share; private chats are derived from the user instead."""

    id: int
    title: str = "Test group"
    type: str = "supergroup"

    def to_json(self) -> Json:
        return {"id": self.id, "type": self.type, "title": self.title}


def private_chat_json(user: FakeUser) -> Json:
    # In a private chat Telegram uses the user's id as the chat id.
    chat: Json = {"id": user.id, "type": "private", "first_name": user.first_name}
    if user.username:
        chat["username"] = user.username
    return chat


def chat_json(user: FakeUser, chat: FakeChat | None) -> Json:
    return chat.to_json() if chat else private_chat_json(user)


def now() -> int:
    return int(time.time())


def utf16_length(text: str) -> int:
    # Entity offsets and lengths count UTF-16 code units, so an emoji counts twice.
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[Json]:
    return [
        {
            "type": "bot_command",
            "offset": utf16_length(text[: match.start()]),
            "length": utf16_length(match.group()),
        }
        for match in _COMMAND.finditer(text)
    ]


def command_text(command: str, args: str, bot_username: str | None) -> str:
    text = "/" + command.removeprefix("/")
    if bot_username:
        text += "@" + bot_username
    return f"{text} {args}" if args else text


def incoming_message(message_id: int, user: FakeUser, chat: Json, **content: Any) -> Json:
    return {
        "message_id": message_id,
        "date": now(),
        "chat": chat,
        "from": user.to_json(),
        **content,
    }


def text_content(text: str) -> Json:
    entities = command_entities(text)
    return {"text": text, "entities": entities} if entities else {"text": text}


def callback_query(query_id: str, user: FakeUser, message: Json, data: str) -> Json:
    return {
        "id": query_id,
        "from": user.to_json(),
        "message": message,
        "chat_instance": str(message["chat"]["id"]),
        "data": data,
    }


def button_exists(message: Json, callback_data: str) -> bool:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return any(button.get("callback_data") == callback_data for row in rows for button in row)
