"""Lengths of time in words, exact to the minute: "1 day 3 hours", «1 день 3 часа 40 минут».

Babel's `format_timedelta` rounds to one unit (55 minutes become "1 hour"), which would make a
reminder say what is not true; each unit is a counted text of the catalogues instead, in the
nominative (texts put it where the nominative reads right: «До начала: 1 минута»), its form
chosen by the language's plural rule.
"""

from __future__ import annotations

from bot.texts import t

UNITS = (("duration.days", 1440), ("duration.hours", 60), ("duration.minutes", 1))


def duration_text(minutes: int, language: str) -> str:
    """'1 day 3 hours 30 minutes' / '1 день 3 часа 30 минут'; '0 minutes' for nothing."""
    parts = []
    for key, size in UNITS:
        count, minutes = divmod(minutes, size)
        if count:
            parts.append(t(language, key, count=count))
    return " ".join(parts) or t(language, "duration.minutes", count=0)
