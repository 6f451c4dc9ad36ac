"""Dates, months and years written the ways people write them in English and Russian."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_EN_MONTHS = (
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?",
    "july?", "aug(?:ust)?", "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?",
    "dec(?:ember)?",
)  # fmt: skip
# Alone, an English month counts only by its full name, and never the verbs "may" and "march".
_EN_FULL_MONTHS = (
    "january", "february", "", "april", "", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_RU_MONTHS = (
    "январ[ьяе]", "феврал[ьяе]", "марта?е?", "апрел[ьяе]", "ма[йяе]", "июн[ьяе]",
    "июл[ьяе]", "августа?е?", "сентябр[ьяе]", "октябр[ьяе]", "ноябр[ьяе]", "декабр[ьяе]",
)  # fmt: skip


def _months(english: tuple[str, ...]) -> str:
    return "|".join(
        f"(?P<m{n}>{'|'.join(filter(None, names))})"
        for n, names in enumerate(zip(english, _RU_MONTHS, strict=True), start=1)
    )


_MONTH = _months(_EN_MONTHS)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_OF = r"(?:\s+of)?\s+"
_SEP = r"[\s,]+"
_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b{_YEAR}-(?P<month>\d\d?)-(?P<day>\d\d?)\b",
        rf"\b(?P<day>\d\d?)[./](?P<month>\d\d?)[./]{_YEAR}\b",
        rf"\b{_DAY}{_OF}(?:{_MONTH})\.?(?:{_SEP}{_YEAR})?\b",
        rf"\b(?:{_MONTH})\.?\s+{_DAY}(?:{_SEP}{_YEAR})?\b",
        rf"\b(?:{_MONTH})\.?{_SEP}{_YEAR}\b",
        rf"\b(?:{_months(_EN_FULL_MONTHS)})\b",
    )
)
_LONE_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class DateParts:
    day: datetime.date | None = None
    year: int | None = None
    month: int | None = None
    day_of_month: int | None = None


def _month(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("month"):
        return int(groups["month"])
    return next(
        (int(name[1:]) for name, value in groups.items() if name[0] == "m" and value), None
    )


def _parts(match: re.Match[str]) -> DateParts | None:
    groups = match.groupdict()
    month = _month(match)
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if month is None or not 1 <= month <= 12:
        return None
    try:
        full = datetime.date(year, month, day) if year and day else None
    except ValueError:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return DateParts(full, year, month, day)


def find_date(clean: str) -> tuple[DateParts, str]:
    """The first date in the text, and the text without it so its numbers are not reused."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(clean):
            parts = _parts(match)
            if parts is not None:
                rest = clean[: match.start()] + " " + clean[match.end() :]
                return parts, rest
    return DateParts(), clean


def find_year(clean: str) -> int | None:
    match = _LONE_YEAR.search(clean)
    return int(match.group()) if match else None
