"""Lengths of time in words, exact to the minute: "1 day 3 hours", «1 день 3 часа 40 минут».

Babel's `format_timedelta` rounds to one unit (55 minutes become "1 hour"), which would make a
reminder say what is not true; each unit is a counted text of the catalogues instead, its form
chosen by the language's plural rule. Two sets of texts, because Russian puts a length after
«за» and «через» in the accusative («за 1 минуту») and alone in the nominative («1 минута»):
`duration.*` for a length on its own, `before.*` for how long before or until something.
"""

from __future__ import annotations

from typing import Literal

from bot.texts import t

UNITS = (("days", 1440), ("hours", 60), ("minutes", 1))
# "duration": a length on its own; "before": how long before a meeting, or until it starts.
Use = Literal["duration", "before"]


def duration_text(minutes: int, language: str, use: Use = "duration") -> str:
    """'1 day 3 hours 30 minutes' / '1 день 3 часа 30 минут'; '0 minutes' for nothing."""
    parts = []
    for unit, size in UNITS:
        count, minutes = divmod(minutes, size)
        if count:
            parts.append(t(language, f"{use}.{unit}", count=count))
    return " ".join(parts) or t(language, f"{use}.minutes", count=0)
