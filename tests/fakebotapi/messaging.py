"""Methods that send, edit and delete messages, answering with the Message JSON PTB parses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.fakebotapi.entities import visible_units
from tests.fakebotapi.store import ApiCall, ApiError, Json, StoredFile
from tests.fakebotapi.updates import now

if TYPE_CHECKING:
    from tests.fakebotapi.state import BotApiState, Method


MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


async def send_message(state: BotApiState, call: ApiCall) -> Json:
    message = _new_message(state, call.params, text=_text(call.params))
    return state.record_sent(call, message)


async def send_document(state: BotApiState, call: ApiCall) -> Json:
    stored = _document(state, call)
    content: Json = {"document": stored.document_json()}
    if call.params.get("caption"):
        caption = str(call.params["caption"])
        if visible_units(caption, call.params.get("parse_mode")) > MAX_CAPTION_LENGTH:
            raise ApiError(400, "Bad Request: message caption is too long")
        content["caption"] = caption
    message = _new_message(state, call.params, **content)
    document = {**stored.document_json(), "content": stored.content}
    return state.record_sent(call, message, document=document)


async def edit_message_text(state: BotApiState, call: ApiCall) -> Json | bool:
    return _edit(state, call, text=_text(call.params))


async def edit_message_reply_markup(state: BotApiState, call: ApiCall) -> Json | bool:
    return _edit(state, call)


async def delete_message(state: BotApiState, call: ApiCall) -> bool:
    key = (state.chats.chat(call.params["chat_id"])["id"], call.params["message_id"])
    if state.chats.messages.pop(key, None) is None:
        raise ApiError(400, "Bad Request: message to delete not found")
    return True


def _new_message(state: BotApiState, params: Json, **content: Any) -> Json:
    chat = state.chats.chat(_required(params, "chat_id"))
    message = {
        "message_id": state.chats.next_message_id(chat["id"]),
        "date": now(),
        "chat": chat,
        "from": state.bot,
        **content,
    }
    quoted = _quoted(state, chat["id"], params)
    if quoted:
        message["reply_to_message"] = quoted
    return state.chats.store(_with_markup(message, params.get("reply_markup")))


def _quoted(state: BotApiState, chat_id: int, params: Json) -> Json | None:
    # PTB's reply_text quotes by default in groups; Telegram echoes the quoted message, one deep.
    message_id = int((params.get("reply_parameters") or {}).get("message_id", 0))
    quoted = state.chats.messages.get((chat_id, message_id))
    return {k: v for k, v in quoted.items() if k != "reply_to_message"} if quoted else None


def _edit(state: BotApiState, call: ApiCall, **changes: Any) -> Json | bool:
    if "inline_message_id" in call.params:
        return True  # Inline messages live in other chats; Telegram answers just True.
    chat_id = state.chats.chat(_required(call.params, "chat_id"))["id"]
    old = state.chats.message(chat_id, call.params["message_id"], "message to edit not found")
    # Like Telegram, an edit without reply_markup drops the inline keyboard.
    new = {key: value for key, value in old.items() if key != "reply_markup"}
    new = _with_markup({**new, **changes}, call.params.get("reply_markup"))
    if _content(new) == _content(old):
        raise ApiError(400, NOT_MODIFIED)
    new["edit_date"] = now()
    return state.record_sent(call, state.chats.store(new))


def _with_markup(message: Json, markup: Json | None) -> Json:
    # Telegram echoes only inline keyboards; PTB could not parse a reply keyboard there.
    if markup and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    return message


def _content(message: Json) -> tuple[Any, ...]:
    return message.get("text"), message.get("caption"), message.get("reply_markup")


def _document(state: BotApiState, call: ApiCall) -> StoredFile:
    value = call.params.get("document")
    part_name = value.removeprefix("attach://") if isinstance(value, str) else "document"
    upload = call.files.get(part_name)
    if upload is not None:
        return state.files.add(upload.content, upload.file_name, upload.mime_type)
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return state.files.add(b"", value.rsplit("/", 1)[-1], "application/octet-stream")
    if isinstance(value, str):
        return state.files.get(value)
    raise ApiError(400, "Bad Request: there is no document in the request")


def _text(params: Json) -> str:
    text = params.get("text")
    if not text:
        raise ApiError(400, "Bad Request: message text is empty")
    if visible_units(str(text), params.get("parse_mode")) > MAX_TEXT_LENGTH:
        raise ApiError(400, "Bad Request: message is too long")
    return str(text)


def _required(params: Json, name: str) -> Any:
    if name not in params:
        raise ApiError(400, f"Bad Request: {name} is empty")
    return params[name]


METHODS: dict[str, Method] = {
    "sendmessage": send_message,
    "senddocument": send_document,
    "editmessagetext": edit_message_text,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
}
