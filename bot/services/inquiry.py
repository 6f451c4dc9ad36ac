"""A message or a button press, as every front end (Telegram, `unrcca-bot ask`) describes it:
`text` is the message, or the button's callback data."""

from __future__ import annotations

from dataclasses import dataclass

from bot.texts import Language


@dataclass(frozen=True)
class Person:
    """Someone a message points at: the author of the message it replies to, or of the message
    that one forwards (`/grant` as a reply names the colleague without their numeric id)."""

    # None when Telegram hides who it is (a forward from someone whose privacy settings say so).
    user_id: int | None
    name: str
    is_bot: bool = False


@dataclass(frozen=True)
class Inquiry:
    text: str
    chat_id: int | None = None
    chat_kind: str = "private"
    user_id: int | None = None
    user_name: str | None = None
    # The user's Telegram interface language (`language_code`), e.g. "ru" or "en-GB".
    telegram_language: str | None = None
    # Set by a front end that already knows the language (`ask --lang`).
    language: Language | None = None
    # In a group: whether the sender administers it, when the front end asked Telegram.
    is_chat_admin: bool | None = None
    # The text of the bot's own message this one replies to, if it replies to one.
    replied_text: str | None = None
    # Where follow-up context is kept: the chat id in Telegram; None keeps none.
    conversation_id: int | None = None
    # Whom the message points at, by a reply or a forward.
    about: Person | None = None
