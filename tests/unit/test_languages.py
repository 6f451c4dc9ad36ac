"""bot.languages: which language a reply is in, and what each interface language declares."""

from __future__ import annotations

from typing import Any

import pytest

from bot.formatting.dates import locale_for
from bot.formatting.ordinals import ordinal
from bot.languages import (
    CONTENT_LANGUAGES,
    INTERFACE_LANGUAGES,
    LanguageDeclaration,
    chosen_by_word,
    reading_order,
    reply_language,
)
from storage.models import Meeting

KAZAKH: Any = "kk"  # an interface language that is no content language, as Kazakh would be


@pytest.mark.parametrize(
    ("forced", "settled", "detected", "reply"),
    [
        ("en", "ru", "ru", "en"),  # `ask --lang en` wins over everything
        (None, "en", "ru", "ru"),  # a question in Russian gets a Russian answer
        (None, "ru", None, "ru"),  # a command: the chat's language
        (None, KAZAKH, "ru", KAZAKH),  # Cyrillic does not turn a Kazakh chat Russian
        (None, KAZAKH, None, KAZAKH),
    ],
)
def test_the_reply_language_follows_the_documented_precedence(
    forced: Any, settled: Any, detected: Any, reply: str
) -> None:
    assert reply_language(forced, settled, detected) == reply


def test_every_interface_language_reads_only_content_languages_and_every_one_of_them() -> None:
    for language in INTERFACE_LANGUAGES.values():
        assert sorted(language.content) == sorted(CONTENT_LANGUAGES), language.code


@pytest.mark.parametrize(
    ("word", "language"), [("english", "en"), ("ру", "ru"), ("русский", "ru"), ("klingon", None)]
)
def test_language_accepts_the_declared_words(word: str, language: str | None) -> None:
    assert chosen_by_word(word) == language


def test_locale_and_ordinals_come_from_the_declaration() -> None:
    assert (locale_for("en"), locale_for("ru"), locale_for("xx")) == ("en_GB", "ru_RU", "en_GB")
    assert (ordinal(21, "en"), ordinal(12, "en"), ordinal(6, "ru")) == ("21st", "12th", "6-я")


def test_a_reader_whose_chain_prefers_russian_sees_the_russian_title_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kazakh = LanguageDeclaration(KAZAKH, "kk_KZ", ("ru", "en"), "hyphen", ("kk", "қазақша"))
    monkeypatch.setitem(INTERFACE_LANGUAGES, KAZAKH, kazakh)
    both = Meeting(title_en="Water talks", title_ru="Водные переговоры", venue_ru="Дом ООН")
    assert both.text("title", reading_order(KAZAKH)) == "Водные переговоры"
    assert both.text("title", reading_order("en")) == "Water talks"
    # Each chain goes on to every content language: a venue written only in Russian is shown.
    assert both.text("venue", reading_order("en")) == "Дом ООН"
    assert both.text("summary", reading_order(KAZAKH)) is None
