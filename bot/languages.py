"""Languages, declared once: the interface languages (a catalogue in bot/locales each) and the
content languages (the `_en`/`_ru` columns meetings are stored in), with, for each interface
language, its Babel locale, its own name (on /language's buttons), the words `/language`
accepts, and the content languages it reads, in order: a Kazakh or Uzbek reader sees a meeting's
Russian title before its English one, and reads a text its catalogue lacks in Russian too.
Telegram language codes with no catalogue yet (Kyrgyz, Tajik, Turkmen) are read as Russian.

Which language a reply is in (`reply_language`): a language the front end forces (`ask --lang`);
else the chat's choice, the user's Telegram language or the bot's default, in that order; and
when that is a content language, the language the question is written in, if the bot speaks it
("Questions in Russian still get Russian answers"; a question in Kazakh, a Kazakh answer). A
chat that chose Kazakh or Uzbek keeps it whatever the question's language.

Adding an interface language: one `LanguageDeclaration` below, its code in `InterfaceLanguage`,
and its
catalogue (`pybabel init -i bot/locales/bot.pot -d bot/locales -D bot -l <code>`; README).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

InterfaceLanguage = Literal["en", "ru", "kk", "uz"]
ContentLanguage = Literal["en", "ru"]
CONTENT_LANGUAGES: tuple[ContentLanguage, ...] = get_args(ContentLanguage)


@dataclass(frozen=True)
class LanguageDeclaration:
    code: InterfaceLanguage
    # Babel's locale for dates, plural and ordinal rules (British English writes
    # "27 November 2015", as UN documents do; Uzbek in the Latin script, as the state writes it).
    locale: str
    # The content languages this reader reads, first the one shown when a meeting has it; also
    # where a text missing in this language's catalogue is taken from.
    content: tuple[ContentLanguage, ...]
    # The language's name in itself, as /language's buttons show it.
    name: str
    # What people type after /language for it, folded (case and punctuation do not matter).
    words: tuple[str, ...]


INTERFACE_LANGUAGES: dict[InterfaceLanguage, LanguageDeclaration] = {
    "en": LanguageDeclaration(
        "en", "en_GB", ("en", "ru"), "English", ("en", "eng", "english", "английский", "англ")
    ),
    "ru": LanguageDeclaration(
        "ru", "ru_RU", ("ru", "en"), "Русский",
        ("ru", "rus", "russian", "русский", "рус", "ру", "орысша", "ruscha", "rus tili"),
    ),
    "kk": LanguageDeclaration(
        "kk", "kk_KZ", ("ru", "en"), "Қазақша",
        ("kk", "kaz", "kazakh", "қазақша", "қазақ", "казахский", "каз", "qazaqsha", "qozoqcha"),
    ),
    "uz": LanguageDeclaration(
        "uz", "uz_Latn_UZ", ("ru", "en"), "Oʻzbekcha",
        ("uz", "uzb", "uzbek", "o'zbekcha", "ozbekcha", "o'zbek", "ўзбекча", "узбекча",
         "узбекский", "узб", "өзбекше"),
    ),
}  # fmt: skip
LANGUAGES: tuple[InterfaceLanguage, ...] = tuple(INTERFACE_LANGUAGES)
if set(LANGUAGES) != set(get_args(InterfaceLanguage)):
    raise RuntimeError("every InterfaceLanguage needs its LanguageDeclaration, and only those")
# Telegram language codes whose readers get another interface language until a catalogue of
# their own exists: in Kyrgyzstan, Tajikistan and Turkmenistan nearly everyone reads Russian.
READ_AS: dict[str, InterfaceLanguage] = {"ky": "ru", "tg": "ru", "tk": "ru"}


def interface(language: str) -> LanguageDeclaration:
    """The declaration of `language`; English for a code the bot has no catalogue for."""
    return INTERFACE_LANGUAGES.get(language, INTERFACE_LANGUAGES["en"])  # type: ignore[call-overload]


def reading_order(language: str) -> tuple[ContentLanguage, ...]:
    """The content languages a reader of `language` reads, best first (Meeting.text's chain):
    ('ru', 'en') for 'kk'."""
    return interface(language).content


def as_language(code: str | None) -> InterfaceLanguage | None:
    """The interface language for a Telegram language code (`ru`, `ru-RU`, `kk`, `uz-Cyrl`,
    `ky`: Russian), if any."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    if base in READ_AS:
        return READ_AS[base]
    return next((language for language in LANGUAGES if language == base), None)


def reply_language(
    forced: InterfaceLanguage | None,
    settled: InterfaceLanguage,
    detected: InterfaceLanguage | None,
) -> InterfaceLanguage:
    """`settled`: the chat's choice, else the user's Telegram language, else the default;
    `detected`: the interface language the question is written in (None for a command)."""
    if forced is not None:
        return forced
    if detected is not None and settled in CONTENT_LANGUAGES:
        return detected
    return settled


def chosen_by_word(word: str) -> InterfaceLanguage | None:
    """The language a folded word after /language names, if any."""
    return next((i.code for i in INTERFACE_LANGUAGES.values() if word in i.words), None)
