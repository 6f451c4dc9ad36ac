"""Every text a user reads, one catalogue per interface language (bot.languages declares them:
bot/texts/<code>/), under keys grouped by area (`help.*`).

Texts are HTML (the parse mode the bot uses). Values passed to `t` are escaped unless they are
`Html`, which marks a fragment that was itself built from escaped texts.
"""

from __future__ import annotations

import html
from importlib import import_module

from bot.languages import LANGUAGES, InterfaceLanguage, as_language

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

CATALOGUES: dict[str, dict[str, str]] = {
    code: import_module(f"bot.texts.{code}").TEXTS for code in LANGUAGES
}


class Html(str):
    """A fragment that is already safe HTML: `t` inserts it as it is."""

    __slots__ = ()


def t(language: str, key: str, **values: object) -> Html:
    catalogue = CATALOGUES.get(language, CATALOGUES["en"])
    template = catalogue.get(key) or CATALOGUES["en"][key]
    safe = {name: _escape(value) for name, value in values.items()}
    return Html(template.format(**safe))


def has_text(key: str) -> bool:
    return key in CATALOGUES["en"]


def _escape(value: object) -> str:
    if isinstance(value, Html):
        return value
    return html.escape(str(value), quote=False)


def join(parts: list[Html], separator: str = "\n") -> Html:
    return Html(separator.join(parts))
