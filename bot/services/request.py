"""A message or command as a use case sees it, once the front end has been read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.texts import Language


@dataclass(frozen=True)
class Request:
    # The text after the command, or the whole question.
    args: str
    language: Language
    now: datetime
    user_id: int | None = None
    user_name: str | None = None
    chat_id: int | None = None
