"""Which meeting in the series: "sixth", "6th", "6-я", "шестой", "VI", "meeting No. 6"."""

from __future__ import annotations

import re
from functools import cache

from bot.understanding.morphology import lemmas
from bot.understanding.normalize import is_cyrillic, words

EN_WORDS = words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
# Frequent misspellings; "forth" for "fourth" above all.
_EN_TYPOS = {"forth": 4, "fouth": 4, "fith": 5, "fifht": 5, "fivth": 5, "sixt": 6, "nineth": 9}
# Dictionary forms only: pymorphy3 reads every case and gender ("шестой", "6-й раунд", "восьмую").
RU_WORDS = words(
    "первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый "
    "одиннадцатый двенадцатый тринадцатый четырнадцатый пятнадцатый шестнадцатый "
    "семнадцатый восемнадцатый девятнадцатый двадцатый"
)
_TENS = {"twenty": 20, "двадцать": 20, "thirty": 30, "тридцать": 30}
_DIGIT_SUFFIX = re.compile(
    r"(?<![\d.,/:])(\d{1,2})-?(?:st|nd|rd|th|ая|ой|ий|ый|ого|его|го|ую|ом|ем|ое|ее|я|й|ю|м|е)\b"
)
_NUMBERED = re.compile(
    r"(?:[#№]|\bno\.?|\bnumber|\bномер|\bmeeting|\bвстреч[аиеу])\s*(?:no\.?\s*|№\s*)?(\d{1,2})\b(?!\s*[.:/])"
)
_ROMAN = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN_PATTERN = re.compile(r"\b(XI{0,3}|IX|IV|VI{0,3}|I{2,3})\b")
_LONE_ROMAN = re.compile(r"\b([VX])\s+(?:annual\s+)?(?:meeting|встреч)", re.IGNORECASE)


@cache
def _word_values() -> dict[str, int]:
    values = {word: number for number, word in enumerate(EN_WORDS, start=1)}
    return values | _EN_TYPOS


@cache
def _ru_values() -> dict[str, int]:
    return {word: number for number, word in enumerate(RU_WORDS, start=1)}


def _russian(word: str) -> int | None:
    if not is_cyrillic(word):
        return None
    return next((_ru_values()[lemma] for lemma in lemmas(word) if lemma in _ru_values()), None)


def word_ordinal(word: str) -> int | None:
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in _TENS:
        unit = word_ordinal(parts[1])
        return _TENS[parts[0]] + unit if unit and unit < 10 else None
    return _word_values().get(word) or _russian(word)


def _from_words(tokens: list[str]) -> int | None:
    for index, word in enumerate(tokens):
        number = word_ordinal(word)
        if number is None:
            continue
        previous = tokens[index - 1] if index else ""
        return _TENS[previous] + number if previous in _TENS and number < 10 else number
    return None


def _roman(original: str) -> int | None:
    lone = _LONE_ROMAN.search(original)
    if lone:
        return _ROMAN[lone.group(1).upper()]
    match = _ROMAN_PATTERN.search(original)
    return _ROMAN.get(match.group(1)) if match else None


def find_ordinal(clean: str, tokens: list[str], original: str) -> int | None:
    """The first ordinal in the message; `clean` must already be free of dates."""
    for pattern in (_DIGIT_SUFFIX, _NUMBERED):
        match = pattern.search(clean)
        if match and int(match.group(1)) > 0:
            return int(match.group(1))
    return _from_words(tokens) or _roman(original)
