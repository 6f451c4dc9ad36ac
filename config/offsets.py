"""Reminder offsets as people type them, in the setting BOT_REMINDER_OFFSETS and after /remind.

`1d 3h 30m` is three offsets (a day, three hours and half an hour before a meeting); units glued
together make one (`1h30m` is ninety minutes). Units in English or Russian: `d`/`д`/`day`/`дня`,
`h`/`ч`/`hour`/`часа`, `m`/`м`/`min`/`минут`. Written here, not taken from a library: the
duration parsers on PyPI (pytimeparse and its forks) read neither Russian units nor lists.
"""

from __future__ import annotations

import re

MINUTES_PER_UNIT = {"d": 1440, "h": 60, "m": 1}
# Every spelling of a unit, longest first so that "min" is not read as "m" + "in".
_SPELLINGS = {
    "d": "days day dn d дней дня день дн д сут",
    "h": "hours hour hrs hr h часов часа час ч",
    "m": "minutes minute mins min m минуты минута минут мин м",
}
UNIT_OF = {word: unit for unit, words in _SPELLINGS.items() for word in words.split()}
_UNIT = "|".join(sorted(map(re.escape, UNIT_OF), key=len, reverse=True))
_PART = rf"([0-9]{{1,6}})\s?({_UNIT})\.?"
_OFFSET = re.compile(rf"(?:{_PART})+(?![\w])", re.IGNORECASE | re.ASCII)
_PARTS = re.compile(_PART, re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;]+")

MIN_MINUTES = 1
MAX_MINUTES = 30 * 1440
MAX_OFFSETS = 5


class OffsetError(ValueError):
    """Why the offsets cannot be used: `code` is one of "empty", "unreadable", "too_small",
    "too_large", "too_many"; `value` is the part that was wrong, if one was."""

    def __init__(self, code: str, value: str = "") -> None:
        super().__init__(f"{code}: {value}" if value else code)
        self.code = code
        self.value = value


def parse_offsets(text: str) -> tuple[int, ...]:
    """Minutes before a meeting, each from 1 to 30 days, duplicates removed, largest first."""
    text = text.casefold()
    minutes: set[int] = set()
    position = _skip_separators(text, 0)
    if position == len(text):
        raise OffsetError("empty")
    while position < len(text):
        match = _OFFSET.match(text, position)
        if match is None:
            raise OffsetError("unreadable", _word_at(text, position))
        minutes.add(_checked(_minutes(match.group(0)), match.group(0)))
        position = _skip_separators(text, match.end())
    if len(minutes) > MAX_OFFSETS:
        raise OffsetError("too_many", str(len(minutes)))
    return tuple(sorted(minutes, reverse=True))


def offsets_text(minutes: tuple[int, ...]) -> str:
    """The stored form: "1440,60"."""
    return ",".join(str(m) for m in minutes)


def offsets_from_text(stored: str) -> tuple[int, ...]:
    return tuple(int(part) for part in stored.split(",") if part)


def _minutes(offset: str) -> int:
    return sum(int(n) * MINUTES_PER_UNIT[UNIT_OF[unit]] for n, unit in _PARTS.findall(offset))


def _checked(minutes: int, typed: str) -> int:
    if minutes < MIN_MINUTES:
        raise OffsetError("too_small", typed)
    if minutes > MAX_MINUTES:
        raise OffsetError("too_large", typed)
    return minutes


def _skip_separators(text: str, position: int) -> int:
    match = _SEPARATORS.match(text, position)
    return match.end() if match else position


def _word_at(text: str, position: int) -> str:
    return text[position:].split()[0][:30] if text[position:].split() else text[position:]
