"""What `/subscribe <words>` asks to follow: a place (any spelling, Russian case or typo, as
questions read places), a kind of meeting («семинары», "workshops"), a series named by its
title's words ("deputy foreign ministers", «встречи замминистров»), or topic words ("water",
«безопасность»), corrected and read in any word form as /search reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.places import CITIES, country_by_code
from bot.services.meetings.terms import STOP_WORDS, closest, is_known, pattern_word, search_words
from bot.services.subscriptions.matching import titled
from bot.understanding.detection import written_in
from bot.understanding.geo import find_places
from bot.understanding.kinds import find_kind
from bot.understanding.normalize import normalize, tokenize, words
from bot.understanding.turkic import gloss
from storage.repositories import meetings

# Short forms people type for the words titles spell out.
_ABBREVIATIONS = (
    (re.compile(r"\bзамминистр\w*"), "заместителей министров"),
    (re.compile(r"\bзамглав\w*\s+мид\b|\bзам\.?\s*мид\w*"), "заместителей министров"),
    (re.compile(r"\bdeputy\s+fms?\b"), "deputy ministers foreign"),
    (re.compile(r"\bмид\w*"), "иностранных дел"),
)
# Words that only say "meetings of": not a topic of their own.
_FILLER = STOP_WORDS | frozenset(
    words(
        "all every any series annual meetings встречи встреч ежегодные все серия серию заседания"
    )
)
# A series is named when the words find at least this many meetings, all of one series, and
# in their titles ("security" is in the summaries of a series, and a topic).
_SERIES_MIN = 2
_SEARCH_LIMIT = 50
MAX_LABEL = 60


@dataclass(frozen=True)
class FilterSpec:
    kind: str  # country, city, series, kind, topic
    value: str
    label: str


@dataclass(frozen=True)
class Unknown:
    words: str
    # The nearest places and topics the bot knows.
    suggestions: tuple[str, ...]


async def read_filter(session: AsyncSession, text: str) -> FilterSpec | Unknown:
    label = " ".join(text.split())[:MAX_LABEL]
    # Kazakh and Uzbek are read through the English gloss questions are read through.
    if (written := written_in(text)) in ("kk", "uz"):
        text = gloss(text, written)
    clean = normalize(_expanded(text.casefold()))
    tokens = [token for token in tokenize(clean) if token not in _FILLER]
    if spec := _place_or_kind(tokens, text, label):
        return spec
    typed = search_words(" ".join(tokens)) if tokens else []
    if not typed:
        return Unknown(label, ())
    patterns = [pattern_word(word).casefold() for word in typed]
    found = await meetings.search(session, patterns, _SEARCH_LIMIT)
    series = {meeting.series for meeting in found}
    in_titles = all(titled(meeting, patterns) for meeting in found)
    if len(found) >= _SERIES_MIN and len(series) == 1 and None not in series and in_titles:
        return FilterSpec("series", str(series.pop()), label)
    if found or all(is_known(word) for word in typed):
        return FilterSpec("topic", " ".join(patterns), label)
    unknown = next(word for word in typed if not is_known(word))
    return Unknown(label, tuple(closest(unknown)))


def _expanded(text: str) -> str:
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text


def _place_or_kind(tokens: list[str], original: str, label: str) -> FilterSpec | None:
    """A place or a kind of meeting when that is all the words say."""
    places = find_places(tokens, original)
    if len(places) == 1 and len(tokens) <= _place_size(places[0].value, places[0].kind):
        place = places[0]
        return FilterSpec(place.kind, place.value, _place_label(place.kind, place.value, label))
    kind = find_kind(tokens)
    if kind is not None and len(tokens) <= (2 if kind == "round_table" else 1):
        return FilterSpec("kind", kind, label)
    return None


def _place_size(value: str, kind: str) -> int:
    name = value if kind == "city" else (country_by_code(value) or CITIES[0]).name_en
    return max(len(name.split()), 1)


def _place_label(kind: str, value: str, typed: str) -> str:
    if kind == "country" and (country := country_by_code(value)) is not None:
        return f"{country.name_en} / {country.name_ru}"
    city = next((c for c in CITIES if c.name_en == value), None)
    return f"{city.name_en} / {city.name_ru}" if city else typed
