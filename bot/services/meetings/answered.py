"""An answer before it becomes a Reply: its text and the meetings it was about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.texts import Html
from storage.models import Meeting


@dataclass(frozen=True)
class Answered:
    text: Html
    # What a follow-up ("and where?") will refer to; empty when the answer named no meeting.
    meetings: Sequence[Meeting] = ()
    # Words of the question the answer could not use; the reply names them.
    unread: tuple[str, ...] = ()
    # The meeting whose card the answer is, which then carries the card's buttons.
    card: Meeting | None = None
