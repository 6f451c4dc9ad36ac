"""What a channel post says, in the channel's language or in English and Russian together.

A meeting's first post in a channel is its card (a cancelled meeting marked so), edited to the
meeting's current state whenever it changes; each change is a short reply to it that names what
changed (bot.services.reminders.messages.notice_lines). No buttons and no /commands: a channel's
readers cannot press or send them there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.formatting.cards import meeting_card
from bot.services.channels.posts import post_languages
from bot.services.reminders.messages import notice_lines
from bot.texts import Html, join, t
from storage.models import Meeting

# The agenda in a card is cut to this, so that a post in two languages fits one message.
SUMMARY_LIMIT = 700
# Between the languages of one post.
LANGUAGE_BREAK = "\n\n— — —\n\n"


def card(meeting: Meeting, setting: str | None, now: datetime, deleted: bool = False) -> Html:
    """The original post: the meeting as it is now (a deleted one marked so)."""

    def one(language: str) -> Html:
        shown = meeting_card(meeting, language, now, summary_limit=SUMMARY_LIMIT)
        return join([t(language, "card.deleted"), shown]) if deleted else shown

    return _in_each(setting, one)


def change_note(
    kind: str, meeting: Meeting, before: dict[str, Any] | None, setting: str | None
) -> Html | None:
    """The reply that tells of a change (None for a new meeting: its card says it all)."""
    if kind == "announced":
        return None
    return _in_each(setting, lambda language: join(
        notice_lines(kind, meeting, before, language, None)
    ))  # fmt: skip


def _in_each(setting: str | None, text: Callable[[str], Html]) -> Html:
    return join([text(language) for language in post_languages(setting)], LANGUAGE_BREAK)
