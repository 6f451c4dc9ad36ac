"""Keeping replies within Telegram's limits: shortened values, and lists cut to fit a message."""

from __future__ import annotations

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
