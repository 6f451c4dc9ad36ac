"""Languages, declared once: the interface languages (a catalogue in bot/locales each) and the
content languages a meeting's fields may be written in: every interface language, English and
Russian in columns of their own (`title_en`, `title_ru`: the column languages, which cities,
countries and facts are also written in), the others in `Meeting.translations`, so a new one
needs no migration. For each interface language: its Babel locale, its own name (on /language's
buttons), the words `/language` accepts, and the content languages it reads, in order: a Kazakh
reader sees a meeting's Kazakh title, else its Russian one, else the English one, and reads a
text its catalogue lacks in Russian too.
Telegram language codes with no catalogue yet (Kyrgyz, Tajik, Turkmen) are read as Russian.

Which language a reply is in (`reply_language`): a language the front end forces (`ask --lang`);
else the chat's choice, the user's Telegram language or the bot's default, in that order; and
when that is a column language (English or Russian), the language the question is written in,
if the bot speaks it ("Questions in Russian still get Russian answers"; a question in Kazakh,
a Kazakh answer). A chat that chose Kazakh or Uzbek keeps it whatever the question's language.

Adding an interface language: one `LanguageDeclaration` below, its code in `InterfaceLanguage`
(it is then a content language too: the admin form takes `title_<code>`), and its
catalogue (`pybabel init -i bot/locales/bot.pot -d bot/locales -D bot -l <code>`; README).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from storage.models import COLUMN_LANGUAGES as STORED_IN_COLUMNS

InterfaceLanguage = Literal["en", "ru", "kk", "uz"]
# Any interface language may be a meeting's content language.
ContentLanguage = InterfaceLanguage
CONTENT_LANGUAGES: tuple[ContentLanguage, ...] = get_args(ContentLanguage)
# The content languages with columns on every table; also the languages questions are read in.
ColumnLanguage = Literal["en", "ru"]
COLUMN_LANGUAGES: tuple[ColumnLanguage, ...] = get_args(ColumnLanguage)
if COLUMN_LANGUAGES != STORED_IN_COLUMNS:
    raise RuntimeError("the column languages are storage.models.COLUMN_LANGUAGES")


@dataclass(frozen=True)
class LanguageDeclaration:
    code: InterfaceLanguage
    # Babel's locale for dates, plural and ordinal rules (British English writes
    # "27 November 2015", as UN documents do; Uzbek in the Latin script, as the state writes it).
    locale: str
    # The content languages this reader reads, first the one shown when a meeting has it, then
    # every other one (a venue written in one language only is shown to everyone); the part
    # before English is also where a text missing in this language's catalogue is taken from.
    content: tuple[ContentLanguage, ...]
    # The language's name in itself, as /language's buttons show it.
    name: str
    # What people type after /language for it, folded (case and punctuation do not matter).
    words: tuple[str, ...]
    # The time zones /timezone offers its readers first, besides the venues' own.
    zones: tuple[str, ...] = ()


INTERFACE_LANGUAGES: dict[InterfaceLanguage, LanguageDeclaration] = {
    "en": LanguageDeclaration(
        "en", "en_GB", ("en", "ru", "kk", "uz"), "English",
        ("en", "eng", "english", "английский", "англ"),
        ("Europe/London", "America/New_York"),
    ),
    "ru": LanguageDeclaration(
        "ru", "ru_RU", ("ru", "en", "kk", "uz"), "Русский",
        ("ru", "rus", "russian", "русский", "рус", "ру", "орысша", "ruscha", "rus tili"),
        ("Europe/Moscow", "Asia/Bishkek", "Asia/Dushanbe"),
    ),
    "kk": LanguageDeclaration(
        "kk", "kk_KZ", ("kk", "ru", "en", "uz"), "Қазақша",
        ("kk", "kaz", "kazakh", "қазақша", "қазақ", "казахский", "каз", "qazaqsha", "qozoqcha"),
        ("Asia/Almaty",),
    ),
    "uz": LanguageDeclaration(
        "uz", "uz_Latn_UZ", ("uz", "ru", "en", "kk"), "Oʻzbekcha",
        ("uz", "uzb", "uzbek", "o'zbekcha", "ozbekcha", "o'zbek", "ўзбекча", "узбекча",
         "узбекский", "узб", "өзбекше"),
        ("Asia/Tashkent",),
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
    ('kk', 'ru', 'en', 'uz') for 'kk'."""
    return interface(language).content


def column_order(language: str) -> tuple[ColumnLanguage, ...]:
    """`reading_order` among the column languages, for what only they are written in (city and
    country names, facts, a summary's `_en`/`_ru` column): ('ru', 'en') for 'kk'."""
    order = reading_order(language)
    return tuple(sorted(COLUMN_LANGUAGES, key=order.index))


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
    if detected is not None and settled in COLUMN_LANGUAGES:
        return detected
    return settled


def chosen_by_word(word: str) -> InterfaceLanguage | None:
    """The language a folded word after /language names, if any."""
    return next((i.code for i in INTERFACE_LANGUAGES.values() if word in i.words), None)
