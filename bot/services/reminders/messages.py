"""What a reminder and a notice say, in the chat's language and zone, within one message.

A reminder: the title, the real time left ("starts in 40 minutes", never "in 1 hour" when it is
not), the day and time at the venue (and on the reader's clock), the place, what will be
discussed (shortened to fit), and the buttons "Add to calendar" and "Stop reminding".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.formatting.cards import place, when_text
from bot.formatting.durations import duration_text
from bot.formatting.fitting import MESSAGE_LIMIT, length, shorten
from bot.languages import reading_order
from bot.services import callbacks
from bot.services.reminders.changed import changed_lines
from bot.services.reminders.plan import minutes_left
from bot.services.reply import Button, Reply
from bot.texts import Html, join, t
from storage.models import Meeting

# However long the rest, the summary keeps at least this much of itself.
MIN_SUMMARY = 200


def reminder_reply(meeting: Meeting, language: str, zone: str | None, now: datetime) -> Reply:
    left = duration_text(minutes_left(meeting.starts_at, now), language, "before")
    head = [
        t(language, "reminder.title", title=meeting.text("title", reading_order(language))),
        t(language, "reminder.left", left=left),
        t(language, "card.day", day=when_text(meeting, language, zone)),
        _where(meeting, language),
    ]
    summary = meeting.text("summary", reading_order(language))
    text = _with_summary(head, summary, language)
    return Reply(text, buttons=_reminder_buttons(meeting, language))


def notice_reply(
    kind: str,
    meeting: Meeting,
    before: dict[str, Any] | None,
    language: str,
    zone: str | None,
) -> Reply:
    """`kind`: "moved", "cancelled", "restored" or "announced" (bot.services.reminders.notices)."""
    lines = [*notice_lines(kind, meeting, before, language, zone)]
    lines.append(t(language, "notice.link", id=meeting.id))
    return Reply(join(lines), buttons=_notice_buttons(kind, meeting, language))


def notice_lines(
    kind: str,
    meeting: Meeting,
    before: dict[str, Any] | None,
    language: str,
    zone: str | None,
) -> list[Html]:
    """What a notice of the change says: its headline, then each changed field with its old
    and new value (a move), the reason (a cancellation), or when and where (otherwise)."""
    title = meeting.text("title", reading_order(language))
    lines = [t(language, f"notice.{kind}", title=title)]
    if kind == "moved":
        lines.extend(changed_lines(before, meeting, language, zone))
    elif kind == "cancelled" and meeting.cancel_reason:
        lines.append(t(language, "notice.reason", reason=shorten(meeting.cancel_reason, 500)))
        lines.append(t(language, "notice.was_planned", when=_moment(meeting, language, zone)))
    else:
        lines.append(_moment(meeting, language, zone))
    return lines


def notice_brief(meeting: Meeting, language: str, zone: str | None) -> Html:
    """One line for a list of new meetings: the title, when and where, and its link."""
    title = meeting.text("title", reading_order(language))
    return t(language, "notice.brief", title=title, moment=_moment(meeting, language, zone),
             id=meeting.id)  # fmt: skip


def _moment(meeting: Meeting, language: str, zone: str | None) -> Html:
    return t(
        language,
        "notice.moment",
        when=when_text(meeting, language, zone),
        where=_place_and_venue(meeting, language),
    )


def _where(meeting: Meeting, language: str) -> Html:
    return t(language, "card.place", place=_place_and_venue(meeting, language))


def _place_and_venue(meeting: Meeting, language: str) -> str:
    venue = meeting.text("venue", reading_order(language))
    return f"{venue}, {place(meeting, language)}" if venue else place(meeting, language)


def _with_summary(head: list[Html], summary: str | None, language: str) -> Html:
    """The head, then as much of the summary as fits (escaping may lengthen it: measured)."""
    text = join(head)
    limit = len(summary or "")
    while summary:
        text = join([*head, t(language, "reminder.summary", summary=shorten(summary, limit))])
        overflow = length(text) - MESSAGE_LIMIT
        if overflow <= 0 or limit <= MIN_SUMMARY:
            break
        limit = max(limit - overflow - 1, MIN_SUMMARY)
    return text


def _reminder_buttons(meeting: Meeting, language: str) -> tuple[tuple[Button, ...], ...]:
    calendar = callbacks.encode(callbacks.Calendar(meeting.id))
    stop = callbacks.encode(callbacks.Stop(meeting.id))
    return (
        (
            Button(t(language, "button.calendar"), calendar),
            Button(t(language, "button.stop_reminding"), stop),
        ),
    )


def _notice_buttons(kind: str, meeting: Meeting, language: str) -> tuple[tuple[Button, ...], ...]:
    if kind == "cancelled":
        return ()
    if kind == "announced":
        # Sent to chats reminded of every meeting: the meeting's own "Stop" would not apply.
        calendar = callbacks.encode(callbacks.Calendar(meeting.id))
        return ((Button(t(language, "button.calendar"), calendar),),)
    return _reminder_buttons(meeting, language)
