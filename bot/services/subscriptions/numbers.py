"""A meeting id typed after a command: ASCII digits only, within what the database holds."""

from __future__ import annotations

import re

from bot.services.callbacks import MAX_NUMBER

_ID = re.compile(r"#?([0-9]{1,10})", re.ASCII)


def meeting_id_of(text: str) -> int | None:
    match = _ID.fullmatch(text.strip())
    if match is None or not 0 < int(match.group(1)) <= MAX_NUMBER:
        return None
    return int(match.group(1))
