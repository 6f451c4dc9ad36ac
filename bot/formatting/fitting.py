"""Keeping replies within Telegram's limits: shortened values, and lists cut to fit a message."""

from __future__ import annotations

import html
import re

from bot.texts import Html, join

# Characters in one message (Telegram counts after entity parsing; see `length`).
MESSAGE_LIMIT = 4096
ELLIPSIS = "…"


def length(text: str) -> int:
    """A bound on what Telegram counts: tags still included, and UTF-16 units (emoji are 2)."""
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """Plain text (escaped later) cut at a word where possible, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    word_end = cut.rfind(" ")
    if word_end > limit // 2:
        cut = cut[:word_end]
    return cut.rstrip(" ,.;:") + ELLIPSIS


def fit(head: list[Html], items: list[Html], tail: list[Html], shortened: Html) -> Html:
    """Head, as many items as fit, and tail; `shortened` stands for items left out."""
    kept = list(items)
    while kept:
        text = join([*head, *kept, *tail])
        if length(text) <= MESSAGE_LIMIT:
            return text
        kept.pop()
    return join([*head, shortened, *tail])


# Telegram's limit on a document's caption, counted the same way.
CAPTION_LIMIT = 1024
_TAG = re.compile(r"(<[^>]*>)")


def visible_length(text: str) -> int:
    """What Telegram counts: UTF-16 units of the text once tags are parsed and entities decoded."""
    return sum(length(html.unescape(part)) for part in _TAG.split(text)[::2])


def fit_message(text: Html, limit: int = MESSAGE_LIMIT) -> Html:
    """`text` made to fit: the longest run of text between tags is cut until it does.

    The last step on the way out (bot.handlers.delivery), so no path can send too much. The long
    run is a summary or a list of skipped events far more often than a title or a date, so
    cutting it keeps the meaning; tags are never cut, so the HTML stays valid.
    """
    parts = _TAG.split(text)
    excess = visible_length(text) - limit
    while excess > 0:
        longest = max(range(0, len(parts), 2), key=lambda i: visible_length(parts[i]))
        plain = html.unescape(parts[longest])
        keep = max(length(plain) - excess - length(ELLIPSIS), 0)
        cut = html.escape(_cut_units(plain, keep) + ELLIPSIS, quote=False)
        if cut == parts[longest]:
            break  # thousands of tags around single letters: nothing left worth cutting
        parts[longest] = cut
        excess = visible_length("".join(parts)) - limit
    return Html("".join(parts))


def _cut_units(text: str, units: int) -> str:
    """The longest start of `text` within `units` UTF-16 units, ending at a word if it can."""
    kept, used = [], 0
    for char in text:
        used += length(char)
        if used > units:
            break
        kept.append(char)
    cut = "".join(kept)
    word_end = cut.rfind(" ")
    return cut[:word_end] if word_end > len(cut) * 3 // 4 else cut
