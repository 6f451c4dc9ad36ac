"""Dates and times for the reader: their language, the venue's local time, the zone named.

Nothing here raises on a stored value: a moment the venue's zone cannot express (a row at
9999-12-31 23:00 UTC is in the year 10000 at Almaty) or a zone this host does not know is shown
in UTC, which is what it is stored as, and says so.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date, format_time, get_timezone_gmt, get_timezone_name

from bot.languages import interface

# Zones that are an offset, not a place (`Etc/GMT-5` is UTC+5: POSIX signs are inverted).
OFFSET_ZONES = ("Etc/", "UTC", "GMT", "UCT", "Universal", "Zulu", "Greenwich")


def locale_for(language: str) -> str:
    return interface(language).locale


@cache
def _locale(language: str) -> Locale:
    # Parsed once: Babel parses a locale given by name on every call, a tenth of a card's cost.
    return Locale.parse(locale_for(language))


def local_time(moment: datetime, zone: str) -> datetime:
    """`moment` at the venue; in UTC when the zone is unknown or cannot reach that year."""
    try:
        return moment.astimezone(ZoneInfo(zone))
    except (OverflowError, ValueError, ZoneInfoNotFoundError):
        return moment.astimezone(UTC)


def format_day(moment: datetime, zone: str, language: str) -> str:
    """'Friday, 27 November 2015' / 'пятница, 27 ноября 2015 г.' in the venue's zone."""
    return format_date(local_time(moment, zone).date(), "full", locale=_locale(language))


def format_clock(moment: datetime, zone: str, language: str) -> str:
    """'10:00 Tajikistan Time (GMT+05:00)', or '10:00 UTC+5' where the zone is only an offset."""
    local = local_time(moment, zone)
    locale = _locale(language)
    clock = format_time(local, "short", locale=locale)
    key = getattr(local.tzinfo, "key", "UTC")
    if local.tzinfo is UTC or key.startswith(OFFSET_ZONES):
        return f"{clock} {utc_offset(local.utcoffset())}"
    name = get_timezone_name(local, "long", locale=locale)
    return f"{clock} {name} ({get_timezone_gmt(local, locale=locale)})"


def utc_offset(offset: timedelta | None) -> str:
    """'UTC', 'UTC+5', 'UTC-3:30': how a zone that is only an offset is named."""
    minutes = int((offset or timedelta()).total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_short_day(moment: datetime, zone: str, language: str) -> str:
    """'27 November 2015' for lists."""
    return format_date(local_time(moment, zone).date(), "long", locale=_locale(language))


def format_days(start: datetime, end: datetime, zone: str, language: str) -> str:
    """'4–5 March 2027', '30 March – 2 April 2027': the days of a meeting without hours."""
    first, last = local_time(start, zone).date(), local_time(end, zone).date()
    locale = _locale(language)
    whole = format_date(last, "long", locale=locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{whole}"
    pattern = "d MMMM" if first.year == last.year else "long"
    return f"{format_date(first, pattern, locale=locale)} – {whole}"


def weekday_name(day: int, language: str) -> str:
    """A weekday by number (0 Monday) in the reader's language, as a name standing alone."""
    return str(_locale(language).days["stand-alone"]["wide"][day])
