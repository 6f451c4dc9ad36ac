"""A message or a button press, as every front end (Telegram, `unrcca-bot ask`) describes it:
`text` is the message, or the button's callback data."""

from __future__ import annotations

from dataclasses import dataclass

from bot.forms.cleaning import clean_optional, clean_text
from bot.texts import InterfaceLanguage


@dataclass(frozen=True)
class Person:
    """Someone a message points at: the author of the message it replies to, or of the message
    that one forwards (`/grant` as a reply names the colleague without their numeric id)."""

    # None when Telegram hides who it is (a forward from someone whose privacy settings say so).
    user_id: int | None
    name: str
    is_bot: bool = False

    def __post_init__(self) -> None:
        # A name is stored (/grant keeps it) and shown: cleaned like every text on its way in.
        object.__setattr__(self, "name", clean_text(self.name))


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
    language: InterfaceLanguage | None = None
    # In a group: whether the sender administers it, when the front end asked Telegram.
    is_chat_admin: bool | None = None
    # The text of the bot's own message this one replies to, if it replies to one.
    replied_text: str | None = None
    # Where follow-up context is kept: the chat id in Telegram; None keeps none.
    conversation_id: int | None = None
    # Whom the message points at, by a reply or a forward.
    about: Person | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "user_name", clean_optional(self.user_name))
