"""Every text a user reads, in gettext catalogues, one per interface language (bot.languages
declares them; bot/locales/<code>/LC_MESSAGES/bot.po, read by bot.texts.catalogues), under keys
grouped by area (`help.*`).

Texts are HTML (the parse mode the bot uses). Values passed to `t` are escaped unless they are
`Html`, which marks a fragment that was itself built from escaped texts. A counted text (one with
plural forms in the catalogue) takes the form the language's plural rule gives for the value
`count` (or `length`, for texts that count characters).
"""

from __future__ import annotations

import html

from bot.languages import LANGUAGES, InterfaceLanguage, as_language
from bot.texts.catalogues import SOURCE_LANGUAGE, library, own_texts

# The values that pick a counted text's plural form, the first one given.
COUNTED_BY = ("count", "length")

__all__ = [
    "CATALOGUES",
    "LANGUAGES",
    "Html",
    "InterfaceLanguage",
    "as_language",
    "has_text",
    "join",
    "t",
]

# Each language's own texts by key (a counted text: its first form), for checks and tests; the
# bot reads them through `t`, which falls back along the reader's chain.
CATALOGUES: dict[str, dict[str, str]] = {
    code: {key: forms[0] for key, forms in own_texts(code).items()} for code in LANGUAGES
}


class Html(str):
    """A fragment that is already safe HTML: `t` inserts it as it is."""

    __slots__ = ()


def t(language: str, key: str, **values: object) -> Html:
    """The text `key` for a reader of `language`, its `{placeholders}` filled with `values`.

    Raises KeyError for a key the English catalogue lacks, and TypeError for a counted text
    without a whole number in `count` or `length` (an int, or its digits as form errors keep
    them)."""
    safe = {name: _escape(value) for name, value in values.items()}
    counted = next((values[name] for name in COUNTED_BY if name in values), None)
    return Html(template(language, key, counted).format(**safe))


def template(language: str, key: str, count: object = None) -> str:
    """The unfilled text of `key` for a reader of `language`; `count` picks a plural form."""
    found = library()
    source = found.source[key]
    reader = found.readers.get(language) or found.readers[SOURCE_LANGUAGE]
    if isinstance(source, str):
        return reader.pgettext(key, source)
    return reader.npgettext(key, source[0], source[1], _whole(key, count))


def _whole(key: str, count: object) -> int:
    if isinstance(count, int):
        return count
    if isinstance(count, str) and count.isascii() and count.isdigit():
        return int(count)
    raise TypeError(f"the text {key!r} is counted: pass count=<int>")


def has_text(key: str) -> bool:
    return key in library().source


def _escape(value: object) -> str:
    if isinstance(value, Html):
        return value
    return html.escape(str(value), quote=False)


def join(parts: list[Html], separator: str = "\n") -> Html:
    return Html(separator.join(parts))
