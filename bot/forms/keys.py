"""The keys of the meeting form, in English and Russian, and the columns they fill.

A translatable field in a content language with no column of its own (bot.languages) is named
by the field's key and the language's code: `title_kk`, `название uz`, `venue-kk`; it fills
`Meeting.translations`. Such a key is no field of its own in `fields()`: its name and example are
the base field's (`admin.field.title` and the code).

Keys are matched after folding case, `ё` and the separators (space, `_`, `-`), so `Часовой пояс`,
`часовой_пояс` and `ЧАСОВОЙ-ПОЯС` are one key.
"""

from __future__ import annotations

import re
from functools import cache

from bot.languages import COLUMN_LANGUAGES, CONTENT_LANGUAGES

REQUIRED: tuple[str, ...] = ("title", "starts", "city")

ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "title en", "name", "название", "заголовок"),
    "starts": (
        "starts",
        "start",
        "starts at",
        "begins",
        "date",
        "начало",
        "начинается",
        "дата",
        "дата начала",
    ),
    "ends": (
        "ends",
        "end",
        "ends at",
        "finish",
        "finishes",
        "конец",
        "окончание",
        "завершение",
        "дата окончания",
    ),
    "city": ("city", "город"),
    "country": ("country", "страна"),
    "venue": ("venue", "venue en", "place", "location", "место", "место проведения", "площадка"),
    "timezone": ("timezone", "time zone", "tz", "zone", "часовой пояс", "пояс", "таймзона"),
    "organizer": (
        "organizer",
        "organizer en",
        "organiser",
        "organized by",
        "organised by",
        "организатор",
        "организаторы",
    ),
    "supporters": (
        "supporters",
        "supporters en",
        "supported by",
        "support",
        "при поддержке",
        "поддержка",
    ),
    "summary": (
        "summary",
        "summary en",
        "agenda",
        "description",
        "повестка",
        "повестка дня",
        "описание",
    ),
    "ordinal": ("ordinal", "number", "no", "номер", "порядковый номер"),
}

# Fields with a Russian twin: every alias of the field plus "ru" names the twin (`повестка_ru`).
TWINS: tuple[str, ...] = ("title", "venue", "organizer", "supporters", "summary")

# Content languages stored in Meeting.translations, each with the twins' `_<code>` keys.
TRANSLATION_LANGUAGES: tuple[str, ...] = tuple(
    code for code in CONTENT_LANGUAGES if code not in COLUMN_LANGUAGES
)
# `title_kk` -> ("title", "kk"): a translated field's base field and language.
TRANSLATED: dict[str, tuple[str, str]] = {
    f"{name}_{code}": (name, code) for name in TWINS for code in TRANSLATION_LANGUAGES
}

# Free text where a line such as "Topics: water, energy" is part of the value, not a key.
LONG_TEXT: frozenset[str] = frozenset(
    {"summary", "summary_ru", *(f"summary_{code}" for code in TRANSLATION_LANGUAGES)}
)


def normalize(key: str) -> str:
    return re.sub(r"[\s_\-]+", "_", key.strip().casefold().replace("ё", "е"))


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for field, aliases in ALIASES.items():
        for alias in aliases:
            index[normalize(alias)] = field
        if field in TWINS:
            for alias in aliases:
                index[normalize(f"{alias} ru")] = f"{field}_ru"
                index[normalize(f"{alias} рус")] = f"{field}_ru"
    return index


@cache
def _translated_index() -> dict[str, str]:
    return {
        normalize(f"{alias} {code}"): f"{field}_{code}"
        for field in TWINS
        for alias in ALIASES[field]
        for code in TRANSLATION_LANGUAGES
    }


def canonical(key: str) -> str | None:
    """The field a typed key names (`title_kk` for a translated one), or None when it names
    none."""
    folded = normalize(key)
    return _index().get(folded) or _translated_index().get(folded)


def fields() -> tuple[str, ...]:
    return tuple(dict.fromkeys(_index().values()))
