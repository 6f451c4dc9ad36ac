"""One meeting as a reply: its card, with the buttons that make sense for it now."""

from __future__ import annotations

from datetime import datetime

from bot.formatting.cards import meeting_card
from bot.formatting.fitting import MESSAGE_LIMIT, length
from bot.languages import content_order
from bot.services import callbacks
from bot.services.reply import Button, Reply
from bot.texts import Html, t
from storage.models import Meeting, MeetingStatus

# However long the rest of a card, its summary keeps at least this much.
MIN_SUMMARY = 200


def card_reply(
    meeting: Meeting, language: str, now: datetime, reader_zone: str | None = None
) -> Reply:
    text = card_text(meeting, language, now, reader_zone=reader_zone)
    return Reply(text, buttons=card_buttons(meeting, language, now))


def card_text(
    meeting: Meeting,
    language: str,
    now: datetime,
    reserve: int = 0,
    reader_zone: str | None = None,
) -> Html:
    """The card, its summary shortened when it and `reserve` more would not fit in a message;
    times also on the reader's clock when they chose a zone (/timezone)."""
    text = meeting_card(meeting, language, now, reader_zone=reader_zone)
    overflow = length(text) + reserve - MESSAGE_LIMIT
    if overflow <= 0:
        return text
    summary = meeting.text("summary", *content_order(language)) or ""
    limit = max(len(summary) - overflow - 1, MIN_SUMMARY)
    return meeting_card(meeting, language, now, summary_limit=limit, reader_zone=reader_zone)


def card_buttons(meeting: Meeting, language: str, now: datetime) -> tuple[tuple[Button, ...], ...]:
    """Reminders only for what is still to come; a calendar entry for any meeting that happens."""
    if meeting.status == MeetingStatus.CANCELLED:
        return ()
    buttons = []
    if meeting.starts_at >= now:
        data = callbacks.encode(callbacks.Remind(meeting.id))
        buttons.append(Button(t(language, "button.remind"), data))
    calendar = callbacks.encode(callbacks.Calendar(meeting.id))
    buttons.append(Button(t(language, "button.calendar"), calendar))
    return (tuple(buttons),)
