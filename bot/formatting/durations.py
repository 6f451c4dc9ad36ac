"""Lengths of time in words, exact to the minute: "1 day 3 hours", "через 40 минут".

Babel's `format_timedelta` rounds to one unit (55 minutes become "1 hour"), which would make a
reminder say what is not true; each unit is formatted exactly with `format_unit` instead.
"""

from __future__ import annotations

from babel.units import format_unit

from bot.formatting.dates import locale_for

UNITS = (("duration-day", 1440), ("duration-hour", 60), ("duration-minute", 1))


def duration_text(minutes: int, language: str) -> str:
    """'1 day 3 hours 30 minutes' / '1 день 3 часа 30 минут'; '0 minutes' for nothing."""
    parts = []
    for unit, size in UNITS:
        count, minutes = divmod(minutes, size)
        if count:
            parts.append(format_unit(count, unit, locale=locale_for(language)))
    return " ".join(parts) or format_unit(0, "duration-minute", locale=locale_for(language))
