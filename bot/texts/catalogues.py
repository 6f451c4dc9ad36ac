"""The gettext catalogues, bot/locales/<code>/LC_MESSAGES/bot.po, read and compiled in memory.

Each entry's `msgctxt` is the key the code asks for (`reminder.title`), its `msgid` the English
text (English is the source language: bot/locales/en/LC_MESSAGES/bot.po holds no `msgstr`), and
its `msgstr` the translation; a counted text has a `msgid_plural` and one `msgstr[n]` for each
plural form of the language, chosen by the `Plural-Forms` rule Babel writes for its locale. The
`.po` files are the truth: they are compiled when first needed, so no `.mo` file is kept or
needed (`pybabel compile` still works on them, for a translator who wants to check a file).

A text the reader's catalogue lacks (missing, empty or fuzzy) comes from the next language of
the reader's content chain (bot.languages), and English last: a Kazakh reader reads Russian
where Kazakh is missing, never a blank.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.languages import LANGUAGES, interface

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "bot"
SOURCE_LANGUAGE = "en"

# The English text of a key: one string, or the singular and plural of a counted text.
Source = str | tuple[str, str]


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(language: str) -> Catalog:
    """The catalogue as a translator wrote it (`babel.messages.catalog.Catalog`)."""
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


@cache
def _parsed(language: str) -> Catalog:
    """The catalogue, parsed once a process: the texts at import and the compiled library both
    read every catalogue, and Babel's parser takes some 8 ms a file. Only read, never changed."""
    return read_catalogue(language)


def key_of(message: Message) -> str:
    return str(message.context)


def is_translated(message: Message) -> bool:
    """Whether the bot uses this translation: neither empty nor fuzzy (every plural form)."""
    return not message.fuzzy and all(forms(message.string))


@dataclass(frozen=True)
class Library:
    """Every catalogue compiled: the English source by key, and each reader's chain."""

    source: dict[str, Source]
    readers: dict[str, gettext.NullTranslations]


@cache
def library() -> Library:
    english = _parsed(SOURCE_LANGUAGE)
    source: dict[str, Source] = {
        key_of(m): (m.id if isinstance(m.id, str) else (m.id[0], m.id[1])) for m in english if m.id
    }
    others: dict[str, Catalog] = {
        code: _parsed(code) for code in LANGUAGES if code != SOURCE_LANGUAGE
    }
    return Library(source, {code: _chain(code, others) for code in LANGUAGES})


def _chain(language: str, catalogues: dict[str, Catalog]) -> gettext.NullTranslations:
    """The reader's own catalogue, then those of its content chain, up to English (the msgid)."""
    codes = [language, *interface(language).content]
    codes = list(dict.fromkeys(codes[: codes.index(SOURCE_LANGUAGE)]))
    first = gettext.NullTranslations()
    for code in reversed(codes):
        translations = _compiled(catalogues[code])
        translations.add_fallback(first)
        first = translations
    return first


def _compiled(catalogue: Catalog) -> gettext.GNUTranslations:
    buffer = BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def own_texts(language: str) -> dict[str, tuple[str, ...]]:
    """The texts `language`'s own catalogue translates, by key, each as its forms (one for a
    text that is not counted); for English, the source."""
    catalogue = _parsed(language)
    if language == SOURCE_LANGUAGE:
        return {key_of(m): forms(m.id) for m in catalogue if m.id}
    return {key_of(m): forms(m.string) for m in catalogue if m.id and is_translated(m)}


def forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A msgid or msgstr as its forms: one for a text that is not counted."""
    return (value or "",) if not isinstance(value, tuple | list) else tuple(value)
