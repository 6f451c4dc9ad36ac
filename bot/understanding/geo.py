"""Cities and countries in a message, in any spelling, Russian case or with a typo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from bot.places import CITIES, COUNTRIES, fold
from bot.understanding.morphology import place_lemmas
from bot.understanding.normalize import is_cyrillic, ru_stem
from bot.understanding.spelling import is_vocabulary

# Adjectives and spellings people type that the gazetteer does not list (yet).
_EXTRA_COUNTRY_NAMES = {
    "KZ": ("Kazakhstani", "Kazak", "Казахстанский", "Казах"),
    "KG": ("Kyrgyzstani", "Kirghiz", "Kirgiz", "Kyrgystan", "Киргизстан", "Киргизский"),
    "TJ": ("Tajikistani", "Tadjik", "Tadzhik", "Tadzhikistan", "Таджикистанский", "Таджик"),
    "TM": ("Turkmenistani", "Туркменский", "Туркмен", "Туркменистанский"),
    "UZ": ("Uzbekistani", "Ozbekiston", "Узбекистанский", "Узбек"),
    "AF": ("Afghani", "Афган"),
}
_EXTRA_CITY_NAMES = {
    "Ashgabat": ("Ashhabad", "Asgabat", "Aşgabat", "Ashgabad City"),
    "Almaty": ("Alma Ata", "Almaata", "Алмааты"),
    "Dushanbe": ("Душамбе",),
}
# English words that are also place names count only when written with a capital letter.
_CAPITALISED_ONLY = frozenset({"mary", "oral", "turkey"})
_STEM_MIN = 4
_FUZZY_MIN = 5
# Typos are forgiven only for the region's own places: "Genevieve" must not become Geneva.
_FUZZY_COUNTRIES = frozenset({"KZ", "KG", "TJ", "TM", "UZ", "AF"})
_CITY_COUNTRY = {city.name_en: city.country for city in CITIES}


@dataclass(frozen=True)
class PlaceMention:
    kind: str  # "city" or "country"
    value: str  # City.name_en or Country.code
    position: int  # index of the first token


def _names() -> list[tuple[str, str, str]]:
    names = [("country", c.code, n) for c in COUNTRIES for n in (c.name_en, c.name_ru, *c.aliases)]
    names += [("country", code, n) for code, extra in _EXTRA_COUNTRY_NAMES.items() for n in extra]
    names += [("city", c.name_en, n) for c in CITIES for n in (c.name_en, c.name_ru, *c.aliases)]
    names += [("city", city, n) for city, extra in _EXTRA_CITY_NAMES.items() for n in extra]
    return names


@cache
def _exact_index() -> dict[str, tuple[str, str]]:
    return {fold(name): (kind, value) for kind, value, name in _names() if len(fold(name)) > 1}


@cache
def _stem_index() -> dict[str, tuple[str, str]]:
    """Russian names by stem, so that every grammatical case of a name finds it."""
    index: dict[str, tuple[str, str]] = {}
    for key, place in _exact_index().items():
        stem = ru_stem(key)
        if is_cyrillic(key) and len(stem) >= _STEM_MIN:
            index.setdefault(stem, place)
    return index


def _in_region(place: tuple[str, str]) -> bool:
    kind, value = place
    return (_CITY_COUNTRY[value] if kind == "city" else value) in _FUZZY_COUNTRIES


@cache
def _fuzzy_keys() -> tuple[str, ...]:
    keys = dict(_stem_index()) | {k: p for k, p in _exact_index().items() if not is_cyrillic(k)}
    return tuple(
        key for key, place in keys.items() if len(key) >= _FUZZY_MIN and _in_region(place)
    )


def _fuzzy(word: str) -> tuple[str, str] | None:
    probe = ru_stem(word) if is_cyrillic(word) else word
    cutoff = 85 if len(probe) < 6 else 80
    found = process.extractOne(
        probe, _fuzzy_keys(), scorer=fuzz.ratio, score_cutoff=cutoff, processor=None
    )
    if found is None or found[0][0] != probe[0] or abs(len(found[0]) - len(probe)) > 2:
        return None
    key = str(found[0])
    return _stem_index().get(key) or _exact_index().get(key)


def _lookup_word(word: str, original: str) -> tuple[str, str] | None:
    key = fold(word)
    if key in _CAPITALISED_ONLY:
        capitalised = re.search(rf"\b{key.capitalize()}\b", original)
        return _exact_index().get(key) if capitalised else None
    place = _exact_index().get(key)
    if place is None and is_cyrillic(key):
        place = _by_lemma(key) or _stem_index().get(ru_stem(key))
    if place is None and len(key) >= _FUZZY_MIN and key.isalpha() and not is_vocabulary(key):
        place = _fuzzy(key)
    return place


def _by_lemma(word: str) -> tuple[str, str] | None:
    """Any case of a place name ('Оше', 'Вене'); adjectives ('ашхабадской') fall to stems."""
    found = (_exact_index().get(fold(lemma)) for lemma in place_lemmas(word))
    return next((place for place in found if place is not None), None)


def _match_at(tokens: list[str], position: int, original: str) -> tuple[int, tuple[str, str]]:
    """The longest place name starting at `position`, and how many tokens it spans."""
    for size in (3, 2):
        chunk = tokens[position : position + size]
        hit = _exact_index().get(fold("".join(chunk))) if len(chunk) == size else None
        if hit is not None:
            return size, hit
    single = _lookup_word(tokens[position], original)
    return (1, single) if single else (1, ("", ""))


def find_places(tokens: list[str], original: str) -> list[PlaceMention]:
    """Places in reading order; names of two or three words ("New York") are tried first."""
    found: list[PlaceMention] = []
    position = 0
    while position < len(tokens):
        size, (kind, value) = _match_at(tokens, position, original)
        if kind:
            found.append(PlaceMention(kind, value, position))
        position += size
    return found
