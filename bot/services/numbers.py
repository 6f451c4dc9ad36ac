"""Numbers typed after commands (`/events 2`, `/grant 123`, `/audit 5`, `/event 7`), read one way.

Only ASCII digits count: `str.isdigit()` is true for `²` and `①`, which `int()` refuses, and
`\\d` matches `٣`, which it accepts; neither is how anyone means to write an id. A number longer
than any id is refused before `int()` reads it (Python refuses more than 4,300 digits anyway).
"""

from __future__ import annotations

import re

# Telegram user ids fit 52 bits (16 digits); database ids 31 bits. 19 digits fit in 63 bits.
DIGITS = "[0-9]{1,19}"
_NUMBER = re.compile(DIGITS)
_ANY_DIGITS = re.compile("[0-9]+")


def parse_number(text: str, *, low: int = 1, high: int) -> int | None:
    """The whole-number `text` (spaces around allowed) if `low <= it <= high`, else None."""
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    number = int(match.group())
    return number if low <= number <= high else None


def is_number(text: str) -> bool:
    """ASCII digits only, however many: a number, if maybe too big to be any id."""
    return _ANY_DIGITS.fullmatch(text.strip()) is not None
