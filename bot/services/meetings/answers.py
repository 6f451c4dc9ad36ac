"""One meeting, one question: the sentence that answers it, or an honest 'I do not have that'.

A cancelled meeting says so first, with its reason; verbs follow the meeting's time (what was
discussed, what will be discussed); every answer ends with the meeting's /event_N link.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.formatting.cards import meeting_line, place, when_text
from bot.formatting.dates import format_clock, format_day
from bot.languages import content_order
from bot.texts import Html, has_text, join, t
from bot.understanding import Intent
from storage.models import Meeting, MeetingStatus

Answer = Callable[[Meeting, str, datetime], Html]


def answer_about(intent: Intent, meeting: Meeting, language: str, now: datetime) -> Html:
    return framed(meeting, language, ANSWERS.get(intent, _when)(meeting, language, now))


def framed(meeting: Meeting, language: str, body: Html) -> Html:
    """The status first (when cancelled), the answer, the /event_N link last."""
    lines = [status_line(meeting, language), body, t(language, "answer.link", id=meeting.id)]
    return join([line for line in lines if line])


def status_line(meeting: Meeting, language: str) -> Html:
    if meeting.status != MeetingStatus.CANCELLED:
        return Html("")
    reason = meeting.cancel_reason
    suffix = t(language, "answer.cancel_reason", reason=reason) if reason else ""
    return t(language, "answer.cancelled", reason=suffix)


def missing(meeting: Meeting, attribute: str, language: str, now: datetime) -> Html:
    return framed(meeting, language, bare_missing(meeting, attribute, language, now))


def attribute_text(attribute: str, language: str, past: bool | None = None) -> Html:
    """'who chaired it' or 'who will chair it', by the meeting's time; neutral without one."""
    key = f"attribute.{attribute}" if has_text(f"attribute.{attribute}") else "attribute.other"
    if past is not None and has_text(f"{key}.{_tense(past)}"):
        key = f"{key}.{_tense(past)}"
    return t(language, key)


def lines(meetings: list[Meeting], language: str) -> Html:
    return join([meeting_line(meeting, language) for meeting in meetings])


def _tense(past: bool) -> str:
    return "past" if past else "future"


def _tensed(language: str, key: str, meeting: Meeting, now: datetime, **values: object) -> Html:
    return t(language, f"{key}.{_tense(meeting.starts_at < now)}", **values)


def _basics(meeting: Meeting, language: str) -> dict[str, str]:
    return {
        "title": meeting.text("title", *content_order(language)) or "",
        "when": when_text(meeting, language),
        "place": place(meeting, language),
    }


def _when(meeting: Meeting, language: str, now: datetime) -> Html:
    return t(language, "answer.when", **_basics(meeting, language))


def _time(meeting: Meeting, language: str, now: datetime) -> Html:
    if not meeting.time_known:
        return bare_missing(meeting, "time", language, now)
    return _tensed(
        language, "answer.time", meeting, now,
        title=meeting.text("title", *content_order(language)),
        clock=format_clock(meeting.starts_at, meeting.time_zone, language),
        day=format_day(meeting.starts_at, meeting.time_zone, language),
        place=place(meeting, language),
    )  # fmt: skip


def _where(meeting: Meeting, language: str, now: datetime) -> Html:
    venue = meeting.text("venue", *content_order(language))
    suffix = t(language, "answer.venue", venue=venue) if venue else ""
    return t(language, "answer.where", venue=suffix, **_basics(meeting, language))


def _country(meeting: Meeting, language: str, now: datetime) -> Html:
    country = meeting.text("country", *content_order(language))
    if not country:
        return _where(meeting, language, now)
    basics = _basics(meeting, language)
    city = meeting.text("city", *content_order(language))
    return t(language, "answer.country", title=basics["title"], country=country, city=city,
             when=basics["when"])  # fmt: skip


def _organizer(meeting: Meeting, language: str, now: datetime) -> Html:
    organizer = meeting.text("organizer", *content_order(language))
    if not organizer:
        return bare_missing(meeting, "organizer", language, now)
    supporters = meeting.text("supporters", *content_order(language))
    if supporters:
        return _tensed(language, "answer.organizer_with_support", meeting, now,
                       organizer=organizer, supporters=supporters,
                       **_basics(meeting, language))  # fmt: skip
    return _tensed(
        language, "answer.organizer", meeting, now, organizer=organizer,
        **_basics(meeting, language),
    )  # fmt: skip


def _supporters(meeting: Meeting, language: str, now: datetime) -> Html:
    supporters = meeting.text("supporters", *content_order(language))
    if not supporters:
        return bare_missing(meeting, "supporters", language, now)
    return _tensed(
        language, "answer.supporters", meeting, now, supporters=supporters,
        **_basics(meeting, language),
    )  # fmt: skip


def _agenda(meeting: Meeting, language: str, now: datetime) -> Html:
    summary = meeting.text("summary", *content_order(language))
    if not summary:
        return bare_missing(meeting, "agenda", language, now)
    key = "answer.agenda_past" if meeting.starts_at < now else "answer.agenda_future"
    return t(language, key, summary=summary, **_basics(meeting, language))


def bare_missing(meeting: Meeting, attribute: str, language: str, now: datetime) -> Html:
    """'<title> (<when>, <place>): I do not have information about who chaired it.'"""
    return t(
        language,
        "answer.missing_attribute",
        attribute=attribute_text(attribute, language, meeting.starts_at < now),
        **_basics(meeting, language),
    )


ANSWERS: dict[Intent, Answer] = {
    Intent.WHEN: _when,
    Intent.TIME: _time,
    Intent.WHERE: _where,
    Intent.COUNTRY: _country,
    Intent.ORGANIZER: _organizer,
    Intent.SUPPORTERS: _supporters,
    Intent.AGENDA: _agenda,
}
