"""Who talks to the bot in end-to-end tests, and what they can do beyond the fake's helpers."""

from __future__ import annotations

import uuid
from typing import Any

from tests.fakebotapi import FakeBotApi, FakeChat, FakeUser
from tests.fakebotapi.updates import callback_query, chat_json, incoming_message, text_content

Json = dict[str, Any]

TOM = FakeUser(2001, "Tom", language_code="en")
DILNOZA = FakeUser(2002, "Dilnoza", language_code="ru")


async def ask(api: FakeBotApi, user: FakeUser, command: str, args: str = "") -> Json:
    """Send a command and wait for the bot's answer in the user's private chat."""
    api.send_command(user, command, args)
    return await api.wait_for_message(chat_id=user.id)


def buttons(sent: Json) -> list[str]:
    """The data of the message's buttons that call back (link buttons, such as Share, left out:
    `links`)."""
    rows = (sent.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row if "callback_data" in button]


def links(sent: Json) -> list[str]:
    """The addresses of the message's link buttons."""
    rows = (sent.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["url"] for row in rows for button in row if "url" in button]


def press_forged(api: FakeBotApi, user: FakeUser, sent: Json, data: str) -> Json:
    """A press carrying data no button of ours had, as a modified client can send.

    The fake lets users press only the buttons on screen, so the query id is registered with
    its state directly (Telegram would accept the answer to such a query too).
    """
    query_id = str(uuid.uuid4().int >> 64)
    api._state.callback_query_ids.add(query_id)
    return api.push_update(
        {"callback_query": callback_query(query_id, user, sent["message"], data)}
    )


def reply_to(
    api: FakeBotApi, user: FakeUser, text: str, replied: Json, chat: FakeChat | None = None
) -> Json:
    """A message answering one the bot sent (`replied`: a record from api.sent)."""
    chat_data = chat_json(user, chat)
    message_id = api._state.chats.next_message_id(chat_data["id"])
    quoted = {k: v for k, v in replied["message"].items() if k != "reply_to_message"}
    message = incoming_message(
        message_id, user, chat_data, reply_to_message=quoted, **text_content(text)
    )
    return api.push_update({"message": api._state.chats.store(message)})
