"""What goes to one chat at once goes as one message: twenty "new meeting" notices of one import
are one list; a reminder and a change notice of the same meeting are one message.

Only what fits one message (4,096 characters after parsing) is joined; the rest waits for the
chat's next turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.services.reminders.send_check import Verdict
from bot.services.reply import Button, Reply
from bot.texts import Html, join, t

PARAGRAPH = "\n\n"


@dataclass(frozen=True)
class Combined:
    reply: Reply
    # The verdicts the reply holds; the others did not fit and wait for the chat's next turn.
    held: list[Verdict]
    rest: list[Verdict]


def combine(wanted: Sequence[Verdict]) -> Combined:
    """One message from the wanted verdicts of one chat (in deadline order; at least one)."""
    held = [wanted[0]]
    for verdict in wanted[1:]:
        if length(_text([*held, verdict])) > MESSAGE_LIMIT:
            break
        held.append(verdict)
    reply = held[0].reply if len(held) == 1 else None
    if reply is None:
        reply = Reply(_text(held), buttons=_buttons(held))
    return Combined(reply, held, list(wanted[len(held) :]))


def _text(verdicts: Sequence[Verdict]) -> Html:
    listed = [v for v in verdicts if v.brief is not None]
    if len(listed) < 2:
        listed = []
    parts = [v.reply.text for v in verdicts if v not in listed and v.reply is not None]
    if listed:
        language = listed[0].language
        header = t(language, "notice.announced_many", count=len(listed))
        parts.append(join([header, *(v.brief for v in listed if v.brief is not None)]))
    return join(parts, PARAGRAPH)


def _buttons(verdicts: Sequence[Verdict]) -> tuple[tuple[Button, ...], ...]:
    """The buttons of one meeting's messages (the reminder's first); none for several
    meetings, whose buttons would read alike."""
    if len({v.item.meeting_id for v in verdicts}) > 1:
        return ()
    with_buttons = [v.reply.buttons for v in verdicts if v.reply is not None and v.reply.buttons]
    return max(with_buttons, key=len, default=())
