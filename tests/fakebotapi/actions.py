"""What users do, turned into queued updates the bot will receive from getUpdates."""

from __future__ import annotations

import uuid

from tests.fakebotapi.state import BotApiState
from tests.fakebotapi.store import Json
from tests.fakebotapi.updates import (
    FakeChat,
    FakeUser,
    button_exists,
    callback_query,
    chat_json,
    command_text,
    incoming_message,
    now,
    text_content,
)


def send_text(state: BotApiState, user: FakeUser, text: str, chat: FakeChat | None) -> Json:
    return _send(state, user, chat, text_content(text))


def forward_post(state: BotApiState, user: FakeUser, channel_id: int, text: str) -> Json:
    channel = state.chats.chat(channel_id)
    origin = {"type": "channel", "chat": channel, "message_id": 1, "date": now()}
    return _send(state, user, None, {"text": text, "forward_origin": origin})


def send_command(
    state: BotApiState,
    user: FakeUser,
    command: str,
    args: str,
    chat: FakeChat | None,
    mention_bot: bool,
) -> Json:
    username = state.bot["username"] if mention_bot else None
    return send_text(state, user, command_text(command, args, username), chat)


def send_document(
    state: BotApiState, user: FakeUser, file_id: str, caption: str | None, chat: FakeChat | None
) -> Json:
    content: Json = {"document": state.files.get(file_id).document_json()}
    if caption:
        content["caption"] = caption
    return _send(state, user, chat, content)


def press_button(state: BotApiState, user: FakeUser, message: Json, callback_data: str) -> Json:
    # Accepts a record from api.sent or a Message JSON; the button must be on the message as it
    # is now, since a user can only press what an edit left on screen.
    message = message.get("message", message)
    key = (message["chat"]["id"], message["message_id"])
    current = state.chats.messages.get(key)
    if current is None or not button_exists(current, callback_data):
        markup = (current or {}).get("reply_markup")
        raise AssertionError(f"no button {callback_data!r} on message {key}; markup: {markup}")
    query_id = str(uuid.uuid4().int >> 64)  # Telegram's query ids are long numeric strings.
    state.callback_query_ids.add(query_id)
    query = callback_query(query_id, user, current, callback_data)
    return state.updates.put({"callback_query": query})


def send_inline_query(state: BotApiState, user: FakeUser, query: str, chat_type: str) -> str:
    query_id = str(uuid.uuid4().int >> 64)
    state.inline_query_ids.add(query_id)
    inline = {
        "id": query_id,
        "from": user.to_json(),
        "query": query,
        "offset": "",
        "chat_type": chat_type,
    }
    state.updates.put({"inline_query": inline})
    return query_id


def _send(state: BotApiState, user: FakeUser, chat: FakeChat | None, content: Json) -> Json:
    chat_data = chat_json(user, chat)
    state.chats.remember_chat(chat_data)
    message_id = state.chats.next_message_id(chat_data["id"])
    message = state.chats.store(incoming_message(message_id, user, chat_data, **content))
    return state.updates.put({"message": message})
