"""bot.languages: which language a reply is in, and what each interface language declares."""

from __future__ import annotations

from typing import Any

import pytest

from bot.formatting.dates import locale_for
from bot.formatting.ordinals import ordinal
from bot.languages import (
    CONTENT_LANGUAGES,
    INTERFACE_LANGUAGES,
    as_language,
    chosen_by_word,
    column_order,
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


def test_a_reader_whose_chain_prefers_russian_sees_the_russian_title_first() -> None:
    both = Meeting(title_en="Water talks", title_ru="Водные переговоры", venue_ru="Дом ООН")
    assert both.text("title", reading_order(KAZAKH)) == "Водные переговоры"
    assert both.text("title", reading_order("en")) == "Water talks"
    # Each chain goes on to every content language: a venue written only in Russian is shown.
    assert both.text("venue", reading_order("en")) == "Дом ООН"
    assert both.text("summary", reading_order(KAZAKH)) is None


@pytest.mark.parametrize(
    ("telegram", "language"),
    [("en-GB", "en"), ("ru", "ru"), ("kk", "kk"), ("uz", "uz"), ("uz-Cyrl", "uz"), ("ky", "ru"),
     ("tg", "ru"), ("tk", "ru"), ("de", None), (None, None)],
)  # fmt: skip
def test_telegram_languages_of_the_region_have_an_interface(
    telegram: str | None, language: str | None
) -> None:
    assert as_language(telegram) == language


def test_kazakh_and_uzbek_readers_read_russian_content_before_english() -> None:
    # Their own language first, now that a meeting may be written in it (issue 26, item 5).
    assert reading_order("kk") == ("kk", "ru", "en", "uz")
    assert reading_order("uz") == ("uz", "ru", "en", "kk")
    assert reading_order("en") == reading_order("xx") == ("en", "ru", "kk", "uz")
    assert column_order("kk") == column_order("uz") == column_order("ru") == ("ru", "en")
    assert column_order("en") == ("en", "ru")


def _in_three_languages() -> Meeting:
    return Meeting(
        title_en="Water talks",
        title_ru="Водные переговоры",
        translations={"kk": {"title": "Су келіссөздері"}, "uz": {"venue": "BMT uyi"}},
    )


@pytest.mark.parametrize(
    ("telegram", "title"),
    [("kk", "Су келіссөздері"), ("ky", "Водные переговоры"), ("en", "Water talks"),
     ("ru", "Водные переговоры"), ("uz", "Водные переговоры")],
)  # fmt: skip
def test_a_kazakh_title_is_read_by_kazakh_readers_only(telegram: str, title: str) -> None:
    reader = as_language(telegram) or "en"
    assert _in_three_languages().text("title", reading_order(reader)) == title


def test_a_field_written_in_one_extra_language_only_is_shown_to_every_reader() -> None:
    meeting = _in_three_languages()
    assert meeting.text("venue", reading_order("en")) == "BMT uyi"
    assert meeting.text("venue", reading_order("kk")) == "BMT uyi"
    assert meeting.text_in("title", "uz") is None and meeting.text_in("title", "ru")


@pytest.mark.parametrize(
    ("forced", "settled", "detected", "reply"),
    [(None, "en", "kk", "kk"), (None, "ru", "uz", "uz"), (None, "uz", "ru", "uz")],
)
def test_a_question_in_kazakh_or_uzbek_is_answered_in_it_unless_the_chat_chose(
    forced: Any, settled: Any, detected: Any, reply: str
) -> None:
    assert reply_language(forced, settled, detected) == reply


@pytest.mark.parametrize(
    ("word", "language"), [("қазақша", "kk"), ("kk", "kk"), ("o'zbekcha", "uz"), ("ўзбекча", "uz")]
)
def test_language_accepts_kazakh_and_uzbek_words(word: str, language: str) -> None:
    assert chosen_by_word(word) == language
