"""What the fake server remembers: calls, chats, messages and files."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

# The JSON objects of the Bot API, as they go over the wire.
Json = dict[str, Any]


class ApiError(Exception):
    """A Bot API error answer; raised by a method or queued by a test with fail_next."""

    def __init__(self, code: int, description: str, parameters: Json | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_json(self) -> Json:
        body: Json = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


@dataclass(frozen=True)
class UploadedFile:
    """One multipart file part, as the bot uploaded it."""

    file_name: str
    content: bytes
    mime_type: str


@dataclass
class ApiCall:
    method: str
    params: Json
    files: dict[str, UploadedFile] = field(default_factory=dict)
    response: Json = field(default_factory=dict)
    # When it arrived (time.time()), and the pid that made it where the test identifies peers.
    at: float = field(default_factory=time.time)
    sender: int | None = None

    @property
    def error_code(self) -> int | None:
        return self.response.get("error_code")


@dataclass(frozen=True)
class StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    file_name: str
    mime_type: str
    content: bytes

    def document_json(self) -> Json:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.content),
        }


class FileStore:
    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}

    def add(self, content: bytes, file_name: str, mime_type: str) -> StoredFile:
        number = len(self._by_id) + 1
        stored = StoredFile(
            file_id=f"BQACAgIAAxkBAAIB{number:06d}",
            file_unique_id=f"AgAD{number:06d}",
            # Like Telegram's: the user's file name stays out of the download URL.
            file_path=f"documents/file_{number}{PurePosixPath(file_name).suffix}",
            file_name=file_name,
            mime_type=mime_type,
            content=content,
        )
        self._by_id[stored.file_id] = stored
        return stored

    def get(self, file_id: str) -> StoredFile:
        if file_id not in self._by_id:
            raise ApiError(400, "Bad Request: invalid file_id")
        return self._by_id[file_id]

    def by_path(self, file_path: str) -> StoredFile | None:
        return next((f for f in self._by_id.values() if f.file_path == file_path), None)


class ChatLog:
    """Chats and their messages; users and the bot share one message_id sequence per chat."""

    def __init__(self) -> None:
        self.chats: dict[int, Json] = {}
        self.messages: dict[tuple[int, int], Json] = {}
        self._last_message_id: dict[int, int] = {}

    def remember_chat(self, chat: Json) -> None:
        self.chats[chat["id"]] = chat

    def chat(self, chat_id: int | str) -> Json:
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        if isinstance(chat_id, str):
            return self._chat_by_username(chat_id)
        # Tests may seed subscribers the server never saw; answer as Telegram would for them.
        return self.chats.setdefault(chat_id, _unseen_chat(chat_id))

    def next_message_id(self, chat_id: int) -> int:
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def store(self, message: Json) -> Json:
        self.messages[(message["chat"]["id"], message["message_id"])] = message
        return message

    def message(self, chat_id: int, message_id: int, missing: str) -> Json:
        if (chat_id, message_id) not in self.messages:
            raise ApiError(400, f"Bad Request: {missing}")
        return self.messages[(chat_id, message_id)]

    def _chat_by_username(self, name: str) -> Json:
        for chat in self.chats.values():
            if "@" + str(chat.get("username")) == name:
                return chat
        raise ApiError(400, "Bad Request: chat not found")


def _unseen_chat(chat_id: int) -> Json:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User {chat_id}"}
    return {"id": chat_id, "type": "supergroup", "title": f"Group {chat_id}"}
