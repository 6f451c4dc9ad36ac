"""Reading a text the way Telegram does before it counts it: HTML parsed, length in UTF-16.

Written apart from the bot's own fitting code (html.parser here, a regex there), so a test
that the bot's replies fit does not check the bot against itself.
"""

from __future__ import annotations

from html.parser import HTMLParser

from tests.fakebotapi.store import ApiError

# The tags Telegram's HTML parse mode knows.
TAGS = frozenset(
    [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "tg-spoiler",
        "span",
        "blockquote",
        "tg-emoji",
    ]
)


class _Entities(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            raise ApiError(400, f"Bad Request: can't parse entities: unsupported start tag {tag}")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            raise ApiError(400, f"Bad Request: can't parse entities: unmatched end tag {tag}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_units(text: str, parse_mode: str | None) -> int:
    """UTF-16 code units of what the user sees; ApiError where Telegram could not parse it."""
    if parse_mode is None or parse_mode.upper() != "HTML":
        return len(text.encode("utf-16-le")) // 2
    parser = _Entities()
    parser.feed(text)
    parser.close()
    if parser.open:
        raise ApiError(400, f"Bad Request: can't parse entities: unclosed tag {parser.open[-1]}")
    return len("".join(parser.text).encode("utf-16-le")) // 2
