"""Methods about the bot itself, polling, commands, callbacks, chats and files."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.fakebotapi import members, messaging
from tests.fakebotapi.store import ApiCall, ApiError, Json

if TYPE_CHECKING:
    from tests.fakebotapi.state import BotApiState, Method


WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
INVALID_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"
DEFAULT_SCOPE = {"type": "default"}
GIFT_TYPES = (
    "unlimited_gifts",
    "limited_gifts",
    "unique_gifts",
    "premium_subscription",
    "gifts_from_channels",
)


async def get_me(state: BotApiState, call: ApiCall) -> Json:
    return state.bot


async def get_updates(state: BotApiState, call: ApiCall) -> list[Json]:
    if state.webhook_url:
        raise ApiError(409, WEBHOOK_CONFLICT)
    params = call.params
    return await state.updates.get(
        offset=int(params.get("offset", 0)),
        limit=int(params.get("limit", 100)),
        seconds=float(params.get("timeout", 0)),
    )


async def set_webhook(state: BotApiState, call: ApiCall) -> bool:
    state.webhook_url = call.params.get("url", "")
    return True


async def delete_webhook(state: BotApiState, call: ApiCall) -> bool:
    state.webhook_url = ""
    if call.params.get("drop_pending_updates"):
        state.updates.drop_pending()
    return True


async def get_webhook_info(state: BotApiState, call: ApiCall) -> Json:
    return {
        "url": state.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": state.updates.pending,
    }


def commands_key(scope: Json | None, language_code: str | None) -> tuple[str, str]:
    return json.dumps(scope or DEFAULT_SCOPE, sort_keys=True), language_code or ""


def _call_key(call: ApiCall) -> tuple[str, str]:
    return commands_key(call.params.get("scope"), call.params.get("language_code"))


async def set_my_commands(state: BotApiState, call: ApiCall) -> bool:
    state.commands[_call_key(call)] = list(call.params.get("commands", []))
    return True


async def get_my_commands(state: BotApiState, call: ApiCall) -> list[Json]:
    return state.commands.get(_call_key(call), [])


async def delete_my_commands(state: BotApiState, call: ApiCall) -> bool:
    state.commands.pop(_call_key(call), None)
    return True


async def answer_callback_query(state: BotApiState, call: ApiCall) -> bool:
    # Each query can be answered once, as with Telegram.
    if call.params.get("callback_query_id") not in state.callback_query_ids:
        raise ApiError(400, INVALID_QUERY)
    state.callback_query_ids.discard(call.params["callback_query_id"])
    return True


# Telegram's limits (Bot API: setMyDescription, setMyShortDescription, answerInlineQuery).
DESCRIPTION_LIMIT = 512
SHORT_DESCRIPTION_LIMIT = 120
INLINE_RESULTS_LIMIT = 50
INLINE_CACHE_LIMIT = 24 * 3600 * 365  # no stated bound; a sanity check only


async def set_my_description(state: BotApiState, call: ApiCall) -> bool:
    state.descriptions[call.params.get("language_code") or ""] = _text(
        call, "description", DESCRIPTION_LIMIT
    )
    return True


async def set_my_short_description(state: BotApiState, call: ApiCall) -> bool:
    state.short_descriptions[call.params.get("language_code") or ""] = _text(
        call, "short_description", SHORT_DESCRIPTION_LIMIT
    )
    return True


def _text(call: ApiCall, name: str, limit: int) -> str:
    text = str(call.params.get(name) or "")
    if len(text) > limit:
        raise ApiError(400, f"Bad Request: {name} is too long")
    return text


async def answer_inline_query(state: BotApiState, call: ApiCall) -> bool:
    """Each query can be answered once; results as Telegram checks them (ids unique, at most
    50, each article with a title and its message content)."""
    params = call.params
    query_id = str(params.get("inline_query_id"))
    if query_id not in state.inline_query_ids:
        raise ApiError(400, INVALID_QUERY)
    results = list(params.get("results") or [])
    ids = [result.get("id") for result in results]
    if len(results) > INLINE_RESULTS_LIMIT or len(set(ids)) != len(ids):
        raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH or RESULT_ID_DUPLICATE")
    for result in results:
        content = result.get("input_message_content") or {}
        if not result.get("title") or not content.get("message_text"):
            raise ApiError(400, "Bad Request: RESULT_INVALID")
    state.inline_query_ids.discard(query_id)
    state.inline_answers.append({**params, "inline_query_id": query_id})
    return True


async def get_chat(state: BotApiState, call: ApiCall) -> Json:
    # getChat answers a ChatFullInfo, whose extra fields PTB requires.
    return {
        **state.chats.chat(call.params.get("chat_id", "")),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": dict.fromkeys(GIFT_TYPES, False),
    }


async def get_file(state: BotApiState, call: ApiCall) -> Json:
    stored = state.files.get(str(call.params.get("file_id", "")))
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.content),
        "file_path": stored.file_path,
    }


async def accept(state: BotApiState, call: ApiCall) -> bool:
    return True


METHODS: dict[str, Method] = {
    **messaging.METHODS,
    "getme": get_me,
    "getupdates": get_updates,
    "setwebhook": set_webhook,
    "deletewebhook": delete_webhook,
    "getwebhookinfo": get_webhook_info,
    "setmycommands": set_my_commands,
    "getmycommands": get_my_commands,
    "deletemycommands": delete_my_commands,
    "answercallbackquery": answer_callback_query,
    "getchat": get_chat,
    "getchatmember": members.get_chat_member,
    "getfile": get_file,
    "setmydescription": set_my_description,
    "setmyshortdescription": set_my_short_description,
    "answerinlinequery": answer_inline_query,
    # Calls whose only effect a test could check is that they were made (see api.requests).
    **dict.fromkeys(
        ("sendchataction", "close", "logout"),
        accept,
    ),
    **dict.fromkeys(("setchatmenubutton", "pinchatmessage", "unpinchatmessage"), accept),
}
