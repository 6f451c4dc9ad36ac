"""A meeting's number in its series, as typed: `7`, `7th`, `No. 7`, `7-я`, `seventh`, `седьмая`."""

from __future__ import annotations

import re

# The series counts in tens, not hundreds; words beyond twenty are typed as digits anyway.
_ENGLISH_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_RUSSIAN_WORD_STEMS = (
    "перв втор трет четверт пят шест седьм восьм девят десят одиннадцат двенадцат тринадцат "
    "четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат"
)
_ENGLISH = _ENGLISH_WORDS.split()
_RUSSIAN_STEMS = _RUSSIAN_WORD_STEMS.split()
_RUSSIAN = re.compile(rf"^({'|'.join(_RUSSIAN_STEMS)})(ый|ой|ий|ая|ья|ое|ье)$")
_DIGITS = re.compile(r"^(?:no\.?|№|#)?\s*(?P<n>\d{1,4})(?:-?(?:st|nd|rd|th|[а-я]{1,3}))?\.?$")


def parse_ordinal(text: str) -> int | None:
    """A positive number, or None when the text is not one."""
    folded = text.strip().casefold().replace("ё", "е")
    match = _DIGITS.match(folded)
    if match is not None:
        number = int(match["n"])
        return number if number > 0 else None
    if folded in _ENGLISH:
        return _ENGLISH.index(folded) + 1
    word = _RUSSIAN.match(folded)
    return _RUSSIAN_STEMS.index(word[1]) + 1 if word else None
