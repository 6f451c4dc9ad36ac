"""Dates as admins type them, in the venue's local time: ISO, Russian numeric, or written out.

`2026-12-10 10:00`, `10.12.2026 10:00`, `10 December 2026 10:00`, `December 10, 2026 10:00`,
`10 декабря 2026 г. в 10:00`; a leading weekday (as the bot's own cards print it) is skipped.
Month and weekday names come from Babel, so every form the locale knows is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Literal
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names

# en_GB adds "Sept", the abbreviation UN documents use.
_LOCALES = ("en", "en_GB", "ru")
_WIDTHS: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated")
_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")

_SPLIT = re.compile(r"^(?P<day>.*?)(?:,?\s+(?:at\s+|в\s+)?(?P<clock>[0-9]{1,2}:[0-9]{2}))?$")
_CLOCK = re.compile(r"^(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})$")
_ISO = re.compile(r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})$")
_DOTTED = re.compile(r"^(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?P<y>[0-9]{4})(?:\s*г\.?)?$")
_DAY_FIRST = re.compile(
    r"^(?P<d>[0-9]{1,2})\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<y>[0-9]{4})(?:\s*(?:г\.?|года))?$"
)
_MONTH_FIRST = re.compile(r"^(?P<month>[^\W\d_]+)\.?\s+(?P<d>[0-9]{1,2}),?\s+(?P<y>[0-9]{4})$")
# Years a meeting may be in: every zone can show them and every database store them. Outside,
# a local time may not exist in UTC at all (9999-12-31 22:00 in New York is in the year 10000).
FIRST_YEAR, LAST_YEAR = 1900, 2200


@dataclass(frozen=True)
class LocalWhen:
    """A wall-clock moment at the venue; `clock` is None when only the day is known."""

    day: date
    clock: time | None

    def in_zone(self, zone: str) -> datetime:
        """The aware UTC instant; a day without a time stands for its local midnight."""
        local = datetime.combine(self.day, self.clock or time(0, 0), ZoneInfo(zone))
        return local.astimezone(UTC)

    def within_years(self) -> bool:
        return within_years(self.day)

    def text(self) -> str:
        """The form's own notation, to quote back in an error."""
        day = self.day.isoformat()
        return f"{day} {self.clock:%H:%M}" if self.clock else day


def within_years(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def parse_when(text: str) -> LocalWhen | None:
    cleaned = _strip_weekday(" ".join(text.casefold().replace("ё", "е").split()))
    parts = _SPLIT.match(re.sub(r"(\d)t(\d)", r"\1 \2", cleaned))
    if parts is None:
        return None
    day = _parse_day(parts["day"])
    clock = parse_clock(parts["clock"]) if parts["clock"] else None
    if day is None or (parts["clock"] and clock is None):
        return None
    return LocalWhen(day, clock)


def parse_clock(text: str) -> time | None:
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _parse_day(text: str) -> date | None:
    for pattern in (_ISO, _DOTTED, _DAY_FIRST, _MONTH_FIRST):
        match = pattern.match(text)
        if match is not None:
            return _make_day(match)
    return None


def _make_day(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = month_number(groups["month"]) if "month" in groups else int(groups["m"])
    if month is None:
        return None
    try:
        return date(int(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    return _months().get(name.casefold().rstrip("."))


def _strip_weekday(text: str) -> str:
    head, separator, rest = text.partition(",")
    return rest.strip() if separator and head.rstrip(".") in _weekdays() else text


@cache
def _months() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in _LOCALES:
        for width in _WIDTHS:
            for context in _CONTEXTS:
                for number, name in get_month_names(width, context, locale).items():
                    names[name.casefold().replace("ё", "е").rstrip(".")] = number
    return names


@cache
def _weekdays() -> frozenset[str]:
    return frozenset(
        name.casefold().rstrip(".")
        for locale in _LOCALES
        for width in _WIDTHS
        for context in _CONTEXTS
        for name in get_day_names(width, context, locale).values()
    )
