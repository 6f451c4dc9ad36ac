"""Text as people mean it: the one cleaning every text field gets on its way in.

Every entry path calls `clean_text`: the admin's forms and dialog answers (bot.forms.lines), a
calendar import (bot.services.calendars.event_values and record), and the names Telegram gives
(bot.services.inquiry, for /grant). What it removes is invisible yet stored: control characters
(a NUL makes PostgreSQL refuse the whole batch), zero-width characters and bidirectional
controls (Unicode's "format" category, Cf). A right-to-left override (U+202E) shows the text
after it reversed, so `\u202eytamlA` reads "Almaty" on screen: the text is kept as it shows,
reversed back, so that the city is found and stored as readers see it.
"""

from __future__ import annotations

import re
import unicodedata

# RIGHT-TO-LEFT OVERRIDE up to POP DIRECTIONAL FORMATTING, a line's end, or the text's end.
_OVERRIDDEN = re.compile("\u202e([^\u202c\n]*)\u202c?")
# Line and paragraph separators end a line as a line break does.
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n", "\r\n": "\n", "\r": "\n", "\t": " "}
_BREAK = re.compile("|".join(map(re.escape, sorted(_LINE_BREAKS, key=len, reverse=True))))
# Kept: a line break. Every other control (Cc) and format character (Cf) goes.
_INVISIBLE = frozenset({"Cc", "Cf"})


def clean_text(text: str) -> str:
    """`text` as it shows: overrides resolved, invisible and control characters removed.

    Line breaks stay (agendas have paragraphs); tabs become spaces.
    """
    shown = _OVERRIDDEN.sub(lambda match: match[1][::-1], text)
    shown = _BREAK.sub(lambda match: _LINE_BREAKS[match[0]], shown)
    return "".join(
        char for char in shown if char == "\n" or unicodedata.category(char) not in _INVISIBLE
    )


def clean_optional(text: str | None) -> str | None:
    return clean_text(text) if text is not None else None
