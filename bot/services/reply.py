"""What the bot says back, independent of Telegram: text, buttons and an optional file."""

from __future__ import annotations

from dataclasses import dataclass

from bot.texts import Html, t

NO_TEXT = Html("")


@dataclass(frozen=True)
class Button:
    label: str
    # At most 64 bytes (Telegram's limit); checked where buttons are made (bot/services/callbacks).
    data: str = ""
    # A link button instead (http, https or tg: what Telegram accepts), e.g. a share link.
    url: str | None = None


@dataclass(frozen=True)
class Attachment:
    file_name: str
    content: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True)
class MenuChange:
    """Someone became an admin (`is_admin`) or stopped being one: their command menu follows."""

    user_id: int
    is_admin: bool


@dataclass(frozen=True)
class Reply:
    text: Html
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachment: Attachment | None = None
    # A file Telegram already holds, sent again by its file id (a meeting's document).
    file_id: str | None = None
    # A reply to a button press may replace the message it was pressed on,
    edit: bool = False
    # or only its buttons (then `text` is not used).
    edit_buttons: bool = False
    # A short notice shown on the button itself (Telegram's answerCallbackQuery text).
    notice: str | None = None
    # Admin menus to set or remove once the reply is sent (bot.services.admin.menu).
    menu_changes: tuple[MenuChange, ...] = ()


def stale_button(language: str) -> Reply:
    """A press that does not decode, or that no longer applies: a notice on the button."""
    return Reply(NO_TEXT, notice=t(language, "button.stale"))


def unknown_meeting(language: str) -> Reply:
    return Reply(NO_TEXT, notice=t(language, "button.unknown_meeting"))
