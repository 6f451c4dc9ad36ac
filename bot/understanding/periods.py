"""Periods relative to today: "this month", "last year", "the past 12 months", «на прошлой
неделе», «в этом году». The words are read here; the clock turns them into dates later."""

from __future__ import annotations

import re

from bot.understanding.model import Period

_UNITS = {
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year",
    "years": "year", "недел": "week", "месяц": "month", "год": "year", "лет": "year",
}  # fmt: skip
_UNIT = r"(?P<unit>weeks?|months?|years?|недел\w*|месяц\w*|год\w*|лет)"
_OFFSETS = (
    (re.compile(rf"\b(?:this|current) {_UNIT}\b"), 0),
    (re.compile(rf"\b(?:last|previous|past) {_UNIT}\b"), -1),
    (re.compile(rf"\b(?:next|coming) {_UNIT}\b"), 1),
    (re.compile(rf"\b(?:эт\w+|текущ\w+) {_UNIT}"), 0),
    (re.compile(rf"\b(?:прошл\w+|предыдущ\w+) {_UNIT}"), -1),
    (re.compile(rf"\b(?:следующ\w+|будущ\w+) {_UNIT}"), 1),
)
# "the past 12 months", "over the last two years", «за последние 12 месяцев».
_ROLLING = re.compile(
    rf"\b(?:past|last|previous|последние|прошедшие) (?P<count>\d{{1,3}}|two|three|six|"
    rf"два|две|три|шесть) {_UNIT}"
)
_COUNT_WORDS = {"two": 2, "three": 3, "six": 6, "два": 2, "две": 2, "три": 3, "шесть": 6}


def _unit(word: str) -> str:
    return next(unit for stem, unit in _UNITS.items() if word.startswith(stem))


def find_period(clean: str) -> tuple[Period | None, str]:
    """The period the text names, and the text without its words (so they are not reread)."""
    rolling = _ROLLING.search(clean)
    if rolling:
        count = rolling.group("count")
        number = int(count) if count.isdigit() else _COUNT_WORDS[count]
        period = Period(_unit(rolling.group("unit")), -number, number, rolling=True)  # type: ignore[arg-type]
        return period, clean[: rolling.start()] + clean[rolling.end() :]
    for pattern, offset in _OFFSETS:
        match = pattern.search(clean)
        if match:
            period = Period(_unit(match.group("unit")), offset)  # type: ignore[arg-type]
            return period, clean[: match.start()] + clean[match.end() :]
    return None, clean
