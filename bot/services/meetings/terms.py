"""The words of a search, with typos and spelling variants corrected before the query.

Places are put in their stored English name: "Ashgabad", "Ашхабаде" and "ashgabt" all become
"Ashgabat", which the city column holds for every meeting. Domain words are only respelled.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz, process

from bot.places import CITIES, COUNTRIES, find_city
from bot.understanding.morphology import lemmas, stem
from bot.understanding.normalize import is_cyrillic

# Enough for any real search; more words would only make the query heavier.
MAX_WORDS = 6
MAX_WORD_LENGTH = 40
# A shorter stem ("ош" of Ош) would match inside unrelated words.
MIN_STEM = 4
WORD = re.compile(r"\w+(?:[-']\w+)*")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STOP_WORDS = frozenset(
    _words(
        "the and for with about from into meeting meetings of in on at to a an "
        "в во на о об по про для и с со из от встреча встречи встреч"
    )
)
DOMAIN_WORDS = _words("""
annual deputy ministers minister foreign affairs security stability cooperation regional
preventive diplomacy programme action water energy terrorism extremism drug trafficking border
dialogue conference seminar workshop afghanistan united nations centre
ежегодная заместителей министров иностранных безопасность стабильность сотрудничество
региональное превентивной дипломатии программа водные энергетика терроризм экстремизм
наркотиков граница диалог конференция семинар центр
""")


def search_words(text: str) -> list[str]:
    """The words to look for: stop words dropped (unless nothing else is left), corrected."""
    typed = [word[:MAX_WORD_LENGTH] for word in WORD.findall(text)[:MAX_WORDS]]
    kept = [word for word in typed if word.casefold() not in STOP_WORDS] or typed
    return [correct(word) for word in kept]


def correct(word: str) -> str:
    key = _key(word)
    terms = _terms()
    # Any case of a Russian word or place name: "Оше" is Osh, "безопасности" is "безопасность".
    lemma = (
        next((lemma for lemma in lemmas(key) if lemma in terms), None)
        if is_cyrillic(key)
        else None
    )
    if lemma is not None:
        return terms[lemma]
    if key in terms or len(key) < 4 or not key.replace("-", "").isalpha():
        return terms.get(key, word)
    cutoff = 85 if len(key) < 6 else 80
    match = process.extractOne(key, terms.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
    # Typists rarely miss the first letter; requiring it keeps unrelated words apart.
    if match is None or match[0][0] != key[0]:
        return word
    return terms[match[0]]


def _key(word: str) -> str:
    return word.casefold().replace("ё", "е")


@cache
def _terms() -> dict[str, str]:
    """Every spelling the bot knows -> the word to search for."""
    terms = {_key(word): word for word in DOMAIN_WORDS}
    for country in COUNTRIES:
        for name in (country.name_en, country.name_ru, *country.aliases):
            terms[_key(name)] = country.name_en
    for city in CITIES:
        for name in (city.name_en, city.name_ru, *city.aliases):
            terms[_key(name)] = city.name_en
    return terms


def pattern_word(word: str) -> str:
    """What the query looks for: a Russian word by the stem all its cases share, so that
    "безопасность" finds «безопасности»; place names and other words as they are."""
    if not is_cyrillic(word):
        return word
    common = stem(_key(word))
    return common if len(common) >= MIN_STEM else word


def shown(word: str, language: str) -> str:
    """A corrected word for the reader: a place in the reader's language (Ashgabat, Ашхабад)."""
    if language != "ru":
        return word
    place = find_city(word) or next((c for c in COUNTRIES if c.name_en == word), None)
    return place.name_ru if place is not None else word


def is_known(word: str) -> bool:
    """A word the vocabulary holds (as corrected words are), not one typed that it does not."""
    return _key(word) in _terms()


def closest(word: str, limit: int = 3) -> list[str]:
    """The known places and topics nearest to a word nothing matched, as the bot spells them."""
    found = process.extract(
        _key(word), _terms().keys(), scorer=fuzz.ratio, limit=limit * 4, score_cutoff=50
    )
    names: list[str] = []
    for key, _score, _index in found:
        if (name := _terms()[key]) not in names:
            names.append(name)
    return names[:limit]
