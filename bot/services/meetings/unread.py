"""Words of a question the answer could not use are named in the reply, never dropped silently."""

from __future__ import annotations

from bot.services.meetings.answered import Answered
from bot.texts import Html, t


def with_unread(answered: Answered, language: str) -> Html:
    """The answer's text, followed by the words it left out (when any)."""
    if not answered.unread:
        return answered.text
    words = ", ".join(f"“{word}”" for word in answered.unread)
    return Html(answered.text + t(language, "unread.note", words=words))
