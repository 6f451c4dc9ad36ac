"""Languages, declared once: the interface languages (a catalogue in bot/texts each) and the
content languages (the `_en`/`_ru` columns meetings are stored in), with, for each interface
language, its Babel locale, how it writes ordinals, the words `/language` accepts, and the
content languages it reads, in order (a Kazakh or Uzbek reader sees Russian content before
English).

Which language a reply is in (`reply_language`): a language the front end forces (`ask --lang`);
else the chat's choice, the user's Telegram language or the bot's default, in that order; and
when that is a content language, the script the question is written in picks among the content
languages ("Questions in Russian still get Russian answers"), never beyond them.

Adding an interface language: one `LanguageDeclaration` below, its code in `InterfaceLanguage`,
and its catalogue in bot/texts/<code>/ (tests/unit/test_catalogues.py checks every key and
placeholder).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

InterfaceLanguage = Literal["en", "ru"]
ContentLanguage = Literal["en", "ru"]
CONTENT_LANGUAGES: tuple[ContentLanguage, ...] = get_args(ContentLanguage)
OrdinalStyle = Literal["english", "hyphen"]


@dataclass(frozen=True)
class LanguageDeclaration:
    code: InterfaceLanguage
    # Babel's locale for dates (British English writes "27 November 2015", as UN documents do).
    locale: str
    # The content languages this reader reads, first the one shown when a meeting has it.
    content: tuple[ContentLanguage, ...]
    # "english": 6th, 21st; "hyphen": 6-я.
    ordinals: OrdinalStyle
    # What people type after /language for it, folded (case and punctuation do not matter).
    words: tuple[str, ...]


INTERFACE_LANGUAGES: dict[InterfaceLanguage, LanguageDeclaration] = {
    "en": LanguageDeclaration(
        "en", "en_GB", ("en", "ru"), "english", ("en", "eng", "english", "английский", "англ")
    ),
    "ru": LanguageDeclaration(
        "ru", "ru_RU", ("ru", "en"), "hyphen", ("ru", "rus", "russian", "русский", "рус", "ру")
    ),
}
LANGUAGES: tuple[InterfaceLanguage, ...] = tuple(INTERFACE_LANGUAGES)
if set(LANGUAGES) != set(get_args(InterfaceLanguage)):
    raise RuntimeError("every InterfaceLanguage needs its LanguageDeclaration, and only those")


def interface(language: str) -> LanguageDeclaration:
    """The declaration of `language`; English for a code the bot has no catalogue for."""
    return INTERFACE_LANGUAGES.get(language, INTERFACE_LANGUAGES["en"])  # type: ignore[call-overload]


def reading_order(language: str) -> tuple[ContentLanguage, ...]:
    """The content languages a reader of `language` reads, in order (Meeting.text's chain)."""
    return interface(language).content


def as_language(code: str | None) -> InterfaceLanguage | None:
    """The interface language for a Telegram language code (`ru`, `ru-RU`, `en-GB`), if any."""
    if not code:
        return None
    base = code.split("-")[0].split("_")[0].lower()
    return next((language for language in LANGUAGES if language == base), None)


def reply_language(
    forced: InterfaceLanguage | None,
    settled: InterfaceLanguage,
    detected: ContentLanguage | None,
) -> InterfaceLanguage:
    """`settled`: the chat's choice, else the user's Telegram language, else the default;
    `detected`: the content language the question's script suggests (None for a command)."""
    if forced is not None:
        return forced
    if detected is not None and settled in CONTENT_LANGUAGES:
        return detected
    return settled


def chosen_by_word(word: str) -> InterfaceLanguage | None:
    """The language a folded word after /language names, if any."""
    return next((i.code for i in INTERFACE_LANGUAGES.values() if word in i.words), None)
