"""The meeting a question points at, assembled from its ordinal, place, date and relative words."""

from __future__ import annotations

import re

from bot.understanding.dates import find_date, find_year
from bot.understanding.geo import PlaceMention, find_places
from bot.understanding.kinds import find_kind
from bot.understanding.model import MeetingRef, Relative
from bot.understanding.normalize import words
from bot.understanding.ordinals import find_ordinal
from bot.understanding.relations import find_relation

_RELATIVE_WORDS: dict[str, Relative] = {
    "next": "next", "following": "next", "subsequent": "next",
    "upcoming": "upcoming", "coming": "upcoming", "forthcoming": "upcoming", "future": "upcoming",
    "previous": "previous", "prior": "previous", "preceding": "previous", "former": "previous",
    "earlier": "previous", "last": "last", "latest": "last", "recent": "last", "past": "past",
}  # fmt: skip
_RU_RELATIVE_STEMS: tuple[tuple[str, Relative], ...] = (
    ("следующ|ближайш|очередн", "next"),
    ("предстоящ|будущ|грядущ|планируем", "upcoming"),
    ("предыдущ|прошл|прежн|минувш", "previous"),
    ("последн|недавн", "last"),
    ("прошедш|состоявш|проведенн", "past"),
)
# Adjective endings only: "прошлая" is a relative word, the verb "прошла" is not.
_RU_RELATIVE = tuple(
    (
        re.compile(rf"^(?:{stems})(?:ая|яя|ой|ей|ую|юю|ий|ый|ое|ее|ого|его|ем|ом|ие|ые|их|ых)$"),
        kind,
    )
    for stems, kind in _RU_RELATIVE_STEMS
)
# A relative word is about a meeting only next to one ("next meeting", "meet next"):
# "last year" or "future activities" are not references to a meeting.
_ANCHOR = re.compile(
    r"^(?:meet|meetings?|events?|sessions?|one|ones|occasion|встреч\w*|заседани\w*|мероприяти\w*|раз)$"
)
_SHORT_MESSAGE = 4
# "last year", "в прошлом году": a period of time, not a meeting.
_PERIODS = [[word] for word in words("year month week году год года месяце месяц неделе")]


def _relative_kind(word: str) -> Relative | None:
    kind = _RELATIVE_WORDS.get(word)
    if kind is None:
        kind = next((kind for pattern, kind in _RU_RELATIVE if pattern.match(word)), None)
    return kind


def find_relative(tokens: list[str]) -> Relative | None:
    for index, word in enumerate(tokens):
        kind = _relative_kind(word)
        if kind is None or tokens[index + 1 : index + 2] in _PERIODS:
            continue
        near = tokens[max(index - 1, 0) : index + 4]
        if len(tokens) <= _SHORT_MESSAGE or any(_ANCHOR.match(token) for token in near):
            return kind
    return None


def _first(places: list[PlaceMention], kind: str) -> str | None:
    return next((place.value for place in places if place.kind == kind), None)


def find_meeting(
    clean: str, tokens: list[str], original: str
) -> tuple[MeetingRef, list[PlaceMention]]:
    """The reference, and the places found (a caller may treat a country as a topic)."""
    date, rest = find_date(clean)
    places = find_places(tokens, original)
    relation = find_relation(clean)
    ref = MeetingRef(
        ordinal=find_ordinal(rest, tokens, original),
        city=_first(places, "city"),
        country=_first(places, "country"),
        year=date.year or find_year(rest),
        day=date.day,
        # "The one following the fifth" is a relation, not "the following (next) meeting".
        relative=None if relation else find_relative(tokens),
        month=date.month,
        day_of_month=date.day_of_month,
        kind=find_kind(tokens),
        relation=relation,
    )
    return ref, places
