"""A meeting as the reader sees it: the full card, and one line of a list."""

from __future__ import annotations

from datetime import datetime

from bot.formatting.dates import (
    format_clock,
    format_day,
    format_days,
    format_short_day,
    local_time,
)
from bot.formatting.fitting import shorten
from bot.languages import content_order
from bot.texts import Html, join, t
from storage.models import Meeting, MeetingStatus


def meeting_card(
    meeting: Meeting,
    language: str,
    now: datetime,
    *,
    summary_limit: int | None = None,
    reader_zone: str | None = None,
) -> Html:
    # A cancelled meeting says so before anything else, with its reason.
    lines = [_cancelled(meeting, language)] if meeting.status == MeetingStatus.CANCELLED else []
    lines.append(t(language, "card.title", title=meeting.text("title", *content_order(language))))
    lines.append(t(language, "card.day", day=when_text(meeting, language, reader_zone)))
    lines.append(t(language, "card.place", place=place(meeting, language)))
    lines.extend(_optional_lines(meeting, language, now, summary_limit))
    if meeting.source:
        lines.append(t(language, "card.source", source=meeting.source))
    lines.append(t(language, "card.id", id=meeting.id))
    return join(lines)


def meeting_line(meeting: Meeting, language: str, *, title_limit: int | None = None) -> Html:
    cancelled = meeting.status == MeetingStatus.CANCELLED
    title = meeting.text("title", *content_order(language)) or ""
    return t(
        language,
        "list.line",
        day=format_short_day(meeting.starts_at, meeting.time_zone, language),
        place=place(meeting, language),
        title=shorten(title, title_limit) if title_limit else title,
        cancelled=_cancelled_mark(meeting, language) if cancelled else "",
        id=meeting.id,
    )


def place(meeting: Meeting, language: str) -> str:
    city = meeting.text("city", *content_order(language)) or ""
    country = meeting.text("country", *content_order(language))
    return f"{city}, {country}" if country else city


def when_text(meeting: Meeting, language: str, reader_zone: str | None = None) -> str:
    """The day, with the hour and zone when the hour is known; with the end when there is one;
    and the reader's own time, when they set a zone whose clock differs from the venue's."""
    day = format_day(meeting.starts_at, meeting.time_zone, language)
    if not meeting.time_known:
        return _days(meeting, language) or day
    text = f"{day}, {format_clock(meeting.starts_at, meeting.time_zone, language)}"
    if meeting.ends_at is not None:
        text += " " + t(language, "card.ends", end=_end(meeting, language))
    theirs = reader_time(meeting.starts_at, meeting.time_zone, reader_zone, language)
    return f"{text} {t(language, 'card.reader_time', time=theirs)}" if theirs else text


def reader_time(
    moment: datetime, venue_zone: str, reader_zone: str | None, language: str
) -> str | None:
    """The moment on the reader's clock ('11:00 Central European Time (GMT+01:00)', with the day
    when it differs), or None when they set no zone or their clock shows the venue's time."""
    if reader_zone is None:
        return None
    venue, theirs = local_time(moment, venue_zone), local_time(moment, reader_zone)
    if venue.utcoffset() == theirs.utcoffset():
        return None
    clock = format_clock(moment, reader_zone, language)
    if venue.date() == theirs.date():
        return clock
    return f"{format_day(moment, reader_zone, language)}, {clock}"


def _days(meeting: Meeting, language: str) -> str | None:
    """The days of a meeting over several of them, when only the days are known."""
    if meeting.ends_at is None or format_short_day(
        meeting.ends_at, meeting.time_zone, language
    ) == format_short_day(meeting.starts_at, meeting.time_zone, language):
        return None
    return format_days(meeting.starts_at, meeting.ends_at, meeting.time_zone, language)


def _end(meeting: Meeting, language: str) -> str:
    assert meeting.ends_at is not None
    same_day = format_day(meeting.ends_at, meeting.time_zone, language) == format_day(
        meeting.starts_at, meeting.time_zone, language
    )
    clock = format_clock(meeting.ends_at, meeting.time_zone, language)
    if same_day:
        return clock
    return f"{format_day(meeting.ends_at, meeting.time_zone, language)}, {clock}"


def _cancelled(meeting: Meeting, language: str) -> Html:
    reason = meeting.cancel_reason
    suffix = t(language, "card.cancel_reason", reason=reason) if reason else ""
    return t(language, "card.cancelled", reason=suffix)


def _cancelled_mark(meeting: Meeting, language: str) -> Html:
    reason = meeting.cancel_reason
    suffix = t(language, "card.cancel_reason", reason=reason) if reason else ""
    return t(language, "list.cancelled", reason=suffix)


def _optional_lines(
    meeting: Meeting, language: str, now: datetime, summary_limit: int | None
) -> list[Html]:
    lines = []
    if venue := meeting.text("venue", *content_order(language)):
        lines.append(t(language, "card.venue", venue=venue))
    if organizer := meeting.text("organizer", *content_order(language)):
        lines.append(t(language, "card.organizer", organizer=organizer))
    if supporters := meeting.text("supporters", *content_order(language)):
        lines.append(t(language, "card.supporters", supporters=supporters))
    if summary := meeting.text("summary", *content_order(language)):
        summary = shorten(summary, summary_limit) if summary_limit is not None else summary
        key = "card.agenda_past" if meeting.starts_at < now else "card.agenda_future"
        lines.append(t(language, key, summary=summary))
    return lines
