"""Dates and times for the reader: their language, the venue's local time, the zone named."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_timezone_gmt, get_timezone_name

# British English writes "27 November 2015" and a 24-hour clock, as UN documents do.
LOCALES = {"en": "en_GB", "ru": "ru_RU"}


def locale_for(language: str) -> str:
    return LOCALES.get(language, LOCALES["en"])


def local_time(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def format_day(moment: datetime, zone: str, language: str) -> str:
    """'Friday, 27 November 2015' / 'пятница, 27 ноября 2015 г.' in the venue's zone."""
    return format_date(local_time(moment, zone).date(), "full", locale=locale_for(language))


def format_clock(moment: datetime, zone: str, language: str) -> str:
    """'10:00 Tajikistan Time (GMT+05:00)': the zone is named, and its offset then."""
    local = local_time(moment, zone)
    locale = locale_for(language)
    clock = format_time(local, "short", locale=locale)
    name = get_timezone_name(local, "long", locale=locale)
    return f"{clock} {name} ({get_timezone_gmt(local, locale=locale)})"


def format_short_day(moment: datetime, zone: str, language: str) -> str:
    """'27 November 2015' for lists."""
    return format_date(local_time(moment, zone).date(), "long", locale=locale_for(language))


def format_days(start: datetime, end: datetime, zone: str, language: str) -> str:
    """'4–5 March 2027', '30 March – 2 April 2027': the days of a meeting without hours."""
    first, last = local_time(start, zone).date(), local_time(end, zone).date()
    locale = locale_for(language)
    whole = format_date(last, "long", locale=locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{whole}"
    pattern = "d MMMM" if first.year == last.year else "long"
    return f"{format_date(first, pattern, locale=locale)} – {whole}"
