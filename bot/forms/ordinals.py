"""A meeting's number in its series, as typed: `7`, `7th`, `No. 7`, `7-я`, `seventh`, `седьмая`.

The words are the ones questions are read with (bot.understanding.ordinals), so a form and a
question accept the same ordinals.
"""

from __future__ import annotations

import re

from bot.understanding.ordinals import word_ordinal

_DIGITS = re.compile(
    r"^(?:no\.?|№|#)?\s*(?P<n>[0-9]{1,4})(?:-?(?:st|nd|rd|th|[а-я]{1,3}))?\.?$", re.ASCII
)


def parse_ordinal(text: str) -> int | None:
    """A positive number, or None when the text is not one."""
    folded = text.strip().casefold().replace("ё", "е")
    match = _DIGITS.match(folded)
    if match is not None:
        number = int(match["n"])
        return number if number > 0 else None
    return word_ordinal(folded)
