"""The keys of the meeting form, in English and Russian, and the columns they fill.

Keys are matched after folding case, `ё` and the separators (space, `_`, `-`), so `Часовой пояс`,
`часовой_пояс` and `ЧАСОВОЙ-ПОЯС` are one key.
"""

from __future__ import annotations

import re
from functools import cache

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

# Free text where a line such as "Topics: water, energy" is part of the value, not a key.
LONG_TEXT: frozenset[str] = frozenset({"summary", "summary_ru"})


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


def canonical(key: str) -> str | None:
    """The field a typed key names, or None when it names none."""
    return _index().get(normalize(key))


def fields() -> tuple[str, ...]:
    return tuple(dict.fromkeys(_index().values()))
