"""Which meetings a filter matches, read the way questions and /search read them: a country
by its code or named in the title or summary, a city by its stored English name, a series by
its key, a kind of meeting by the words titles hold, topic words by the first letters every
form of each word shares.

The matches are stored (storage.repositories.filters) so that who follows a meeting is one
query: for every meeting to come when a filter is made, and for a meeting whenever it is
added or changed (the change hook `match_filters`), so meetings added later match too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.places import CITIES, country_by_code
from bot.services.meeting_writes.changes import MeetingChange
from bot.services.meetings.terms import pattern_word
from bot.understanding.kinds import kind_named
from storage.models import Meeting, SubscriptionFilter
from storage.repositories import filters, meetings

_TOKEN = re.compile(r"[^\W_]+")
_CITY_COUNTRY = {city.name_en: city.country for city in CITIES}
_WORDED = ("title", "summary")
_PLACES = ("city_en", "city_ru", "country_en", "country_ru")
# Meetings to come are matched when a filter is made; more than this many is no real schedule.
UPCOMING_LIMIT = 10_000


def _words(meeting: Meeting, subject_only: bool) -> set[str]:
    texts = [meeting.text_in(field, code) for field in _WORDED for code in ("en", "ru")]
    for fields in (meeting.translations or {}).values():
        texts += [fields.get(field) for field in _WORDED]
    if not subject_only:
        texts += [getattr(meeting, column) for column in _PLACES]
    found: set[str] = set()
    for text in filter(None, texts):
        found.update(_TOKEN.findall(text.casefold().replace("ё", "е")))
    return found


def titled(meeting: Meeting, stems: Iterable[str]) -> bool:
    """Every stem begins a word of the meeting's title, in English or Russian."""
    titles = " ".join(filter(None, (meeting.title_en, meeting.title_ru)))
    return _holds(set(_TOKEN.findall(titles.casefold().replace("ё", "е"))), stems)


def _holds(words: set[str], stems: Iterable[str]) -> bool:
    return all(any(word.startswith(stem) for word in words) for stem in stems)


def _in_country(meeting: Meeting, code: str) -> bool:
    if (meeting.country_code or _CITY_COUNTRY.get(meeting.city_en)) == code:
        return True
    country = country_by_code(code)
    if country is None:
        return False
    words = _words(meeting, subject_only=True)
    names = (country.name_en.casefold(), pattern_word(country.name_ru).casefold())
    return any(_holds(words, [name]) for name in names)


def matches(kind: str, value: str, meeting: Meeting) -> bool:
    """Whether a filter (its kind and stored value) matches the meeting."""
    if kind == "country":
        return _in_country(meeting, value)
    if kind == "city":
        return meeting.city_en == value
    if kind == "series":
        return meeting.series == value
    if kind == "kind":
        titles = " ".join(filter(None, (meeting.title_en, meeting.title_ru))).casefold()
        return any(piece in titles for piece in kind_named(value).in_titles)
    return _holds(_words(meeting, subject_only=False), value.split())


async def match_new_filter(session: AsyncSession, made: SubscriptionFilter, now: datetime) -> int:
    """Stores the meetings to come that a new filter matches; how many."""
    assert made.id is not None
    coming = await meetings.upcoming(session, now, limit=UPCOMING_LIMIT)
    found = [m.id for m in coming if matches(made.kind, made.value, m)]
    await filters.add_filter_matches(session, made.id, found)
    return len(found)


async def match_filters(session: AsyncSession, changes: Sequence[MeetingChange]) -> None:
    """The change hook, before the notices: which filters match each changed meeting now (the
    filters read once, the matches written at once)."""
    changed = {c.meeting.id: c.meeting for c in changes if c.meeting is not None}
    if not changed:
        return
    held = await filters.every_filter(session)
    found = {
        meeting_id: {f.id for f in held if matches(f.kind, f.value, meeting)}
        for meeting_id, meeting in changed.items()
    }
    await filters.set_matches(session, found)
