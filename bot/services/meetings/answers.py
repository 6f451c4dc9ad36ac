"""One meeting, one question: the sentence that answers it, or an honest 'I do not have that'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.formatting.cards import meeting_line, place, when_text
from bot.formatting.dates import format_clock, format_day
from bot.texts import Html, join, t
from bot.understanding import Intent
from storage.models import Meeting

Answer = Callable[[Meeting, str, datetime], Html]


def answer_about(intent: Intent, meeting: Meeting, language: str, now: datetime) -> Html:
    return ANSWERS.get(intent, _when)(meeting, language, now)


def missing(meeting: Meeting, attribute: str, language: str) -> Html:
    return t(
        language,
        "answer.missing_attribute",
        attribute=t(language, f"attribute.{attribute}"),
        **_basics(meeting, language),
    )


def lines(meetings: list[Meeting], language: str) -> Html:
    return join([meeting_line(meeting, language) for meeting in meetings])


def _basics(meeting: Meeting, language: str) -> dict[str, str]:
    return {
        "title": meeting.text("title", language) or "",
        "when": when_text(meeting, language),
        "place": place(meeting, language),
    }


def _when(meeting: Meeting, language: str, now: datetime) -> Html:
    return t(language, "answer.when", **_basics(meeting, language))


def _time(meeting: Meeting, language: str, now: datetime) -> Html:
    if not meeting.time_known:
        return missing(meeting, "time", language)
    return t(
        language,
        "answer.time",
        title=meeting.text("title", language),
        clock=format_clock(meeting.starts_at, meeting.time_zone, language),
        day=format_day(meeting.starts_at, meeting.time_zone, language),
        place=place(meeting, language),
    )


def _where(meeting: Meeting, language: str, now: datetime) -> Html:
    venue = meeting.text("venue", language)
    suffix = t(language, "answer.venue", venue=venue) if venue else ""
    return t(language, "answer.where", venue=suffix, **_basics(meeting, language))


def _country(meeting: Meeting, language: str, now: datetime) -> Html:
    country = meeting.text("country", language)
    if not country:
        return _where(meeting, language, now)
    basics = _basics(meeting, language)
    city = meeting.text("city", language)
    return t(language, "answer.country", title=basics["title"], country=country, city=city,
             when=basics["when"])  # fmt: skip


def _organizer(meeting: Meeting, language: str, now: datetime) -> Html:
    organizer = meeting.text("organizer", language)
    if not organizer:
        return missing(meeting, "organizer", language)
    supporters = meeting.text("supporters", language)
    if supporters:
        return t(language, "answer.organizer_with_support", organizer=organizer,
                 supporters=supporters, **_basics(meeting, language))  # fmt: skip
    return t(language, "answer.organizer", organizer=organizer, **_basics(meeting, language))


def _supporters(meeting: Meeting, language: str, now: datetime) -> Html:
    supporters = meeting.text("supporters", language)
    if not supporters:
        return missing(meeting, "supporters", language)
    return t(language, "answer.supporters", supporters=supporters, **_basics(meeting, language))


def _agenda(meeting: Meeting, language: str, now: datetime) -> Html:
    summary = meeting.text("summary", language)
    if not summary:
        return missing(meeting, "agenda", language)
    key = "answer.agenda_past" if meeting.starts_at < now else "answer.agenda_future"
    return t(language, key, summary=summary, **_basics(meeting, language))


ANSWERS: dict[Intent, Answer] = {
    Intent.WHEN: _when,
    Intent.TIME: _time,
    Intent.WHERE: _where,
    Intent.COUNTRY: _country,
    Intent.ORGANIZER: _organizer,
    Intent.SUPPORTERS: _supporters,
    Intent.AGENDA: _agenda,
}
