"""Every text a user reads, in English and Russian, under keys grouped by area (`help.*`).

Texts are HTML (the parse mode the bot uses). Values passed to `t` are escaped unless they are
`Html`, which marks a fragment that was itself built from escaped texts.
"""

from __future__ import annotations

import html
from typing import Literal

from bot.texts import en, ru

Language = Literal["en", "ru"]
LANGUAGES: tuple[Language, ...] = ("en", "ru")
CATALOGUES: dict[str, dict[str, str]] = {"en": en.TEXTS, "ru": ru.TEXTS}


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


def as_language(code: str | None) -> Language | None:
    """The catalogue for a Telegram language code (`ru`, `ru-RU`, `en-GB`), if we have one."""
    if not code:
        return None
    base = code.split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None
